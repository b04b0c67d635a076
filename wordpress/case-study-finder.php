<?php
/**
 * Plugin Name:       Case Study Finder
 * Plugin URI:        https://www.npmjs.com/package/case-study-finder
 * Description:       A searchable, filterable list of case studies: a shortcode, a block and a feed of your own posts, and the case-study-finder element allowed in posts by every author.
 * Version:           0.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            case-study-finder contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       case-study-finder
 *
 * @package CaseStudyFinder
 */

namespace CaseStudyFinder;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

// `npm run build` writes package.json's version here and in the header above, so the plugin,
// its scripts' cache-busting `?ver=` and the npm package always agree.
const VERSION     = '0.0.0';
const PLUGIN_FILE = __FILE__;

require_once __DIR__ . '/includes/element-attributes.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/kses.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/feed.php';

add_action( 'init', __NAMESPACE__ . '\\register_assets', 5 );
add_action( 'init', __NAMESPACE__ . '\\register_shortcode' );
add_action( 'init', __NAMESPACE__ . '\\register_block' );
add_action( 'init', __NAMESPACE__ . '\\register_organisation_meta' );
add_action( 'rest_api_init', __NAMESPACE__ . '\\register_feed_route' );
add_action( 'enqueue_block_editor_assets', __NAMESPACE__ . '\\enqueue_editor_preview' );

add_filter( 'script_loader_tag', __NAMESPACE__ . '\\module_script_tags', 10, 2 );
add_filter( 'wp_kses_allowed_html', __NAMESPACE__ . '\\allow_element', 10, 2 );
add_filter( 'wp_kses_uri_attributes', __NAMESPACE__ . '\\uri_attributes' );

// The element typed straight into a post (a Custom HTML block, the code editor, a widget)
// needs the script too: these see the HTML on its way to the page.
add_filter( 'the_content', __NAMESPACE__ . '\\enqueue_if_used', 100 );
add_filter( 'render_block', __NAMESPACE__ . '\\enqueue_if_used', 100 );
add_filter( 'widget_text_content', __NAMESPACE__ . '\\enqueue_if_used', 100 );
add_filter( 'widget_block_content', __NAMESPACE__ . '\\enqueue_if_used', 100 );
