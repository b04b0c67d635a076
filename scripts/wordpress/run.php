<?php
/**
 * Runs a PHP file inside a test site's WordPress, from the command line, and prints what it
 * returns as JSON: how the tests set up what no REST route reaches (posts of a type kept out of
 * REST, options). Test sites only: scripts/wordpress/site.mjs calls it.
 *
 * Usage: php run.php DOCROOT URL FILE
 */

if ( PHP_SAPI !== 'cli' || 4 !== $argc ) {
	fwrite( STDERR, "Usage: php run.php DOCROOT URL FILE\n" );
	exit( 2 );
}
list( , $docroot, $url, $file ) = $argv;

// wp-load.php reads the request; a command line has none.
$_SERVER['HTTP_HOST']       = (string) parse_url( $url, PHP_URL_HOST ) . ':' . (string) parse_url( $url, PHP_URL_PORT );
$_SERVER['SERVER_NAME']     = (string) parse_url( $url, PHP_URL_HOST );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

chdir( $docroot );
require $docroot . '/wp-load.php';
echo wp_json_encode( require $file );
