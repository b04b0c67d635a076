<?php
/**
 * GET /wp-json/case-study-finder/v1/feed: this site's published posts as a case study feed,
 * so that a council on WordPress needs no feed of its own.
 *
 * Query arguments: `category` (a category slug, its subcategories included), `tag` (a tag
 * slug), `post_type` (any type visitors can see; `post` by default), `exclude` (post ids to
 * leave out: the finder's own page) and `per_page` (1 to 500, 100 by default; the newest come
 * first). Anything else, an array where a slug belongs or a slug that is no slug, is answered
 * with a 400 in JSON. Answers may be kept for 5 minutes (`case_study_finder_feed_max_age`).
 *
 * Each post becomes one item: `title`, `url` (permalink), `summary` (the excerpt as plain
 * text), `date` (YYYY-MM-DD), `topics` (categories), `keywords` (tags), `image` (the featured
 * image and its alt text) and `organisation` (the post's `case_study_organisation` custom
 * field, or else the site's name). Two filters change the result:
 * `case_study_finder_feed_item` (one item, with its post) and `case_study_finder_feed` (the
 * whole feed, with the request).
 *
 * @package CaseStudyFinder
 */

namespace CaseStudyFinder;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const FEED_NAMESPACE    = 'case-study-finder/v1';
const FEED_ROUTE        = '/feed';
const ORGANISATION_META = 'case_study_organisation';
const FEED_MAX_POSTS    = 500;

/**
 * Registers the feed route. It is public and read-only: it shows only what the site already
 * shows to every visitor (published, not password-protected, public post types).
 */
function register_feed_route() {
	register_rest_route(
		FEED_NAMESPACE,
		FEED_ROUTE,
		array(
			'methods'             => \WP_REST_Server::READABLE,
			'callback'            => __NAMESPACE__ . '\\feed_response',
			'permission_callback' => '__return_true',
			'args'                => array(
				'category'  => array(
					'description'       => __( 'Only posts in the category with this slug, or in its subcategories.', 'case-study-finder' ),
					'type'              => 'string',
					'sanitize_callback' => __NAMESPACE__ . '\\sanitize_slug_argument',
				),
				'tag'       => array(
					'description'       => __( 'Only posts with the tag with this slug.', 'case-study-finder' ),
					'type'              => 'string',
					'sanitize_callback' => __NAMESPACE__ . '\\sanitize_slug_argument',
				),
				'exclude'   => array(
					'description' => __( 'Posts to leave out, by id (the page the finder is on).', 'case-study-finder' ),
					'type'        => 'array',
					'items'       => array(
						'type'    => 'integer',
						'minimum' => 1,
					),
					'maxItems'    => 100,
					'default'     => array(),
				),
				'post_type' => array(
					'description' => __( 'The post type to list.', 'case-study-finder' ),
					'type'        => 'string',
					'default'     => 'post',
					'enum'        => feed_post_types(),
				),
				'per_page'  => array(
					'description' => __( 'How many posts to list, newest first.', 'case-study-finder' ),
					'type'        => 'integer',
					'default'     => 100,
					'minimum'     => 1,
					'maximum'     => FEED_MAX_POSTS,
				),
			),
		)
	);
}

/**
 * Post types the feed may list: those whose posts visitors can see on the site
 * (is_post_type_viewable(): publicly queryable, or built in and public), less attachments
 * (media files have no text of their own to show as a case study). A type registered
 * `public` but not publicly queryable is one the site keeps to itself: core's REST API and the
 * front end both answer 404 for its posts, and so does the feed.
 *
 * @return string[]
 */
function feed_post_types() {
	$types = array();
	foreach ( get_post_types( array( 'public' => true ), 'objects' ) as $name => $type ) {
		if ( 'attachment' !== $name && is_post_type_viewable( $type ) ) {
			$types[] = $name;
		}
	}
	return $types;
}

/**
 * The REST `sanitize_callback` of the `category` and `tag` arguments: a slug, '' for an empty
 * value (no narrowing), or an error the REST API answers with 400.
 *
 * sanitize_title() cannot be the callback itself: REST passes the request as its second
 * argument, which sanitize_title() hands back when a value sanitises to nothing, and it is
 * never given a type check, so an array (`category[]=a`) reached PHP's string functions.
 *
 * @param mixed            $value   As sent.
 * @param \WP_REST_Request $request The request.
 * @param string           $name    `category` or `tag`.
 * @return string|\WP_Error
 */
function sanitize_slug_argument( $value, $request, $name ) {
	$checked = rest_validate_request_arg( $value, $request, $name );
	if ( is_wp_error( $checked ) ) {
		return $checked;
	}
	if ( '' === $value ) {
		return '';
	}
	$slug = sanitize_title( (string) $value );
	if ( '' === $slug ) {
		return new \WP_Error(
			'rest_invalid_param',
			/* translators: %s: "category" or "tag". */
			sprintf( __( 'The %s must be a slug: letters, digits and hyphens.', 'case-study-finder' ), $name ),
			array( 'status' => 400 )
		);
	}
	return $slug;
}

/**
 * Lets Authors set the organisation of a case study from the editor and the REST API, on
 * every post type that has custom fields.
 */
function register_organisation_meta() {
	register_post_meta(
		'',
		ORGANISATION_META,
		array(
			'type'              => 'string',
			'description'       => __( 'The organisation a case study is about, if not this site\'s.', 'case-study-finder' ),
			'single'            => true,
			'show_in_rest'      => true,
			'sanitize_callback' => 'sanitize_text_field',
			'auth_callback'     => static function ( $allowed, $meta_key, $post_id ) {
				return current_user_can( 'edit_post', $post_id );
			},
		)
	);
}

/**
 * Answers the feed request, with a short public cache lifetime: the feed shows only what every
 * visitor may see, and a new post should reach the finder within minutes.
 *
 * @param \WP_REST_Request $request The request, its arguments already checked.
 * @return \WP_REST_Response|\WP_Error
 */
function feed_response( \WP_REST_Request $request ) {
	$feed = build_feed( $request );
	if ( is_wp_error( $feed ) ) {
		return $feed;
	}
	$response = rest_ensure_response( $feed );
	/**
	 * Filters how long browsers and caches may keep the feed, in seconds (300 by default).
	 * 0 asks them to check with the site every time.
	 *
	 * @param int $seconds Lifetime in seconds.
	 */
	$max_age = (int) apply_filters( 'case_study_finder_feed_max_age', 300 );
	$response->header( 'Cache-Control', $max_age > 0 ? 'public, max-age=' . $max_age : 'no-cache' );
	return $response;
}

/**
 * The feed for a request (its arguments checked): `title`, `facets` and `items`, or an error
 * for a category or tag that does not exist. The page's no-JavaScript list is made from the
 * same feed (see fallback_list()).
 *
 * @param \WP_REST_Request $request The request.
 * @return array<string, mixed>|\WP_Error
 */
function build_feed( \WP_REST_Request $request ) {
	$post_type = (string) $request['post_type'];
	$exclude   = array_map( 'intval', (array) $request['exclude'] );
	$query     = array(
		'post_type'           => $post_type,
		'post_status'         => 'publish',
		'has_password'        => false,
		'posts_per_page'      => (int) $request['per_page'],
		'orderby'             => 'date',
		'order'               => 'DESC',
		'ignore_sticky_posts' => true,
		'no_found_rows'       => true,
	);
	if ( $exclude ) {
		$query['post__not_in'] = $exclude;
	}

	$title     = html_text( get_bloginfo( 'name' ) );
	$tax_query = array();
	$filters   = array(
		'category' => 'category',
		'tag'      => 'post_tag',
	);
	$narrowed  = array();
	foreach ( $filters as $argument => $taxonomy ) {
		$slug = (string) $request[ $argument ];
		if ( '' === $slug ) {
			continue;
		}
		$term = get_term_by( 'slug', $slug, $taxonomy );
		if ( ! $term instanceof \WP_Term ) {
			return new \WP_Error(
				'case_study_finder_unknown_term',
				/* translators: 1: "category" or "tag", 2: the slug asked for. */
				sprintf( __( 'There is no %1$s with the slug "%2$s".', 'case-study-finder' ), $argument, $slug ),
				array( 'status' => 404 )
			);
		}
		$tax_query[]           = array(
			'taxonomy' => $taxonomy,
			'field'    => 'term_id',
			'terms'    => array( $term->term_id ),
		);
		$narrowed[ $taxonomy ] = $term->term_id;
		$title                 = html_text( $term->name );
	}
	if ( $tax_query ) {
		$query['tax_query'] = $tax_query; // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_tax_query
	}

	$items = array();
	// A theme's "Read more" link would end up in every summary as text.
	$more = static function () {
		return '…';
	};
	add_filter( 'excerpt_more', $more, PHP_INT_MAX );
	$previous = $GLOBALS['post'] ?? null;
	$found    = new \WP_Query( $query );
	// One query for all the featured images rather than one per post.
	update_post_thumbnail_cache( $found );
	foreach ( $found->posts as $post ) {
		$item = feed_item( $post, $narrowed );
		if ( null !== $item ) {
			/**
			 * Filters one case study of the feed.
			 *
			 * @param array    $item The item: title, url, summary, date, topics, keywords, image, organisation.
			 * @param \WP_Post $post The post it comes from.
			 */
			$items[] = apply_filters( 'case_study_finder_feed_item', $item, $post );
		}
	}
	remove_filter( 'excerpt_more', $more, PHP_INT_MAX );
	$GLOBALS['post'] = $previous; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
	if ( $previous instanceof \WP_Post ) {
		setup_postdata( $previous );
	}

	$feed = array(
		'title'  => $title,
		'facets' => array(),
		'items'  => $items,
	);
	foreach ( $items as $item ) {
		if ( ! empty( $item['topics'] ) ) {
			$feed['facets'][] = array(
				'key'   => 'topics',
				'label' => array(
					'en' => 'Topics',
					'cy' => 'Pynciau',
				),
			);
			break;
		}
	}

	/**
	 * Filters the whole feed before it is sent.
	 *
	 * @param array            $feed    `title`, `facets` and `items`.
	 * @param \WP_REST_Request $request The request.
	 */
	return apply_filters( 'case_study_finder_feed', $feed, $request );
}

/**
 * One post as a feed item, or null when it has no title to show.
 *
 * @param \WP_Post       $post     A published post.
 * @param array<int,int> $narrowed Term ids the feed was narrowed to, by taxonomy: every item
 *                                 has them, so they would be a filter that filters nothing.
 * @return array<string, mixed>|null
 */
function feed_item( \WP_Post $post, array $narrowed ) {
	// Excerpt filters and shortcodes in the content read the global post.
	$GLOBALS['post'] = $post; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
	setup_postdata( $post );

	$title = html_text( get_the_title( $post ) );
	if ( '' === $title ) {
		return null;
	}
	$item = array(
		'title' => $title,
		'url'   => (string) get_permalink( $post ),
	);

	$summary = html_text( get_the_excerpt( $post ) );
	if ( '' !== $summary ) {
		$item['summary'] = $summary;
	}

	$organisation = html_text( (string) get_post_meta( $post->ID, ORGANISATION_META, true ) );
	if ( '' === $organisation ) {
		$organisation = html_text( get_bloginfo( 'name' ) );
	}
	if ( '' !== $organisation ) {
		$item['organisation'] = $organisation;
	}

	$item['date'] = get_the_date( 'Y-m-d', $post );

	$default_category = (int) get_option( 'default_category' );
	$topics           = term_names( $post, 'category', array( $default_category, $narrowed['category'] ?? 0 ) );
	if ( $topics ) {
		$item['topics'] = $topics;
	}
	$keywords = term_names( $post, 'post_tag', array( $narrowed['post_tag'] ?? 0 ) );
	if ( $keywords ) {
		$item['keywords'] = $keywords;
	}

	$image = featured_image( $post );
	if ( $image ) {
		$item['image'] = $image;
	}
	return $item;
}

/**
 * Names of the post's terms in a taxonomy, as plain text, leaving some out.
 *
 * The site's default category ("Uncategorized" unless renamed) is left out of topics: it is
 * what WordPress gives a post nobody categorised, and would be a chip on most posts.
 *
 * @param \WP_Post $post     The post.
 * @param string   $taxonomy Taxonomy name.
 * @param int[]    $skip     Term ids to leave out.
 * @return string[]
 */
function term_names( \WP_Post $post, $taxonomy, array $skip ) {
	if ( ! is_object_in_taxonomy( $post->post_type, $taxonomy ) ) {
		return array();
	}
	$terms = get_the_terms( $post, $taxonomy );
	if ( ! is_array( $terms ) ) {
		return array();
	}
	$names = array();
	foreach ( $terms as $term ) {
		if ( ! in_array( (int) $term->term_id, $skip, true ) ) {
			$names[] = html_text( $term->name );
		}
	}
	return array_values( array_filter( $names, 'strlen' ) );
}

/**
 * The post's featured image, `{src, alt}`, or null. An image without alt text gets `alt: ""`,
 * which the widget treats as decorative.
 *
 * @param \WP_Post $post The post.
 * @return array{src: string, alt: string}|null
 */
function featured_image( \WP_Post $post ) {
	$id = (int) get_post_thumbnail_id( $post );
	if ( ! $id ) {
		return null;
	}
	/**
	 * Filters the image size used for cards (`medium_large`, 768 pixels wide, by default).
	 *
	 * @param string $size A registered image size.
	 */
	$size = apply_filters( 'case_study_finder_image_size', 'medium_large' );
	$src  = wp_get_attachment_image_url( $id, $size );
	if ( ! $src ) {
		return null;
	}
	return array(
		'src' => $src,
		'alt' => html_text( (string) get_post_meta( $id, '_wp_attachment_image_alt', true ) ),
	);
}

/**
 * HTML, as WordPress stores or filters it, made into plain text: tags removed, entities
 * (`&amp;`, `&#8217;`) turned back into characters, runs of white space made one space.
 *
 * @param string $html HTML or text.
 * @return string
 */
function html_text( $html ) {
	$text = wp_strip_all_tags( (string) $html );
	$text = html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	return trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
}
