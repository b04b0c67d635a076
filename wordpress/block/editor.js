/**
 * The "Case study finder" block in the editor: its settings in the sidebar, and a live preview
 * of the finder in the content (the page's own HTML, from the plugin's PHP, with the widget
 * running in it). Written against the editor's own packages (wp.blocks, wp.element …) without
 * JSX, so the plugin ships as it is written, with no build step. The block saves no HTML: the
 * page gets it from the plugin's PHP (render_block_output), as the shortcode does.
 *
 * The settings are for a webmaster who is not a developer: categories, tags and post types are
 * chosen from the site's own lists, filters are checkboxes, and when every post is
 * "Uncategorized" (so there is nothing to filter by category) the sidebar says so and offers
 * tags or the year instead.
 */
( function ( wp ) {
	'use strict';

	const { blocks, element, blockEditor, components, i18n, data, apiFetch, url } = wp;
	const el = element.createElement;
	const { useEffect, useState } = element;
	const { __, _n, sprintf } = i18n;
	const { InspectorControls, useBlockProps } = blockEditor;
	const { Button, CheckboxControl, Disabled, Notice, PanelBody, SelectControl, Spinner, TextControl, ToggleControl } = components;

	const NAME = 'case-study-finder/finder';
	const FEED_PATH = '/case-study-finder/v1/feed';

	/**
	 * Filter fields a webmaster can tick, in the order the finder shows them. `own`: offered for
	 * this site's posts; `feed`: offered for a feed from elsewhere.
	 */
	const FIELDS = [
		{ key: 'topics', label: __( 'Categories (topics)', 'case-study-finder' ), own: true, feed: true },
		{ key: 'keywords', label: __( 'Tags', 'case-study-finder' ), own: true, feed: true },
		{ key: 'year', label: __( 'Year', 'case-study-finder' ), own: true, feed: true },
		{ key: 'organisation', label: __( 'Organisation', 'case-study-finder' ), own: true, feed: true },
		{ key: 'supportTypes', label: __( 'Support type', 'case-study-finder' ), own: false, feed: true },
	];
	const KNOWN = FIELDS.map( ( field ) => field.key );

	/** A number setting from a text box: empty (the element's default) or a whole number. */
	const toNumber = ( value ) => {
		const number = parseInt( value, 10 );
		return Number.isFinite( number ) && number > 0 ? number : undefined;
	};

	const option = ( label, value ) => ( { label, value } );

	/** The values block.json (made from the element's manifest) allows for a setting. */
	const allowed = ( name ) => blocks.getBlockType( NAME )?.attributes?.[ name ]?.enum ?? [];

	/** The filter fields in force: those written, or the finder's default for this feed. */
	function chosenFields( attributes ) {
		const written = ( attributes.facets || '' ).split( /\s+/ ).filter( Boolean );
		if ( written.length ) {
			return written;
		}
		return attributes.src ? [ 'topics', 'supportTypes' ] : [ 'topics' ];
	}

	/** The `facets` value for a set of ticked fields and other typed ones, in the finder's order. */
	function facetsValue( ticked, others ) {
		const known = KNOWN.filter( ( key ) => ticked.includes( key ) );
		return [ ...known, ...others.filter( ( key ) => ! KNOWN.includes( key ) ) ].join( ' ' );
	}

	/** A select's options from a list of terms (by slug), keeping a slug that is no longer there. */
	function termOptions( terms, current, none ) {
		const options = [ option( none, '' ) ];
		for ( const term of terms ?? [] ) {
			/* translators: 1: a category's or tag's name, 2: how many posts it has. */
			options.push( option( sprintf( __( '%1$s (%2$d)', 'case-study-finder' ), term.name, term.count ), term.slug ) );
		}
		if ( current && ! options.some( ( entry ) => entry.value === current ) ) {
			/* translators: %s: a slug that names no category or tag. */
			options.push( option( sprintf( __( '%s (not found)', 'case-study-finder' ), current ), current ) );
		}
		return options;
	}

	/**
	 * What this site's feed holds for the block's settings, for the sidebar's advice: how many
	 * posts, and whether any has a category (beyond the default one and the one listed), tags
	 * or a date. Undefined while loading, or for a feed from elsewhere.
	 */
	function useOwnFeed( attributes, postId ) {
		const [ summary, setSummary ] = useState();
		const { src, category, tag, postType, includeCurrent } = attributes;
		useEffect( () => {
			setSummary( undefined );
			if ( src ) {
				return undefined;
			}
			let live = true;
			const args = { category, tag, post_type: postType || undefined, per_page: 100 };
			if ( postId && ! includeCurrent ) {
				args.exclude = postId;
			}
			apiFetch( { path: url.addQueryArgs( FEED_PATH, args ) } )
				.then( ( feed ) => {
					if ( ! live ) {
						return;
					}
					const items = feed.items ?? [];
					setSummary( {
						count: items.length,
						topics: items.some( ( item ) => item.topics?.length ),
						tags: items.some( ( item ) => item.keywords?.length ),
						dates: items.some( ( item ) => item.date ),
					} );
				} )
				.catch( () => live && setSummary( { count: 0, failed: true } ) );
			return () => {
				live = false;
			};
		}, [ src, category, tag, postType, includeCurrent, postId ] );
		return summary;
	}

	/**
	 * The advice for a site whose posts have no category to filter by: a fresh WordPress files
	 * every post under "Uncategorized", which the feed leaves out (it would be a filter that
	 * filters nothing). Offers tags or the year instead.
	 */
	function NothingToFilter( { attributes, feed, setAttributes } ) {
		const fields = chosenFields( attributes );
		if ( attributes.src || ! feed || feed.count === 0 || feed.topics || ! fields.includes( 'topics' ) ) {
			return null;
		}
		const others = fields.filter( ( key ) => key !== 'topics' );
		const use = ( key ) => setAttributes( { facets: facetsValue( [ ...others, key ], [] ) } );
		const message = attributes.category
			? sprintf(
					/* translators: 1: how many posts, 2: a category's slug. */
					_n(
						'The %1$d post in “%2$s” has no other category, so there is nothing to filter by category.',
						'None of the %1$d posts in “%2$s” has another category, so there is nothing to filter by category.',
						feed.count,
						'case-study-finder'
					),
					feed.count,
					attributes.category
			  )
			: sprintf(
					/* translators: %d: how many posts. */
					_n(
						'The post this finder lists is “Uncategorized”, so there is nothing to filter by category.',
						'All %d posts this finder lists are “Uncategorized”, so there is nothing to filter by category.',
						feed.count,
						'case-study-finder'
					),
					feed.count
			  );
		return el(
			Notice,
			{ status: 'warning', isDismissible: false, className: 'case-study-finder-nothing-to-filter' },
			el( 'p', null, message ),
			el(
				'p',
				null,
				__( 'Give your case studies categories (Posts → Categories), or let visitors filter them another way:', 'case-study-finder' )
			),
			el(
				'p',
				null,
				feed.tags &&
					! fields.includes( 'keywords' ) &&
					el( Button, { variant: 'secondary', onClick: () => use( 'keywords' ) }, __( 'Filter by tags', 'case-study-finder' ) ),
				' ',
				feed.dates &&
					! fields.includes( 'year' ) &&
					el( Button, { variant: 'secondary', onClick: () => use( 'year' ) }, __( 'Filter by year', 'case-study-finder' ) )
			)
		);
	}

	/**
	 * The preview: the page's own HTML (the REST block renderer runs render_block_output(), as
	 * the page does) with the widget running in it, made inert: a click on a case study must not
	 * leave the editor, and its search must not change the editor's address (`sync-url` is left
	 * off). Asked for again 400 ms after the last change of a setting.
	 *
	 * Not WordPress's ServerSideRender: in 6.1 it drops a pending update whenever it is drawn
	 * again for another reason, such as the answer to an earlier update arriving (its debounced
	 * fetch is remade, and the old one cancelled, on every render), so a quick second change
	 * could leave the preview showing the first for good.
	 */
	function Preview( { settings, postId } ) {
		const [ shown, setShown ] = useState( { html: undefined, error: undefined } );
		useEffect( () => {
			let live = true;
			const timer = setTimeout( () => {
				const args = { context: 'edit', attributes: JSON.parse( settings ) };
				if ( postId ) {
					args.post_id = postId;
				}
				apiFetch( { path: url.addQueryArgs( `/wp/v2/block-renderer/${ NAME }`, args ) } )
					.then( ( answer ) => live && setShown( { html: answer.rendered, error: undefined } ) )
					.catch( ( error ) => live && setShown( ( before ) => ( { ...before, error: error.message } ) ) );
			}, 400 );
			return () => {
				live = false;
				clearTimeout( timer );
			};
		}, [ settings, postId ] );
		if ( shown.error && shown.html === undefined ) {
			return el( Notice, { status: 'error', isDismissible: false }, shown.error );
		}
		if ( shown.html === undefined ) {
			return el( Spinner );
		}
		return el( Disabled, null, el( element.RawHTML, { className: 'case-study-finder-preview' }, shown.html ) );
	}

	function Edit( { attributes, setAttributes } ) {
		const { categories, tags, postTypes, postId } = data.useSelect( ( select ) => {
			const core = select( 'core' );
			// context: view, as Authors and Contributors may not edit terms (core-data asks for edit).
			const terms = { per_page: 100, orderby: 'name', hide_empty: false, context: 'view', _fields: 'id,name,slug,count' };
			return {
				categories: core.getEntityRecords( 'taxonomy', 'category', terms ),
				tags: core.getEntityRecords( 'taxonomy', 'post_tag', terms ),
				postTypes: core.getPostTypes( { per_page: -1 } ),
				postId: select( 'core/editor' )?.getCurrentPostId?.(),
			};
		}, [] );
		const feed = useOwnFeed( attributes, typeof postId === 'number' ? postId : undefined );

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
				onChange: ( value ) => setAttributes( { [ name ]: typeof options[ 1 ]?.number === 'number' ? toNumber( value ) : value } ),
			} );
		/** Options for a setting whose values come from block.json, labelled here. */
		const choices = ( name, labels, none ) => [
			option( none, '' ),
			...allowed( name )
				.filter( ( value ) => value !== '' )
				.map( ( value ) => ( { label: labels[ value ] ?? String( value ), value: String( value ), number: typeof value === 'number' ? value : undefined } ) ),
		];

		const viewableTypes = ( postTypes ?? [] ).filter( ( type ) => type.viewable && type.slug !== 'attachment' );
		const typeOptions = [
			option( __( 'Posts', 'case-study-finder' ), '' ),
			...viewableTypes.filter( ( type ) => type.slug !== 'post' ).map( ( type ) => option( type.name, type.slug ) ),
		];
		if ( attributes.postType && ! typeOptions.some( ( entry ) => entry.value === attributes.postType ) ) {
			typeOptions.push( option( attributes.postType, attributes.postType ) );
		}

		const fields = chosenFields( attributes );
		const others = fields.filter( ( key ) => ! KNOWN.includes( key ) );
		const offered = FIELDS.filter( ( field ) => ( attributes.src ? field.feed : field.own ) || fields.includes( field.key ) );

		const source = el(
			PanelBody,
			{ title: __( 'Case studies', 'case-study-finder' ) },
			el( SelectControl, {
				label: __( 'Category', 'case-study-finder' ),
				help: __( 'List this site’s posts in one category (and its subcategories).', 'case-study-finder' ),
				options: termOptions( categories, attributes.category, __( 'All categories', 'case-study-finder' ) ),
				value: attributes.category || '',
				disabled: !! attributes.src,
				onChange: ( value ) => setAttributes( { category: value } ),
			} ),
			el( SelectControl, {
				label: __( 'Tag', 'case-study-finder' ),
				help: __( 'List only this site’s posts with one tag.', 'case-study-finder' ),
				options: termOptions( tags, attributes.tag, __( 'Any tag', 'case-study-finder' ) ),
				value: attributes.tag || '',
				disabled: !! attributes.src,
				onChange: ( value ) => setAttributes( { tag: value } ),
			} ),
			typeOptions.length > 1 &&
				el( SelectControl, {
					label: __( 'Post type', 'case-study-finder' ),
					options: typeOptions,
					value: attributes.postType || '',
					disabled: !! attributes.src,
					onChange: ( value ) => setAttributes( { postType: value } ),
				} ),
			el( ToggleControl, {
				label: __( 'List this page too', 'case-study-finder' ),
				help: __( 'Off: the page the finder is on is left out of its list.', 'case-study-finder' ),
				checked: !! attributes.includeCurrent,
				disabled: !! attributes.src,
				onChange: ( value ) => setAttributes( { includeCurrent: value } ),
			} ),
			text(
				'src',
				__( 'Feed from another site (optional)', 'case-study-finder' ),
				__( 'The address of a case study feed. Leave empty to list this site’s posts.', 'case-study-finder' ),
				{ type: 'url' }
			)
		);

		const filters = el(
			PanelBody,
			{ title: __( 'Filters', 'case-study-finder' ) },
			el( NothingToFilter, { attributes, feed, setAttributes } ),
			el( 'p', { className: 'components-base-control__help' }, __( 'What visitors can filter the case studies by.', 'case-study-finder' ) ),
			...offered.map( ( field ) =>
				el( CheckboxControl, {
					key: field.key,
					label: field.label,
					checked: fields.includes( field.key ),
					onChange: ( on ) =>
						setAttributes( {
							facets: facetsValue( on ? [ ...fields, field.key ] : fields.filter( ( key ) => key !== field.key ), others ),
						} ),
				} )
			),
			el( TextControl, {
				label: __( 'Other feed fields', 'case-study-finder' ),
				help: __( 'For a feed with fields of its own, such as “region”: their names, separated by spaces.', 'case-study-finder' ),
				value: others.join( ' ' ),
				onChange: ( value ) =>
					setAttributes( {
						facets: facetsValue(
							fields.filter( ( key ) => KNOWN.includes( key ) ),
							value.split( /\s+/ ).filter( Boolean )
						),
					} ),
			} ),
			text( 'filter', __( 'Chosen from the start', 'case-study-finder' ), __( 'Such as “topics:Libraries”.', 'case-study-finder' ) )
		);

		const display = el(
			PanelBody,
			{ title: __( 'Display', 'case-study-finder' ) },
			number( 'pageSize', __( 'Case studies per page', 'case-study-finder' ), __( 'Empty: 12.', 'case-study-finder' ) ),
			select(
				'sort',
				__( 'Order', 'case-study-finder' ),
				choices(
					'sort',
					{
						relevance: __( 'Best match', 'case-study-finder' ),
						newest: __( 'Newest first', 'case-study-finder' ),
						oldest: __( 'Oldest first', 'case-study-finder' ),
						title: __( 'Title, A to Z', 'case-study-finder' ),
					},
					__( 'Default (newest first, best match when searching)', 'case-study-finder' )
				)
			),
			select(
				'headingLevel',
				__( 'Heading level', 'case-study-finder' ),
				choices( 'headingLevel', {}, __( 'Automatic', 'case-study-finder' ) ).map( ( entry ) =>
					entry.value ? { ...entry, label: `H${ entry.value }` } : entry
				),
				__( 'Automatic: one below the heading before the block.', 'case-study-finder' )
			),
			select(
				'lang',
				__( 'Language', 'case-study-finder' ),
				choices( 'lang', { en: 'English', cy: 'Cymraeg' }, __( 'The page’s language', 'case-study-finder' ) )
			),
			select(
				'variant',
				__( 'Layout', 'case-study-finder' ),
				choices(
					'variant',
					{ compact: __( 'Compact: titles only, for sidebars', 'case-study-finder' ) },
					__( 'Full: search, filters and cards', 'case-study-finder' )
				)
			),
			attributes.variant === 'compact' &&
				text( 'allHref', __( '“See all” link', 'case-study-finder' ), __( 'Empty: the category’s page.', 'case-study-finder' ), {
					type: 'url',
				} ),
			el( ToggleControl, {
				label: __( 'Keep the search in the page address', 'case-study-finder' ),
				help: __( 'Visitors can share or bookmark what they found.', 'case-study-finder' ),
				checked: !! attributes.syncUrl,
				onChange: ( value ) => setAttributes( { syncUrl: value } ),
			} ),
			attributes.syncUrl &&
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
		);

		const withoutScript = el(
			PanelBody,
			{ title: __( 'Without JavaScript', 'case-study-finder' ), initialOpen: false },
			el(
				'p',
				null,
				__( 'Visitors without JavaScript, and search engines, see every case study as a list of links, then this link.', 'case-study-finder' )
			),
			text( 'fallbackText', __( 'Link text', 'case-study-finder' ), __( 'Empty: “Browse all case studies”.', 'case-study-finder' ) ),
			text(
				'fallbackHref',
				__( 'Link address', 'case-study-finder' ),
				__( 'Empty: the category’s page, or the posts page.', 'case-study-finder' ),
				{ type: 'url' }
			)
		);

		const preview = el( Preview, {
			settings: JSON.stringify( { ...attributes, syncUrl: false } ),
			postId: typeof postId === 'number' ? postId : undefined,
		} );

		return el(
			'div',
			useBlockProps(),
			el( InspectorControls, null, source, filters, display, withoutScript ),
			preview
		);
	}

	blocks.registerBlockType( NAME, {
		edit: Edit,
		save: () => null,
	} );
} )( window.wp );
