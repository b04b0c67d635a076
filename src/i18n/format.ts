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
const numberFormats = new Map<Lang, Intl.NumberFormat>();

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
  // One formatter per language: toLocaleString(locale) builds a new one on every call, and
  // every chip asks on every keystroke.
  let numbers = numberFormats.get(lang);
  if (!numbers) numberFormats.set(lang, (numbers = new Intl.NumberFormat(LOCALES[lang])));
  const form = forms[rules.select(count)] ?? forms.other;
  return fill(form, { ...values, count: numbers.format(count) });
}

let englishDates: Intl.DateTimeFormat | undefined;

// Browsers built with reduced ICU data (Debian's Chromium among them) have no Welsh dates and
// fall back to US English, so Welsh month names are ours.
const WELSH_MONTHS = 'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(' ');

/** A day as a visitor reads it: "14 June 2021" / "14 Mehefin 2021". `time` is UTC midnight. */
export function formatDate(lang: Lang, time: number): string {
  const date = new Date(time);
  if (lang === 'cy') return `${date.getUTCDate()} ${WELSH_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  englishDates ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return englishDates.format(date);
}
