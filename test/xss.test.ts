import { expect } from '@open-wc/testing';
import type { CaseStudyFinder, CsfErrorEvent } from '../src/index.js';
import { parseFeed, type CaseStudy } from '../src/lib/feed.js';
import { isSafeUrl } from '../src/lib/url.js';
import { captureWarnings, chipsOf, click, mountItems, mountSrc, part, parts, search, text, openGroup } from './helpers.js';

type Raw = Record<string, unknown> & { id: string };

/** Every element the widget itself renders; anything else in the shadow root was injected. */
const OWN_TAGS = new Set([
  // The error state's slot for the page's own fallback content.
  'slot',
  'div', 'p', 'label', 'input', 'a', 'ul', 'li', 'article', 'img', 'h2', 'h3', 'h4', 'h5', 'h6', 'span', 'time',
  'button', 'mark', 'select', 'option', 'svg', 'circle', 'path',
]);
/** Attributes that run script or load something, beyond on* handlers. */
const ACTIVE_ATTRIBUTES = new Set(['srcdoc', 'formaction', 'action', 'xlink:href', 'style', 'data', 'srcset', 'poster', 'background']);
const URL_ATTRIBUTES = ['href', 'src'];

const xssFlag = () => (window as unknown as { __xss?: unknown }).__xss;

/**
 * Gives handlers that an injected element would carry (onerror, onload, ontoggle, onfocus …) the
 * chance to run before the flag is read: they fire from tasks and frames after the render.
 */
async function settle(el: CaseStudyFinder): Promise<void> {
  await el.updateComplete;
  for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
}

function expectNothingInjected(el: CaseStudyFinder): void {
  const root = el.shadowRoot!;
  for (const node of root.querySelectorAll('*')) {
    const tag = node.localName;
    expect(OWN_TAGS.has(tag), `an injected <${tag}> in the shadow root`).to.equal(true);
    for (const { name } of node.attributes) {
      expect(name.startsWith('on'), `<${tag}> has a handler attribute ${name}`).to.equal(false);
      expect(ACTIVE_ATTRIBUTES.has(name), `<${tag}> has an active attribute ${name}`).to.equal(false);
    }
    for (const name of URL_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      expect(isSafeUrl(value), `<${tag} ${name}=${JSON.stringify(value)}> is unsafe`).to.equal(true);
      expect(['http:', 'https:']).to.include(new URL(value, document.baseURI).protocol);
    }
  }
  for (const img of root.querySelectorAll('img')) {
    expect(img.matches('[part~="card-image"]'), 'an <img> outside the card image').to.equal(true);
  }
  for (const svg of root.querySelectorAll('svg')) {
    expect(svg.getAttribute('aria-hidden'), 'only the widget\'s decorative icons are SVG').to.equal('true');
  }
  for (const mark of root.querySelectorAll('mark')) {
    expect(mark.getAttribute('part')).to.equal('highlight');
    expect(mark.children.length, `<mark> holds elements: ${mark.innerHTML}`).to.equal(0);
    expect(mark.textContent).to.match(/^[\p{L}\p{N}]+$/u);
  }
  expect(el.children.length, 'nothing added to the light DOM').to.equal(0);
  expect(xssFlag(), 'a payload ran').to.equal(undefined);
}

/** Each shown card says exactly what its item says, character for character. */
function expectCardsShowText(el: CaseStudyFinder, byUrl: Map<string, CaseStudy>): number {
  const cards = parts(el, 'card');
  for (const card of cards) {
    const link = card.querySelector('[part~="card-link"]')!;
    const item = byUrl.get(link.getAttribute('href')!);
    expect(item, `a card for an unknown url ${link.getAttribute('href')}`).to.exist;
    expect(link.textContent).to.equal(item!.title);
    expect(card.querySelector('[part~="card-summary"]')?.textContent).to.equal(item!.summary);
    expect(card.querySelector('.org')?.textContent).to.equal(item!.organisation);
    expect([...card.querySelectorAll('[part~="card-tags"] li')].map((li) => li.textContent)).to.deep.equal([
      ...item!.topics,
      ...item!.supportTypes,
    ]);
    const image = card.querySelector('[part~="card-image"]');
    expect(image?.getAttribute('alt')).to.equal(item!.image?.alt);
    const collection = card.querySelector('[part~="collection-link"]');
    expect(collection?.textContent).to.equal(item!.collection && `View all ${item!.collection.label} articles`);
    expect(collection?.getAttribute('href')).to.equal(item!.collection?.url);
  }
  return cards.length;
}

describe('<case-study-finder> bad input: hostile feed text and URLs', () => {
  let payloads: Raw[];
  let accepted: CaseStudy[];
  let byUrl: Map<string, CaseStudy>;

  before(async () => {
    payloads = await (await fetch('/test/fixtures/xss-payloads.json')).json();
    accepted = parseFeed(payloads).items;
    byUrl = new Map(accepted.map((item) => [item.url, item]));
  });

  afterEach(() => {
    delete (window as unknown as { __xss?: unknown }).__xss;
  });

  async function mount(): Promise<{ el: CaseStudyFinder; warnings: string[] }> {
    const { result: el, warnings } = await captureWarnings(() => mountItems(payloads, { 'page-size': '500' }));
    await settle(el);
    return { el, warnings };
  }

  it('has a corpus of at least 30 payloads covering every text and URL field', () => {
    const html = payloads.filter((raw) => raw.id.startsWith('html-'));
    expect(html.length).to.be.at.least(30);
    for (const kind of ['url-', 'image-', 'collection-']) {
      expect(payloads.filter((raw) => raw.id.startsWith(kind)).length, kind).to.be.at.least(20);
    }
    // The HTML payloads need no cleaning, so "shown as parsed" means "shown literally".
    for (const raw of html) {
      const item = accepted.find((i) => i.id === raw.id)!;
      expect(item.title).to.equal(raw.title);
      expect(item.summary).to.equal(raw.summary);
      expect(item.organisation).to.equal(raw.organisation);
      expect(item.image!.alt).to.equal((raw.image as { alt: string }).alt);
      expect(item.collection!.label).to.equal((raw.collection as { label: string }).label);
      expect(item.keywords).to.deep.equal(raw.keywords);
    }
  });

  it('shows every payload as literal text and injects nothing', async () => {
    const { el, warnings } = await mount();
    expectNothingInjected(el);
    expect(expectCardsShowText(el, byUrl)).to.equal(accepted.length);
    for (const raw of payloads.filter((r) => r.id.startsWith('html-'))) {
      const card = parts(el, 'card').find((c) => c.querySelector('[part~="card-link"]')!.getAttribute('href') === raw.url)!;
      expect(card.textContent).to.include(raw.title as string);
      expect(card.textContent).to.include(raw.summary as string);
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^<case-study-finder> \d+ item\(s\) skipped, \d+ field\(s\) dropped:/);
  });

  it('drops every unsafe link, image and collection URL, and keeps the encoded ones as harmless paths', async () => {
    const { el } = await mount();
    // The feed trims first (as JS trim() does, NBSP and BOM included), then checks the URL: a
    // "\u00a0javascript:" that the URL parser alone would read as a relative path is caught.
    const kept = (url: unknown) => isSafeUrl((url as string).trim());
    const hrefs = new Set(parts(el, 'card-link').map((a) => a.getAttribute('href')));
    for (const raw of payloads.filter((r) => r.id.startsWith('url-'))) {
      expect(hrefs.has(raw.url as string), JSON.stringify(raw.url)).to.equal(kept(raw.url));
    }
    const srcs = new Set(parts(el, 'card-image').map((img) => img.getAttribute('src')));
    for (const raw of payloads.filter((r) => r.id.startsWith('image-'))) {
      const src = (raw.image as { src: string }).src;
      expect(srcs.has(src), JSON.stringify(src)).to.equal(kept(src));
    }
    const safeEncoded = payloads.filter((r) => r.id.startsWith('url-') && kept(r.url));
    expect(safeEncoded.map((r) => r.url)).to.deep.equal([
      '&#106;avascript:window.__xss=1',
      '&#x6A;avascript&#x3A;window.__xss=1',
      'javascript&colon;window.__xss=1',
      'jav&#x09;ascript:window.__xss=1',
      '%6Aavascript:window.__xss=1',
    ]);
    const images = parts(el, 'card-image');
    expect(images.length).to.equal(accepted.filter((i) => i.image).length);
    const collections = parts(el, 'collection-link');
    expect(collections.length).to.equal(accepted.filter((i) => i.collection).length);
    expectNothingInjected(el);
  });

  for (const word of ['script', 'img', 'onerror', 'svg', 'iframe', 'javascript', 'window', 'xss', 'lit', 'constructor', 'noscript']) {
    it(`highlights "${word}" inside the payloads as text only`, async () => {
      const { el } = await mount();
      await search(el, word);
      await settle(el);
      const shown = expectCardsShowText(el, byUrl);
      expect(shown, 'results').to.be.greaterThan(0);
      const marks = parts(el, 'highlight');
      expect(marks.length, 'highlights').to.be.greaterThan(0);
      expect(marks.some((mark) => mark.textContent!.toLowerCase().startsWith(word.slice(0, 3)))).to.equal(true);
      expectNothingInjected(el);
    });
  }

  it('shows payload chips and chosen filters as text', async () => {
    const { el } = await mount();
    await openGroup(el, 'Filter by topics', true);
    const chips = chipsOf(el, 'Filter by topics');
    expect(chips.length).to.equal(new Set(accepted.flatMap((i) => i.topics.map((t) => t.toLowerCase()))).size);
    const labels = chips.map((chip) => chip.querySelector('.chip-label')!.textContent);
    for (const item of accepted) for (const topic of item.topics) expect(labels).to.include(topic);

    const chosen = chips.find((chip) => chip.querySelector('.chip-label')!.textContent!.includes('<script>'))!;
    const label = chosen.querySelector('.chip-label')!.textContent!;
    await click(el, chosen);
    await settle(el);
    const remove = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-remove]')!;
    expect(text(remove)).to.equal(`Topic: ${label.replace(/\s+/g, ' ').trim()}`);
    expect(remove.getAttribute('aria-label')).to.equal(`Remove filter Topic: ${label}`);
    expect(parts(el, 'card')).to.have.length(1);
    expectCardsShowText(el, byUrl);
    expectNothingInjected(el);
  });

  it('keeps an HTML error page out of the error state, and only as text in the console', async () => {
    const body = '<img src=x onerror=window.__xss=1><script>window.__xss=1</script>';
    const { result, warnings } = await captureWarnings(async () => {
      const { el, settled } = await mountSrc(`/test-api/body?text=${encodeURIComponent(body)}`);
      const event = (await settled) as CsfErrorEvent;
      await settle(el);
      return { el, event };
    });
    expect(result.event.type).to.equal('csf-error');
    expect(part(result.el, 'error')!.textContent).not.to.include('<img');
    expect(warnings.join('\n')).to.include('"<img src=x');
    expectNothingInjected(result.el);
  });
});
