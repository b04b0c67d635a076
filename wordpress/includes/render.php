<?php
/**
 * The element's HTML, shared by the shortcode and the block.
 *
 * @package CaseStudyFinder
 */

namespace CaseStudyFinder;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Settings the shortcode and the block take besides the element's own attributes.
 *
 * - `category`: list this site's posts in the category with this slug (used when there is
 *   no `src`), and link to that category's archive when JavaScript does not run;
 * - `post-type`: list this site's posts of another public type (when there is no `src`);
 * - `fallback-href`, `fallback-text`: the link shown when JavaScript does not run.
 *
 * @return array<string, null>
 */
function plugin_settings() {
	return array(
		'category'      => null,
		'post-type'     => null,
		'fallback-href' => null,
		'fallback-text' => null,
	);
}

/**
 * Registers `[case_study_finder]`.
 */
function register_shortcode() {
	add_shortcode( 'case_study_finder', __NAMESPACE__ . '\\shortcode' );
}

/**
 * `[case_study_finder category="case-studies" facets="topics" page-size="6" sync-url]`
 *
 * Attribute names are the element's (`page_size` works as well as `page-size`). Text between
 * `[case_study_finder]` and `[/case_study_finder]` replaces the default fallback link.
 *
 * @param array|string $atts    Attributes; a bare word such as `sync-url` arrives as a value.
 * @param string|null  $content Enclosed text, if any.
 * @return string
 */
function shortcode( $atts, $content = null ) {
	$given = array();
	foreach ( (array) $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			// `[case_study_finder sync-url]`: a bare word is a boolean attribute that is on.
			$given[ normalise_name( $value ) ] = true;
		} else {
			$given[ normalise_name( $key ) ] = $value;
		}
	}
	$defaults = array_merge( array_fill_keys( array_keys( element_attributes() ), null ), plugin_settings() );
	$settings = shortcode_atts( $defaults, $given, 'case_study_finder' );

	$fallback = null;
	if ( is_string( $content ) && '' !== trim( $content ) ) {
		$fallback = wp_kses_post( $content );
	}
	return render_element( $settings, $fallback );
}

/**
 * `page_size`, `Page-Size` → `page-size`.
 *
 * @param string $name As written.
 * @return string
 */
function normalise_name( $name ) {
	return str_replace( '_', '-', strtolower( trim( (string) $name ) ) );
}

/**
 * The <case-study-finder> element for these settings, with its fallback link, and the
 * widget's script queued for the page.
 *
 * @param array<string, mixed> $settings Element attributes and plugin_settings(), by
 *                                       attribute name; unknown or empty ones are ignored.
 * @param string|null          $fallback HTML shown when JavaScript does not run (already
 *                                       safe), or null for a link to the case studies.
 * @return string
 */
function render_element( array $settings, $fallback = null ) {
	$slug     = is_string( $settings['category'] ?? null ) ? sanitize_title( $settings['category'] ) : '';
	$category = category_from( $slug );

	$attributes = array();
	foreach ( array_keys( element_attributes() ) as $name ) {
		$value = clean_attribute( $name, $settings[ $name ] ?? null );
		if ( null !== $value ) {
			$attributes[ $name ] = $value;
		}
	}
	if ( ! isset( $attributes['src'] ) ) {
		// A slug that names no category still goes into the address: the feed then answers
		// with an error the widget shows, rather than quietly listing every post.
		$attributes = array( 'src' => feed_url( $slug, $settings['post-type'] ?? null ) ) + $attributes;
	}
	$archive = $category ? get_category_link( $category ) : '';
	if ( ! isset( $attributes['all-href'] ) && 'compact' === ( $attributes['variant'] ?? '' ) && $archive ) {
		$attributes['all-href'] = $archive;
	}

	if ( null === $fallback ) {
		$fallback = fallback_link( $settings, $attributes, $archive );
	}

	enqueue_widget();

	$html = '<case-study-finder';
	foreach ( $attributes as $name => $value ) {
		if ( true === $value ) {
			$html .= ' ' . $name;
		} elseif ( in_array( $name, array( 'src', 'all-href' ), true ) ) {
			$html .= sprintf( ' %s="%s"', $name, esc_url_attribute( $value ) );
		} else {
			$html .= sprintf( ' %s="%s"', $name, esc_attr( $value ) );
		}
	}
	return $html . '>' . $fallback . '</case-study-finder>';
}

/**
 * The link shown instead of the widget when JavaScript does not run, and beneath its error
 * message when the feed cannot be loaded: to `fallback-href` if given, else the `all-href`
 * page, the category's archive, or the posts page.
 *
 * @param array<string, mixed>  $settings   As given.
 * @param array<string, string> $attributes The element's cleaned attributes.
 * @param string                $archive    The category archive's address, or ''.
 * @return string
 */
function fallback_link( array $settings, array $attributes, $archive ) {
	$href = clean_url( $settings['fallback-href'] ?? '' );
	if ( '' === $href ) {
		$href = $attributes['all-href'] ?? $archive;
	}
	if ( '' === $href ) {
		$posts_page = (int) get_option( 'page_for_posts' );
		$href       = $posts_page ? (string) get_permalink( $posts_page ) : home_url( '/' );
	}
	$text = sanitize_text_field( (string) ( $settings['fallback-text'] ?? '' ) );
	if ( '' === $text ) {
		$text = __( 'Browse all case studies', 'case-study-finder' );
	}
	return sprintf( '<a href="%s">%s</a>', esc_url_attribute( $href ), esc_html( $text ) );
}

/**
 * Escapes a URL that clean_url() has accepted for an attribute. Relative addresses are
 * escaped as text: esc_url() would make `feed.json` into `http://feed.json`.
 *
 * @param string $url A cleaned URL.
 * @return string
 */
function esc_url_attribute( $url ) {
	if ( preg_match( '#^(?:[a-z][a-z0-9+.-]*:|//)#i', $url ) ) {
		return esc_url( $url, array( 'http', 'https' ) );
	}
	return esc_attr( $url );
}

/**
 * The category with this slug, or null when there is none.
 *
 * @param string $slug A sanitised slug, or ''.
 * @return \WP_Term|null
 */
function category_from( $slug ) {
	if ( '' === $slug ) {
		return null;
	}
	$term = get_term_by( 'slug', $slug, 'category' );
	return $term instanceof \WP_Term ? $term : null;
}

/**
 * This site's feed, optionally narrowed to a category and a post type.
 *
 * @param string $category  Slug of the category to list, or ''.
 * @param mixed  $post_type Post type name as given, if any.
 * @return string
 */
function feed_url( $category = '', $post_type = null ) {
	$args = array();
	if ( '' !== $category ) {
		$args['category'] = $category;
	}
	if ( is_string( $post_type ) && '' !== $post_type && 'post' !== $post_type ) {
		$args['post_type'] = sanitize_key( $post_type );
	}
	return add_query_arg( $args, rest_url( FEED_NAMESPACE . FEED_ROUTE ) );
}
