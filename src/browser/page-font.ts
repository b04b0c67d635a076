/**
 * Whether the font an element inherits is the browser's default, that is, whether the page set
 * no font for it. Pages built with GOV.UK Frontend, among others, set their font on classes
 * (`.govuk-body`), not on `<body>`: an element outside those classes inherits the browser's
 * default serif, which no page wants.
 *
 * The default is read from a probe styled `font-family: initial`, added to `scratch` for the
 * moment of reading. Chromium and Firefox compute `initial` to the default font; WebKit (Safari)
 * computes it to the inherited font. So the probe sits in a wrapper whose font no page uses: when
 * the probe comes back with the wrapper's font, the engine is WebKit's kind, whose default font
 * computes to the name `-webkit-standard`, which a page cannot set.
 *
 * Styles are set through the CSSOM, which a Content-Security-Policy without `unsafe-inline`
 * allows (style attributes in markup it would not).
 *
 * @example
 * if (inheritsDefaultFont(this, this.renderRoot)) root.classList.add('plain-font');
 */
export function inheritsDefaultFont(element: Element, scratch: Node): boolean {
  const family = getComputedStyle(element).fontFamily;
  const wrapper = document.createElement('span');
  const probe = document.createElement('span');
  // Not displayed: computed styles are still computed, and nothing is laid out or announced.
  wrapper.style.display = 'none';
  wrapper.style.fontFamily = 'csf-no-such-font';
  probe.style.fontFamily = 'initial';
  wrapper.append(probe);
  scratch.appendChild(wrapper);
  try {
    const initial = getComputedStyle(probe).fontFamily;
    if (initial === getComputedStyle(wrapper).fontFamily) return family === WEBKIT_DEFAULT_FONT;
    return family === initial;
  } finally {
    wrapper.remove();
  }
}

/** What WebKit's computed style calls the default ("standard") font. */
const WEBKIT_DEFAULT_FONT = '-webkit-standard';
