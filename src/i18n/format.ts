import { cy } from './cy.js';
import { en, type Plural, type Strings } from './en.js';

export type Lang = 'en' | 'cy';

const STRINGS: Record<Lang, Strings> = { en, cy };
const LOCALES: Record<Lang, string> = { en: 'en-GB', cy: 'cy-GB' };

/** `en` or `cy` from a BCP 47 tag such as `cy-GB`; anything else is English. */
export function toLang(tag: string | null | undefined): Lang {
  return tag?.trim().toLowerCase().split('-')[0] === 'cy' ? 'cy' : 'en';
}

/** The strings of a language with a host's overrides laid over them. */
export function stringsFor(lang: Lang, overrides?: Partial<Strings>): Strings {
  return overrides ? { ...STRINGS[lang], ...overrides } : STRINGS[lang];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * A count as both English and Welsh write it: digits grouped in threes with commas ("3,000").
 * By hand, because the first Intl.NumberFormat on a page costs 15–20 ms in Chromium, on the
 * way to the first cards.
 */
export const formatCount = (count: number): string => String(count).replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * Picks the plural form for `count` with `Intl.PluralRules` and fills `{count}` (formatted for
 * the locale) and any other values.
 *
 * @example
 * plural('cy', { other: '{count} canlyniad', two: '{count} ganlyniad' }, 2); // '2 ganlyniad'
 */
export function plural(
  lang: Lang,
  forms: Plural,
  count: number,
  values: Record<string, string | number> = {},
): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
  const form = forms[rules.select(count)] ?? forms.other;
  return fill(form, { ...values, count: formatCount(count) });
}

// Month names are ours: browsers built with reduced ICU data (Debian's Chromium among them)
// have no Welsh dates and fall back to US English, and the first Intl.DateTimeFormat on a page
// costs a few milliseconds on the way to the first cards.
const MONTHS: Record<Lang, string[]> = {
  en: 'January February March April May June July August September October November December'.split(' '),
  cy: 'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(' '),
};

/** A day as a visitor reads it: "14 June 2021" / "14 Mehefin 2021". `time` is UTC midnight. */
export function formatDate(lang: Lang, time: number): string {
  const date = new Date(time);
  return `${date.getUTCDate()} ${MONTHS[lang][date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
