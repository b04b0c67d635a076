<?php
/**
 * Sets up a fresh WordPress for the plugin's tests, from the command line (there is no wp-cli
 * package in Debian): installs the site, installs the plugin from its zip the way Plugins →
 * Upload does, activates it, and makes an Administrator and an Author with application
 * passwords. Prints what the tests need as JSON.
 *
 * Usage: php install.php DOCROOT ZIP URL
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
if ( $argc !== 4 ) {
	fwrite( STDERR, "Usage: php install.php DOCROOT ZIP URL\n" );
	exit( 2 );
}
list( , $docroot, $zip, $url ) = $argv;

// wp-load.php reads the request; a command line has none.
$host                       = (string) parse_url( $url, PHP_URL_HOST ) . ':' . (string) parse_url( $url, PHP_URL_PORT );
$_SERVER['HTTP_HOST']       = $host;
$_SERVER['SERVER_NAME']     = (string) parse_url( $url, PHP_URL_HOST );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

define( 'WP_INSTALLING', true );
chdir( $docroot );
require $docroot . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

/**
 * Stops with a message on stderr.
 *
 * @param string $message What went wrong.
 */
function fail( $message ) {
	fwrite( STDERR, $message . "\n" );
	exit( 1 );
}

$admin_password = wp_generate_password( 24, false );
$installed      = wp_install( 'Borsetshire County Council', 'admin', 'admin@example.test', false, '', $admin_password );
if ( empty( $installed['user_id'] ) ) {
	fail( 'wp_install() made no user.' );
}
update_option( 'permalink_structure', '/%postname%/' );
update_option( 'blogdescription', 'Case study finder tests' );
flush_rewrite_rules( false );

// Plugins → Add New → Upload Plugin, without the screen: the same unzipping and checks.
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_set_current_user( $installed['user_id'] );
$skin          = new Automatic_Upgrader_Skin();
$upgrader      = new Plugin_Upgrader( $skin );
$installed_zip = $upgrader->install( $zip );
if ( true !== $installed_zip ) {
	$why = is_wp_error( $installed_zip ) ? $installed_zip->get_error_message() : implode( ' ', $skin->get_upgrade_messages() );
	fail( 'The plugin zip did not install: ' . $why );
}
$plugin    = $upgrader->plugin_info();
$activated = activate_plugin( $plugin );
if ( is_wp_error( $activated ) ) {
	fail( 'The plugin did not activate: ' . $activated->get_error_message() );
}

$author_password = wp_generate_password( 24, false );
$author_id       = wp_insert_user(
	array(
		'user_login'   => 'author',
		'user_pass'    => $author_password,
		'user_email'   => 'author@example.test',
		'display_name' => 'Ann Author',
		'role'         => 'author',
	)
);
if ( is_wp_error( $author_id ) ) {
	fail( 'No Author: ' . $author_id->get_error_message() );
}

/**
 * A new application password for a user.
 *
 * @param int $user_id The user.
 * @return string
 */
function application_password( $user_id ) {
	$created = WP_Application_Passwords::create_new_application_password( $user_id, array( 'name' => 'case-study-finder tests' ) );
	if ( is_wp_error( $created ) ) {
		fail( 'No application password: ' . $created->get_error_message() );
	}
	return $created[0];
}

echo wp_json_encode(
	array(
		'plugin' => $plugin,
		'admin'  => array(
			'user'                 => 'admin',
			'password'             => $admin_password,
			'application_password' => application_password( $installed['user_id'] ),
		),
		'author' => array(
			'user'                 => 'author',
			'password'             => $author_password,
			'application_password' => application_password( $author_id ),
		),
	)
);
