<?php
/**
 * Router for PHP's built-in server (`php -S … router.php`), standing in for the rewrite rules
 * Apache would read from .htaccess: files that exist are served as they are, every other
 * address goes to WordPress's index.php, so pretty permalinks and /wp-json/ work.
 */

$root = $_SERVER['DOCUMENT_ROOT'];
$path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

if ( '/' !== $path && file_exists( $root . $path ) ) {
	if ( ! is_dir( $root . $path ) || file_exists( rtrim( $root . $path, '/' ) . '/index.php' ) ) {
		return false;
	}
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir( $root );
require $root . '/index.php';
