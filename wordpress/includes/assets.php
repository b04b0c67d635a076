<?php
/**
 * The widget's scripts: registered on every request, printed only on pages that show it.
 *
 * Browsers that run modules load dist/case-study-finder.js; the few that do not load the same
 * widget as a classic script (`nomodule`), which modern browsers skip without downloading. If
 * an old browser runs both, the second one finds the element already defined and does nothing.
 *
 * WordPress 6.1 has no wp_enqueue_script_module() (that came in 6.5), so the module is an
 * ordinary registered script whose tag is rewritten by module_script_tags().
 *
 * @package CaseStudyFinder
 */

namespace CaseStudyFinder;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const MODULE_HANDLE  = 'case-study-finder';
const CLASSIC_HANDLE = 'case-study-finder-classic';

/**
 * Registers both scripts, in the footer: the element upgrades whenever its script arrives, and
 * its fallback link is there until then.
 */
function register_assets() {
	$base = plugins_url( 'dist/', PLUGIN_FILE );
	wp_register_script( MODULE_HANDLE, $base . 'case-study-finder.js', array(), VERSION, true );
	wp_register_script( CLASSIC_HANDLE, $base . 'case-study-finder.iife.js', array(), VERSION, true );
}

/**
 * Queues the widget for this page. Safe to call any number of times.
 */
function enqueue_widget() {
	if ( ! wp_script_is( MODULE_HANDLE, 'registered' ) ) {
		register_assets();
	}
	wp_enqueue_script( MODULE_HANDLE );
	wp_enqueue_script( CLASSIC_HANDLE );
}

/**
 * Filter for HTML on its way to the page: queues the widget when the HTML has the element.
 * Shortcodes and blocks queue it themselves; this catches the element written by hand.
 *
 * @param string $html Post content, a rendered block or a widget's text.
 * @return string The same HTML.
 */
function enqueue_if_used( $html ) {
	if ( is_string( $html ) && false !== stripos( $html, '<case-study-finder' ) ) {
		enqueue_widget();
	}
	return $html;
}

/**
 * Makes the widget's tags a module and its `nomodule` fallback.
 *
 * @param string $tag    The script tag WordPress made (it may carry inline scripts too).
 * @param string $handle The script's handle.
 * @return string
 */
function module_script_tags( $tag, $handle ) {
	if ( MODULE_HANDLE === $handle ) {
		return set_script_type( $tag, $handle, ' type="module"' );
	}
	if ( CLASSIC_HANDLE === $handle ) {
		return set_script_type( $tag, $handle, ' nomodule defer' );
	}
	return $tag;
}

/**
 * Replaces the `type` of the one `<script src>` in $tag that WordPress gave the id
 * "{$handle}-js", leaving any inline scripts around it alone. Themes without HTML5 script
 * support get `type='text/javascript'`, which would stop a module from running as one.
 *
 * @param string $tag        Tag HTML from the script_loader_tag filter.
 * @param string $handle     The script's handle.
 * @param string $attributes Attributes to add, with a leading space.
 * @return string
 */
function set_script_type( $tag, $handle, $attributes ) {
	$id = preg_quote( $handle . '-js', '/' );
	return (string) preg_replace_callback(
		'/<script\b([^>]*\bid=([\'"])' . $id . '\2[^>]*)>/i',
		static function ( $match ) use ( $attributes ) {
			$rest = preg_replace( '/\s(?:type|nomodule|defer)(?:=([\'"])[^\'"]*\1)?(?=[\s>]|$)/i', '', $match[1] );
			return '<script' . $attributes . $rest . '>';
		},
		$tag,
		1
	);
}
