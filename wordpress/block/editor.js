/**
 * The "Case study finder" block in the editor: its settings in the sidebar, and a summary of
 * them in the content. Written against the editor's own packages (wp.blocks, wp.element …)
 * without JSX, so the plugin ships as it is written, with no build step. The block saves no
 * HTML: the page gets it from the plugin's PHP (render_block_output), as the shortcode does.
 */
( function ( blocks, element, blockEditor, components, i18n ) {
	'use strict';

	const el = element.createElement;
	const { __, sprintf } = i18n;
	const { InspectorControls, useBlockProps } = blockEditor;
	const { PanelBody, Placeholder, SelectControl, TextControl, ToggleControl } = components;

	/** A number setting from a text box: empty (the element's default) or a whole number. */
	const toNumber = ( value ) => {
		const number = parseInt( value, 10 );
		return Number.isFinite( number ) && number > 0 ? number : undefined;
	};

	const option = ( label, value ) => ( { label, value } );

	/** One sentence saying what the block will show, for the content area. */
	function summary( attributes ) {
		if ( attributes.src ) {
			/* translators: %s: the feed's address. */
			return sprintf( __( 'Case studies from %s.', 'case-study-finder' ), attributes.src );
		}
		if ( attributes.category ) {
			/* translators: %s: a category's slug. */
			return sprintf( __( 'This site’s posts in the category “%s”.', 'case-study-finder' ), attributes.category );
		}
		return __( 'All of this site’s posts. Choose a category or a feed in the block’s settings.', 'case-study-finder' );
	}

	function Edit( { attributes, setAttributes } ) {
		const text = ( name, label, help, extra ) =>
			el( TextControl, {
				label,
				help,
				value: attributes[ name ] ?? '',
				onChange: ( value ) => setAttributes( { [ name ]: value } ),
				...extra,
			} );
		const number = ( name, label, help ) =>
			el( TextControl, {
				label,
				help,
				type: 'number',
				min: 1,
				value: attributes[ name ] ?? '',
				onChange: ( value ) => setAttributes( { [ name ]: toNumber( value ) } ),
			} );
		const select = ( name, label, options, help ) =>
			el( SelectControl, {
				label,
				help,
				options,
				value: String( attributes[ name ] ?? '' ),
				onChange: ( value ) =>
					setAttributes( { [ name ]: name === 'headingLevel' ? toNumber( value ) : value } ),
			} );

		const settings = el(
			InspectorControls,
			null,
			el(
				PanelBody,
				{ title: __( 'Case studies', 'case-study-finder' ) },
				text(
					'category',
					__( 'Category', 'case-study-finder' ),
					__( 'The slug of a category: lists this site’s posts in it. Empty: all posts.', 'case-study-finder' )
				),
				text(
					'src',
					__( 'Feed address', 'case-study-finder' ),
					__( 'A case study feed from elsewhere. Leave empty to list this site’s posts.', 'case-study-finder' ),
					{ type: 'url' }
				),
				text(
					'postType',
					__( 'Post type', 'case-study-finder' ),
					__( 'For this site’s posts of another public type. Empty: posts.', 'case-study-finder' )
				)
			),
			el(
				PanelBody,
				{ title: __( 'Display', 'case-study-finder' ) },
				text(
					'facets',
					__( 'Filters', 'case-study-finder' ),
					__( 'Feed fields shown as filter groups, separated by spaces, such as “topics”.', 'case-study-finder' )
				),
				number( 'pageSize', __( 'Case studies per page', 'case-study-finder' ), __( 'Empty: 12.', 'case-study-finder' ) ),
				select( 'sort', __( 'Order', 'case-study-finder' ), [
					option( __( 'Default (newest first, best match when searching)', 'case-study-finder' ), '' ),
					option( __( 'Best match', 'case-study-finder' ), 'relevance' ),
					option( __( 'Newest first', 'case-study-finder' ), 'newest' ),
					option( __( 'Oldest first', 'case-study-finder' ), 'oldest' ),
					option( __( 'Title, A to Z', 'case-study-finder' ), 'title' ),
				] ),
				select(
					'headingLevel',
					__( 'Heading level', 'case-study-finder' ),
					[
						option( __( 'Automatic', 'case-study-finder' ), '' ),
						...[ 2, 3, 4, 5, 6 ].map( ( level ) => option( `H${ level }`, String( level ) ) ),
					],
					__( 'Automatic: one below the heading before the block.', 'case-study-finder' )
				),
				select( 'lang', __( 'Language', 'case-study-finder' ), [
					option( __( 'The page’s language', 'case-study-finder' ), '' ),
					option( 'English', 'en' ),
					option( 'Cymraeg', 'cy' ),
				] ),
				select( 'variant', __( 'Layout', 'case-study-finder' ), [
					option( __( 'Full: search, filters and cards', 'case-study-finder' ), '' ),
					option( __( 'Compact: titles only, for sidebars', 'case-study-finder' ), 'compact' ),
				] ),
				text(
					'filter',
					__( 'Preselected filter', 'case-study-finder' ),
					__( 'Such as “topics:Libraries”.', 'case-study-finder' )
				),
				text(
					'allHref',
					__( '“See all” link (compact layout)', 'case-study-finder' ),
					__( 'Empty: the category’s page.', 'case-study-finder' ),
					{ type: 'url' }
				),
				el( ToggleControl, {
					label: __( 'Keep the search in the page address', 'case-study-finder' ),
					help: __( 'Visitors can share or bookmark what they found.', 'case-study-finder' ),
					checked: !! attributes.syncUrl,
					onChange: ( value ) => setAttributes( { syncUrl: value } ),
				} ),
				text(
					'urlPrefix',
					__( 'Address prefix', 'case-study-finder' ),
					__( 'Only if two finders on one page keep their search in the address.', 'case-study-finder' )
				),
				number(
					'timeout',
					__( 'Time limit (milliseconds)', 'case-study-finder' ),
					__( 'How long to wait for the feed before showing an error.', 'case-study-finder' )
				)
			),
			el(
				PanelBody,
				{ title: __( 'Without JavaScript', 'case-study-finder' ), initialOpen: false },
				text(
					'fallbackText',
					__( 'Link text', 'case-study-finder' ),
					__( 'Empty: “Browse all case studies”.', 'case-study-finder' )
				),
				text(
					'fallbackHref',
					__( 'Link address', 'case-study-finder' ),
					__( 'Empty: the category’s page, or the posts page.', 'case-study-finder' ),
					{ type: 'url' }
				)
			)
		);

		return el(
			'div',
			useBlockProps(),
			settings,
			el( Placeholder, {
				icon: 'search',
				label: __( 'Case study finder', 'case-study-finder' ),
				instructions: summary( attributes ),
			} )
		);
	}

	blocks.registerBlockType( 'case-study-finder/finder', {
		edit: Edit,
		save: () => null,
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n );
