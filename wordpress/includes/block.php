<?php
/**
 * The "Case study finder" block. It saves only its settings; the page gets its HTML from
 * render_element(), the same function as the shortcode's, so the two always match.
 *
 * @package CaseStudyFinder
 */

namespace CaseStudyFinder;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const EDITOR_HANDLE = 'case-study-finder-block-editor';
const BLOCK_NAME    = 'case-study-finder/finder';

/**
 * Registers the block from block/block.json, and its editor script: plain JavaScript on the
 * editor's own packages (wp.blocks, wp.element …), so the plugin needs no build step. The
 * editor shows a live preview: the block's HTML from render_block_output(), with the widget's
 * script (see enqueue_editor_preview()).
 */
function register_block() {
	wp_register_script(
		EDITOR_HANDLE,
		plugins_url( 'block/editor.js', PLUGIN_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-data', 'wp-core-data', 'wp-api-fetch', 'wp-url' ),
		VERSION,
		true
	);
	wp_set_script_translations( EDITOR_HANDLE, 'case-study-finder' );

	register_block_type(
		dirname( PLUGIN_FILE ) . '/block',
		array( 'render_callback' => __NAMESPACE__ . '\\render_block_output' )
	);
}

/**
 * The widget's script in the block editor, for the block's live preview.
 */
function enqueue_editor_preview() {
	enqueue_widget();
}

/**
 * The block's HTML on the page.
 *
 * @param array<string, mixed> $attributes The block's settings (camelCase names).
 * @return string
 */
function render_block_output( $attributes ) {
	// Only the block's own attributes, which WordPress has checked against block.json's types.
	// Others (`{"page-size":["3"]}` typed into the code editor) arrive unchecked: ignored.
	$type     = \WP_Block_Type_Registry::get_instance()->get_registered( BLOCK_NAME );
	$declared = $type ? $type->attributes : array();
	$settings = array();
	foreach ( (array) $attributes as $name => $value ) {
		if ( ! isset( $declared[ $name ] ) || ( is_string( $value ) && '' === $value ) ) {
			continue;
		}
		// pageSize → page-size: the element's attribute names.
		$settings[ strtolower( (string) preg_replace( '/[A-Z]/', '-$0', (string) $name ) ) ] = $value;
	}
	$settings = array_merge( array_fill_keys( array_keys( element_attributes() ), null ), plugin_settings(), $settings );
	return sprintf( '<div %s>%s</div>', get_block_wrapper_attributes(), render_element( $settings ) );
}
