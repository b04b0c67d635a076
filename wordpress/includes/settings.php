<?php
/**
 * The rules the element's attribute values must follow. The attributes themselves, and the
 * values each accepts, are in element-attributes.php, generated from the element's manifest:
 * one list serves the HTML filter (what authors may type), the shortcode and the block, so
 * the three never disagree with each other or with the element.
 *
 * @package CaseStudyFinder
 */

namespace CaseStudyFinder;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Whether a value is acceptable for an attribute of the given kind. URLs are not judged here:
 * they go through clean_url().
 *
 * @param string          $kind  A kind from element_attributes(), or a list of allowed values.
 * @param string          $value The value as written.
 * @return bool
 */
function is_valid_value( $kind, $value ) {
	$value = trim( (string) $value );
	if ( is_array( $kind ) ) {
		return in_array( strtolower( $value ), $kind, true );
	}
	switch ( $kind ) {
		case 'fields':
			// Feed field names, such as `topics supportTypes region`.
			return 1 === preg_match( '/^[\w.-]+(?:\s+[\w.-]+)*$/', $value ) && strlen( $value ) <= 200;
		case 'count':
			return 1 === preg_match( '/^[0-9]{1,6}$/', $value ) && (int) $value > 0;
		case 'lang':
			return 1 === preg_match( '/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/', $value );
		case 'token':
			return 1 === preg_match( '/^[\w.-]{1,40}$/', $value );
		case 'text':
			return strlen( $value ) <= 500;
		case 'flag':
		case 'url':
			return true;
	}
	return false;
}

/**
 * A URL that is safe in an attribute: `http:` and `https:` addresses and relative ones are kept,
 * anything else (`javascript:`, `data:` …) becomes ''. The result still needs esc_attr().
 *
 * esc_url_raw() is used for absolute addresses only: it would turn a relative `feed.json`
 * into `http://feed.json`.
 *
 * @param string $url As given.
 * @return string
 */
function clean_url( $url ) {
	$url = trim( wp_strip_all_tags( (string) $url ) );
	if ( '' === $url ) {
		return '';
	}
	if ( preg_match( '#^(?:[a-z][a-z0-9+.-]*:|//)#i', $url ) ) {
		return esc_url_raw( $url, array( 'http', 'https' ) );
	}
	// A relative address. wp_kses_bad_protocol() also catches schemes hidden by entities or
	// control characters (`java&#x09;script:`), which the pattern above does not see.
	$cleaned = wp_kses_bad_protocol( $url, array( 'http', 'https' ) );
	return $cleaned === $url ? $url : '';
}

/**
 * Whether a finder may load its feed from this address. Anyone who can add a finder (an
 * Author, a Contributor) can point it at any feed address, and visitors' browsers then fetch
 * it; a site owner who wants only this site's own feeds says so with the
 * `case_study_finder_feed_hosts` filter. Relative addresses are this site's.
 *
 * @param string $url A cleaned URL (see clean_url()).
 * @return bool
 */
function is_allowed_feed( $url ) {
	/**
	 * Filters the hosts whose feeds finders may load, besides this site's own. null (the
	 * default) allows any; `array()` allows this site only; `array( 'data.example.gov.uk' )`
	 * this site and that one.
	 *
	 * @param string[]|null $hosts Host names, or null for any.
	 */
	$hosts = apply_filters( 'case_study_finder_feed_hosts', null );
	if ( ! is_array( $hosts ) ) {
		return true;
	}
	$parts = wp_parse_url( $url );
	if ( false === $parts ) {
		return false;
	}
	if ( ! isset( $parts['host'] ) ) {
		return ! isset( $parts['scheme'] );
	}
	$allowed = array_map( 'strtolower', array_merge( array( (string) wp_parse_url( home_url(), PHP_URL_HOST ) ), $hosts ) );
	return in_array( strtolower( $parts['host'] ), $allowed, true );
}

/**
 * The value to write for one attribute, or null to leave the attribute out.
 *
 * @param string $name  Attribute name from element_attributes().
 * @param mixed  $value As given in a shortcode or block.
 * @return string|true|null True for a boolean attribute that is on.
 */
function clean_attribute( $name, $value ) {
	$kinds = element_attributes();
	if ( ! isset( $kinds[ $name ] ) || null === $value || false === $value ) {
		return null;
	}
	$kind = $kinds[ $name ];
	if ( 'flag' === $kind ) {
		return is_on( $value ) ? true : null;
	}
	if ( is_bool( $value ) || is_array( $value ) || is_object( $value ) ) {
		return null;
	}
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return null;
	}
	if ( 'url' === $kind ) {
		$url = clean_url( $value );
		if ( 'src' === $name && '' !== $url && ! is_allowed_feed( $url ) ) {
			return null;
		}
		return '' === $url ? null : $url;
	}
	if ( 'text' === $kind ) {
		$value = sanitize_text_field( $value );
	}
	if ( ! is_valid_value( $kind, $value ) ) {
		return null;
	}
	return is_array( $kind ) ? strtolower( $value ) : $value;
}

/**
 * Whether a shortcode or block value means "on": a bare `sync-url`, `sync-url="true"`,
 * `"1"`, `"yes"`, `"on"`, or the attribute's own name.
 *
 * @param mixed $value As given.
 * @return bool
 */
function is_on( $value ) {
	if ( is_bool( $value ) ) {
		return $value;
	}
	if ( is_int( $value ) ) {
		return 0 !== $value;
	}
	$value = strtolower( trim( (string) $value ) );
	return in_array( $value, array( '', '1', 'true', 'yes', 'on', 'sync-url' ), true );
}
