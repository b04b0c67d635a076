<?php
/**
 * Lets <case-study-finder> through WordPress's HTML filter (kses).
 *
 * Users without the `unfiltered_html` capability — Authors and Contributors everywhere,
 * everyone but Super Admins on a multisite network, and every user when
 * DISALLOW_UNFILTERED_HTML is set — have their post HTML cleaned by kses on save, and kses
 * drops any element it has not been told about. Without this the element vanishes from their
 * posts (leaving only the link inside it) and nobody is told why.
 *
 * The filter only adds the element and its own attributes. Everything kses does to other
 * HTML stays as it is: `<script>` is still removed, so the widget's script comes from this
 * plugin, never from post content. Attribute values are checked as well: `src` and `all-href`
 * lose unsafe schemes such as `javascript:`, `src` must name a feed the site allows (any, unless
 * the owner limits them: see is_allowed_feed()), and the others must look like what the
 * element expects or are dropped.
 *
 * @package CaseStudyFinder
 */

namespace CaseStudyFinder;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds the element to the tags allowed in posts.
 *
 * @param array<string, mixed> $allowed Tags and their attributes allowed in this context.
 * @param string|array         $context Where the HTML is going ('post' for post content).
 * @return array<string, mixed>
 */
function allow_element( $allowed, $context ) {
	if ( 'post' !== $context || ! is_array( $allowed ) ) {
		return $allowed;
	}
	$attributes = array();
	foreach ( element_attributes() as $name => $kind ) {
		$attributes[ $name ] = kses_rule( $kind );
	}
	// A feed from a site the owner has not allowed (see is_allowed_feed()) is removed.
	$attributes['src'] = array(
		'value_callback' => static function ( $value ) {
			return is_allowed_feed( clean_url( $value ) );
		},
	);
	// The attributes kses allows on every element it knows.
	foreach ( array( 'id', 'class', 'title', 'dir', 'hidden', 'style' ) as $name ) {
		$attributes[ $name ] = true;
	}
	$attributes['data-*'] = true;

	$allowed['case-study-finder'] = $attributes;
	return $allowed;
}

/**
 * The kses rule for one kind of value (see wp_kses_check_attr_val()).
 *
 * @param string|string[] $kind A kind from element_attributes(), or a list of allowed values.
 * @return true|array<string, mixed>
 */
function kses_rule( $kind ) {
	if ( is_array( $kind ) ) {
		return array( 'values' => $kind );
	}
	if ( 'url' === $kind || 'flag' === $kind ) {
		// URLs are checked by kses itself (see uri_attributes()); a flag has no value to check.
		return true;
	}
	return array(
		'value_callback' => static function ( $value ) use ( $kind ) {
			return is_valid_value( $kind, $value );
		},
	);
}

/**
 * Asks kses to treat `all-href` as a URL, so that it loses unsafe schemes as `src` and `href`
 * do.
 *
 * @param string[] $attributes Attribute names whose values are URLs.
 * @return string[]
 */
function uri_attributes( $attributes ) {
	$attributes[] = 'all-href';
	return $attributes;
}
