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
 * - `tag`: list this site's posts with the tag with this slug (when there is no `src`);
 * - `post-type`: list this site's posts of another type visitors can see (when there is no `src`);
 * - `include-current`: list the post the finder is on too (it is left out by default);
 * - `fallback-href`, `fallback-text`: the link shown when JavaScript does not run.
 *
 * @return array<string, null>
 */
function plugin_settings() {
	return array(
		'category'        => null,
		'tag'             => null,
		'post-type'       => null,
		'include-current' => null,
		'fallback-href'   => null,
		'fallback-text'   => null,
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
 * The <case-study-finder> element for these settings, with what is shown when JavaScript does
 * not run, and the widget's script queued for the page.
 *
 * For this site's own feed, that is the whole list of its case studies (see fallback_list())
 * and a link to them, so visitors without JavaScript and every crawler get every case study;
 * for a feed from elsewhere, the link.
 *
 * @param array<string, mixed> $settings Element attributes and plugin_settings(), by
 *                                       attribute name; unknown or empty ones are ignored.
 * @param string|null          $fallback HTML shown when JavaScript does not run (already
 *                                       safe): an author's own, or null for the list and link.
 * @return string
 */
function render_element( array $settings, $fallback = null ) {
	$slug     = is_string( $settings['category'] ?? null ) ? sanitize_title( $settings['category'] ) : '';
	$tag      = is_string( $settings['tag'] ?? null ) ? sanitize_title( $settings['tag'] ) : '';
	$category = category_from( $slug );

	$attributes = array();
	foreach ( array_keys( element_attributes() ) as $name ) {
		$value = clean_attribute( $name, $settings[ $name ] ?? null );
		if ( null !== $value ) {
			$attributes[ $name ] = $value;
		}
	}
	$own_feed = null;
	if ( ! isset( $attributes['src'] ) ) {
		// A slug that names no category still goes into the address: the feed then answers
		// with an error the widget shows, rather than quietly listing every post.
		$own_feed   = own_feed_arguments( $slug, $tag, $settings['post-type'] ?? null, $settings['include-current'] ?? null );
		$attributes = array( 'src' => add_query_arg( array_map( 'rawurlencode', url_arguments( $own_feed ) ), rest_url( FEED_NAMESPACE . FEED_ROUTE ) ) ) + $attributes;
	}
	$archive = $category ? get_category_link( $category ) : '';
	if ( ! isset( $attributes['all-href'] ) && 'compact' === ( $attributes['variant'] ?? '' ) && $archive ) {
		$attributes['all-href'] = $archive;
	}

	if ( null === $fallback ) {
		$link     = fallback_link( $settings, $attributes, $archive );
		$list     = $own_feed ? fallback_list( $own_feed, (int) ( $attributes['heading-level'] ?? 0 ) ) : '';
		$fallback = '' === $list ? $link : $list . '<p>' . $link . '</p>';
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
 * The arguments of this site's feed for the finder: narrowed to a category, a tag and a post
 * type, and without the post the finder is on (unless `include-current` is on), which would
 * otherwise be listed as a case study on its own page.
 *
 * @param string $category        Slug of the category to list, or ''.
 * @param string $tag             Slug of the tag to list, or ''.
 * @param mixed  $post_type       Post type name as given, if any.
 * @param mixed  $include_current The `include-current` setting as given.
 * @return array<string, mixed> Feed arguments, as the feed's query takes them.
 */
function own_feed_arguments( $category, $tag, $post_type, $include_current ) {
	$args = array(
		'category'  => $category,
		'tag'       => $tag,
		'post_type' => is_string( $post_type ) && '' !== $post_type ? sanitize_key( $post_type ) : 'post',
		'exclude'   => array(),
	);
	// The post being shown: in the loop (a shortcode or block in the content) or while the
	// editor previews a block, the loop's; elsewhere (a widget), the page's own, if it is one.
	$current = null;
	if ( in_the_loop() || ( defined( 'REST_REQUEST' ) && REST_REQUEST ) ) {
		$current = get_post();
	} elseif ( is_singular() ) {
		$current = get_queried_object();
	}
	if ( ( null === $include_current || ! is_on( $include_current ) ) && $current instanceof \WP_Post && $current->post_type === $args['post_type'] ) {
		$args['exclude'][] = (int) $current->ID;
	}
	return $args;
}

/**
 * Feed arguments as they go into the feed's address: the defaults left out.
 *
 * @param array<string, mixed> $args From own_feed_arguments().
 * @return array<string, string>
 */
function url_arguments( array $args ) {
	$query = array();
	foreach ( array( 'category', 'tag' ) as $name ) {
		if ( '' !== $args[ $name ] ) {
			$query[ $name ] = $args[ $name ];
		}
	}
	if ( 'post' !== $args['post_type'] ) {
		$query['post_type'] = $args['post_type'];
	}
	if ( $args['exclude'] ) {
		$query['exclude'] = implode( ',', $args['exclude'] );
	}
	return $query;
}

/**
 * Every case study of this site's feed as plain HTML, for visitors without JavaScript and for
 * crawlers: a heading, then a list with each case study's linked title, organisation, date
 * and summary. The element hides it once it runs, and shows it again beneath its error
 * message. Markup as the `case-study-finder html` command writes it; items whose address the
 * widget would refuse (not http:, https: or relative) are left out, as the widget leaves them.
 *
 * @param array<string, mixed> $args          From own_feed_arguments().
 * @param int                  $heading_level The element's `heading-level`, or 0: the list's
 *                                            heading is at that level (h2 by default), each
 *                                            case study's title one below.
 * @return string HTML, or '' when there is nothing to list.
 */
function fallback_list( array $args, $heading_level ) {
	if ( ! in_array( $args['post_type'], feed_post_types(), true ) ) {
		return '';
	}
	$request = new \WP_REST_Request( 'GET', '/' . FEED_NAMESPACE . FEED_ROUTE );
	$request->set_query_params( $args + array( 'per_page' => 100 ) );
	$feed = build_feed( $request );
	if ( is_wp_error( $feed ) || empty( $feed['items'] ) ) {
		return '';
	}
	$level = $heading_level >= 2 && $heading_level <= 6 ? $heading_level : 2;
	$inner = min( 6, $level + 1 );
	$title = ( '' !== $args['category'] || '' !== $args['tag'] ) ? (string) $feed['title'] : __( 'Case studies', 'case-study-finder' );

	$items = '';
	foreach ( $feed['items'] as $item ) {
		$url = clean_url( (string) ( $item['url'] ?? '' ) );
		if ( '' === $url || '' === (string) ( $item['title'] ?? '' ) ) {
			continue;
		}
		$html = sprintf( '<h%1$d><a href="%2$s">%3$s</a></h%1$d>', $inner, esc_url_attribute( $url ), esc_html( $item['title'] ) );
		$meta = array();
		if ( '' !== (string) ( $item['organisation'] ?? '' ) ) {
			$meta[] = esc_html( $item['organisation'] );
		}
		if ( preg_match( '/^\d{4}-\d{2}-\d{2}$/', (string) ( $item['date'] ?? '' ) ) ) {
			$meta[] = sprintf( '<time datetime="%s">%s</time>', esc_attr( $item['date'] ), esc_html( mysql2date( (string) get_option( 'date_format' ), $item['date'] ) ) );
		}
		if ( $meta ) {
			$html .= '<p>' . implode( ' · ', $meta ) . '</p>';
		}
		if ( '' !== (string) ( $item['summary'] ?? '' ) ) {
			$html .= '<p>' . esc_html( $item['summary'] ) . '</p>';
		}
		$items .= '<li>' . $html . '</li>';
	}
	if ( '' === $items ) {
		return '';
	}
	return sprintf( '<h%1$d>%2$s</h%1$d><ul>%3$s</ul>', $level, esc_html( $title ), $items );
}
