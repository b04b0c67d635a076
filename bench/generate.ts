import type { FeedItemInput } from '../src/lib/feed-schema.js';

/**
 * Deterministic generator of realistic council case studies for the benchmark.
 *
 * Text is drawn Zipf-like from an inline vocabulary (function words most often, then a shuffled
 * mix of local-government, general, verb and adjective words), with some invented words,
 * numbers and place names mixed in, so that — like real text — the vocabulary keeps growing
 * with the number of items and rare words sit in few documents.
 *
 * @example
 * const items = generateFeed(10_000);      // same items for the same n and seed, every time
 */
export function generateFeed(n: number, seed = 20240601): FeedItemInput[] {
  const random = mulberry32(seed);
  const text = new TextSampler(random);
  const items: FeedItemInput[] = [];
  for (let i = 0; i < n; i++) items.push(generateItem(i, random, text));
  return items;
}

/** The queries the benchmark types, one letter at a time. */
export const QUERIES = [
  'library',
  'libary',
  'swimming lessons',
  'youth council',
  'ynys mon',
  'refugee',
  'museum heritage',
  'holiday hunger',
] as const;

// ---- vocabulary -----------------------------------------------------------------------------

// Highest-frequency words, in rough rank order: they lead the Zipf distribution as in real text.
const FUNCTION_WORDS = words(`
  the and of to a in for with on by at from as is are was were be been has have had that this
  these those it its their they them we our us which who whose where when while into across
  through over under between after before during about more most also not but or so than then
  such each every many new all other both some any can will would could should may up out per
  how what one two three four five six there here now still only just very well same own
`);

const LOCAL_GOVERNMENT = words(`
  council councils councillor councillors borough boroughs county counties district districts
  parish parishes town towns city cities metropolitan unitary authority authorities cabinet
  committee committees scrutiny ward wards resident residents community communities neighbourhood
  neighbourhoods library libraries librarian librarians museum museums gallery galleries archive
  archives heritage culture cultural arts theatre theatres festival festivals youth young children
  child families family parents parent carers carer refugee refugees asylum sanctuary resettlement
  swimming pool pools leisure sport sports fitness gym lessons coaching coach volunteers volunteer
  volunteering charity charities partnership partnerships partner partners housing homelessness
  homeless tenants tenant landlords landlord rent social care adult adults older elderly dementia
  loneliness isolation wellbeing health mental public hospital clinic pharmacy gp nhs safeguarding
  school schools pupils pupil teachers teacher classroom nursery nurseries apprenticeship
  apprenticeships apprentices skills training employment jobs job employer employers careers
  college university students student learning learners literacy numeracy reading readers books
  book borrowers loans digital online broadband internet website app apps data technology tablets
  laptops devices inclusion exclusion poverty hunger holiday holidays meals meal food bank banks
  pantry kitchen cooking lunch breakfast dinner nutrition allotment allotments garden gardens
  gardening park parks playground playgrounds green spaces space trees tree woodland nature
  wildlife biodiversity climate carbon emissions energy retrofit insulation solar heating warm
  warmth cold fuel bills cost living transport bus buses cycling cyclists walking footpaths roads
  road highways potholes parking traffic travel rail station trains town centre high street shops
  shop markets market traders business businesses enterprise economy economic growth investment
  regeneration development planning planners buildings building homes home estate estates flats
  repairs maintenance waste recycling litter bins collections street cleaning flooding flood
  drainage coastal coast beach seafront harbour river canal bridge rural villages village farming
  farms tourism visitors visitor events event concerts music dance drama film cinema exhibitions
  exhibition collection collections artefacts history historic listed conservation restoration
  castle abbey church chapel hall halls centre centres hub hubs venue venues facilities facility
  services service provision commissioning procurement contracts contract budget budgets funding
  grant grants fund funds savings efficiency finance financial income revenue capital spending
  cuts pressures demand waiting lists assessment assessments referrals referral caseworkers
  caseworker social workers worker workers staff team teams officers officer manager managers
  leadership leaders leader chief executive mayor combined region regional local national
  government ministers department policy policies strategy strategic plan plans priorities
  priority outcomes outcome evaluation evidence impact performance indicators targets survey
  surveys consultation engagement feedback residents panel forum forums network networks
  coproduction codesign design user users customer customers contact enquiries complaints
  ombudsman transparency accountability democracy elections voters voting register registration
  births deaths marriages ceremonies licensing licence licences enforcement trading standards
  environmental protection noise pollution air quality inspection inspections inspectors police
  policing crime antisocial behaviour safety fire rescue emergency emergencies resilience pandemic
  covid lockdown shielding vaccination vaccine testing outbreak recovery migrants migration
  ukrainian ukraine afghan syrian hong kong arrivals welcome integration english esol language
  languages interpreters translation welsh gaelic bilingual armed forces veterans covenant
  domestic abuse violence victims survivors exploitation trafficking modern slavery gangs knife
  crime offenders probation prison justice youth offending exclusions attendance absence
  special educational needs disabilities disability disabled sen send autism learning
  accessibility accessible wheelchair blind deaf sensory carers respite hospice palliative
  bereavement funeral cemeteries cemetery crematorium allotment tenancy eviction evictions
  temporary accommodation hostel hostels supported living sheltered extra care homecare
  domiciliary reablement discharge integrated commissioning placements fostering foster adoption
  adopted looked after leavers corporate parenting kinship family hubs early years childcare
  toddlers babies maternity health visitors breastfeeding obesity smoking alcohol drugs substance
  misuse addiction treatment prevention sexual immunisation screening physical activity active
  clubs club league leagues football cricket rugby netball tennis athletics running parkrun
  swimmers lifeguards pool sessions classes class workshops workshop courses course tutors tutor
  mentoring mentors mentor befriending befrienders friendship groups group circles choir choirs
  singing crafts knitting storytelling rhymes rhyme stories poetry writing writers authors
  reading groups book clubs makerspace coding robotics science engineering maths homework
  revision exams qualifications graduates internships placements volunteering kickstart pathways
`);

const GENERAL = words(`
  people person place places time times year years month months week weeks day days hour hours
  way ways work works world life lives part parts number numbers area areas case cases point
  points fact facts example examples idea ideas issue issues problem problems question questions
  answer answers result results change changes process processes system systems approach
  approaches model models method methods practice practices level levels range ranges rate rates
  share shares amount amounts cost costs price prices value values quality standard standards
  support project projects programme programmes scheme schemes initiative initiatives pilot pilots
  trial trials campaign campaigns package packages offer offers opportunity opportunities access
  pathway journey journeys story experience experiences voice voices need needs challenge
  challenges barrier barriers benefit benefits advantage risk risks issue opportunity success
  successes achievement achievements award awards prize recognition milestone milestones
  anniversary launch opening season seasons summer winter spring autumn weekend weekends evening
  evenings morning mornings afternoon night nights half term terms calendar schedule timetable
  session meeting meetings conversation conversations discussion discussions workshop review
  reviews report reports study studies research findings lessons learning insight insights
  knowledge understanding awareness confidence trust pride belonging identity tradition
  traditions celebration celebrations memory memories photographs photos images pictures maps
  map letters documents records objects paintings sculpture sculptures murals mural craft
  materials equipment tools resources resource kit kits boxes parcels packs vouchers voucher
  cards card passes pass tickets ticket discounts membership members member subscription
  subscriptions newsletter newsletters leaflets posters signs signage displays display screens
  phone phones calls call messages message emails email texts letter visit visits trips trip
  walks walk rides ride routes route stops stop journeys network corners corner streets square
  squares lanes lane paths path fields field hills hill valley valleys mountains mountain
  lakes lake islands island shore shores sea water waters rivers wood woods forest forests
  flowers flower plants plant seeds seed vegetables fruit apples bread soup tea coffee cake
  meals table tables chairs rooms room doors door windows window floors floor roof walls wall
  garden kitchen library stage studio studios workshop yard barn mill mills factory factories
  warehouse offices office depot depots store stores cafe cafes restaurant pub pubs hotel hotels
  cottage cottages house houses street neighbour neighbours friends friend children's elders
  grandparents generations generation teenagers teens boys girls men women mothers fathers
  dads mums babies toddler infants siblings households household tenants owners homeowners
  citizens public audience audiences participants participant attendees guests hosts host
  champions champion ambassadors ambassador trustees trustee directors director founders
  founder organisers organiser providers provider suppliers supplier contractors contractor
  agencies agency bodies body organisations organisation institutions institution sector
  sectors industry industries trade trades professions profession roles role posts post
  positions position hours shifts shift wages wage salary pay living income incomes
  households budgets debt debts arrears benefits credit universal pension pensions savings
  advice guidance information signposting helpline helplines line lines desk desks counter
  reception front door doorstep outreach drop in appointments appointment visits checks check
  audit audits inspection standards charter pledge pledges promise promises commitment
  commitments vision mission values principles framework frameworks toolkit toolkits guide
  guides handbook manual charter compact agreement agreements deal deals bid bids tender
  tenders
`);

const VERBS = words(`
  support supports supported supporting help helps helped helping run runs ran running deliver
  delivers delivered delivering provide provides provided providing offer offers offered
  offering work works worked working create creates created creating build builds built building
  develop develops developed developing improve improves improved improving increase increases
  increased increasing reduce reduces reduced reducing bring brings brought bringing open opens
  opened opening close closes closed closing launch launches launched launching start starts
  started starting join joins joined joining meet meets met meeting make makes made making take
  takes took taking give gives gave giving keep keeps kept keeping find finds found finding use
  uses used using learn learns learned learning teach teaches taught teaching train trains
  trained training share shares shared sharing connect connects connected connecting reach
  reaches reached reaching engage engages engaged engaging involve involves involved involving
  encourage encourages encouraged encouraging enable enables enabled enabling empower empowers
  empowered empowering transform transforms transformed transforming tackle tackles tackled
  tackling address addresses addressed addressing respond responds responded responding adapt
  adapts adapted adapting move moves moved moving switch switched switching expand expands
  expanded expanding grow grows grew growing extend extends extended extending continue
  continues continued continuing maintain maintains maintained maintaining protect protects
  protected protecting prevent prevents prevented preventing promote promotes promoted promoting
  celebrate celebrates celebrated celebrating welcome welcomes welcomed welcoming host hosts
  hosted hosting organise organises organised organising plan plans planned planning design
  designs designed designing test tests tested testing pilot piloted piloting fund funds funded
  funding invest invests invested investing save saves saved saving spend spends spent spending
  cut cuts cutting recruit recruits recruited recruiting employ employs employed employing
  volunteer volunteered visit visits visited visiting explore explores explored exploring
  discover discovers discovered discovering read reads reading write writes wrote written
  writing tell tells told telling listen listens listened listening talk talks talked talking
  ask asks asked asking answer answered say says said saying show shows showed shown showing
  see sees saw seen seeing feel feels felt feeling enjoy enjoys enjoyed enjoying play plays
  played playing swim swims swam swimming walk walks walked walking cook cooks cooked cooking
  eat eats ate eaten grow grown plant plants planted planting repair repairs repaired repairing
  restore restores restored restoring renovate renovated refurbish refurbished convert
  converted transfer transferred rescue rescued digitise digitised record recorded recording
  collect collects collected collecting lend lends lent lending borrow borrowed borrowing
  deliver delivered phone phoned call called check checked visit identify identifies
  identified identifying assess assessed assessing refer referred referring signpost
  signposted signposting coordinate coordinated coordinating manage manages managed managing
  lead leads led leading partner partnered partnering commission commissioned commissioning
  procure procured monitor monitored monitoring measure measured measuring evaluate evaluated
  evaluating report reported reporting publish published publishing consult consulted
  consulting co-design co-designed co-produce co-produced attract attracted attracting retain
  retained retaining return returned returning remain remained remaining become became
  becoming include includes included including follow followed following achieve achieved
  achieving win won winning receive received receiving apply applied applying secure secured
  securing allow allowed allowing combine combined combining reopen reopened reopening
`);

const ADJECTIVES = words(`
  local new young old older local national regional rural urban coastal small large big
  little great good better best high higher low lower free affordable safe secure healthy
  happy active creative inclusive accessible diverse vulnerable isolated lonely disadvantaged
  deprived poor rich wealthy strong stronger resilient sustainable green clean warm cold
  hot dry wet early late long short full part-time full-time weekly monthly daily annual
  yearly regular occasional successful effective efficient innovative practical simple
  easy hard difficult complex different similar wide wider whole entire popular famous
  historic modern traditional digital online virtual physical mental emotional social
  economic financial cultural educational environmental public private voluntary independent
  joint shared collaborative community-led resident-led youth-led family-friendly
  dementia-friendly age-friendly child-friendly welsh scottish english irish british european
  international global first second third last next previous recent current future main
  key major minor central northern southern eastern western north south east west
  additional extra further initial final overall total direct indirect personal individual
  specialist professional skilled unskilled experienced trained qualified open closed busy
  quiet friendly welcoming fun exciting inspiring meaningful valuable positive negative
  significant important essential basic core wider broader deeper clear clearer real true
  vital urgent immediate rapid quick slow steady gradual consistent flexible responsive
  tailored targeted bespoke universal specific general common rare unique special original
  beautiful bright colourful large-scale small-scale low-cost no-cost award-winning
  nationally locally widely directly quickly easily together often always sometimes never
  already again around almost especially particularly previously recently currently
  successfully regularly increasingly independently safely
`);

const PLACES = words(`
  Ynys Môn Gwynedd Conwy Denbighshire Flintshire Wrexham Powys Ceredigion Pembrokeshire
  Carmarthenshire Swansea Neath Port Talbot Bridgend Vale Glamorgan Rhondda Cynon Taf Merthyr
  Tydfil Caerphilly Blaenau Gwent Torfaen Monmouthshire Newport Cardiff Caerdydd Abertawe
  Casnewydd Llanelli Aberystwyth Bangor Caernarfon Llandudno Rhyl Holyhead Machynlleth
  Tameside Oldham Rochdale Bolton Wigan Salford Stockport Trafford Bury Kirklees Calderdale
  Bradford Leeds Wakefield Barnsley Rotherham Doncaster Sheffield Sunderland Gateshead Durham
  Hartlepool Middlesbrough Redcar Cleveland Darlington Stockton Northumberland Cumbria Carlisle
  Lancaster Blackpool Preston Burnley Blackburn Liverpool Wirral Sefton Knowsley Halton
  Cheshire Shropshire Telford Staffordshire Stoke Derby Nottingham Leicester Lincoln Norfolk
  Norwich Suffolk Ipswich Essex Southend Thurrock Kent Medway Brighton Hove Sussex Surrey
  Hampshire Southampton Portsmouth Dorset Bournemouth Devon Plymouth Exeter Cornwall Somerset
  Bristol Gloucestershire Wiltshire Swindon Oxford Reading Slough Buckinghamshire Milton
  Keynes Bedford Luton Hertfordshire Cambridge Peterborough Birmingham Coventry Solihull
  Walsall Wolverhampton Sandwell Dudley Worcestershire Herefordshire Warwickshire Hackney
  Camden Islington Lambeth Southwark Lewisham Greenwich Newham Tower Hamlets Haringey Enfield
  Barnet Brent Ealing Hounslow Croydon Sutton Merton Wandsworth Westminster Kensington Chelsea
  Glasgow Edinburgh Dundee Aberdeen Highland Fife Stirling Argyll Orkney Shetland Belfast Derry
  Strabane Armagh Newry Mourne Antrim Lisburn Fermanagh Omagh
`);

// Two-word phrases councils write about; they give multi-word queries something to find.
const PHRASES = [
  'holiday hunger', 'swimming lessons', 'youth council', 'warm spaces', 'food bank', 'digital inclusion',
  'social prescribing', 'family hubs', 'early years', 'refugee resettlement', 'museum heritage',
  'heritage trail', 'library service', 'reading challenge', 'summer reading', 'youth club',
  'community garden', 'cost of living', 'climate emergency', 'active travel', 'care leavers',
  'young carers', 'armed forces', 'holiday activities', 'free school meals', 'town centre',
  'high street', 'mental health', 'older people', 'local history', 'library of things',
  'swimming pool', 'leisure centre', 'parks and green spaces', 'adult social care',
];

const TOPICS = [
  'Libraries', 'Museums and heritage', 'Arts and culture', 'Sport and leisure', 'Early years',
  'Children and young people', 'Older people', 'Health and wellbeing', 'Refugees and asylum',
  'Housing', 'Climate and environment', 'Economy and skills', 'Digital', 'Community safety',
  'Transport', 'Adult social care', 'Education', 'Food and poverty',
];

const SUPPORT_TYPES = [
  'Volunteering', 'Digital service', 'Culture hub', 'Grant funding', 'Partnership working',
  'Outreach', 'Training', 'Co-production',
];

const COUNCILS = `
Tameside Metropolitan Borough Council|Kirklees Council|Oldham Council|Rochdale Borough Council|
Bolton Council|Wigan Council|Salford City Council|Stockport Metropolitan Borough Council|
Trafford Council|Bury Council|Manchester City Council|Calderdale Council|Bradford Metropolitan District Council|
Leeds City Council|Wakefield Council|Barnsley Metropolitan Borough Council|Rotherham Metropolitan Borough Council|
City of Doncaster Council|Sheffield City Council|Sunderland City Council|Gateshead Council|Durham County Council|
Hartlepool Borough Council|Middlesbrough Council|Redcar and Cleveland Borough Council|Darlington Borough Council|
Stockton-on-Tees Borough Council|Northumberland County Council|Newcastle City Council|North Tyneside Council|
South Tyneside Council|Cumberland Council|Westmorland and Furness Council|Lancashire County Council|
Blackpool Council|Preston City Council|Burnley Borough Council|Blackburn with Darwen Borough Council|
Liverpool City Council|Wirral Council|Sefton Council|Knowsley Council|Halton Borough Council|St Helens Borough Council|
Cheshire East Council|Cheshire West and Chester Council|Warrington Borough Council|Shropshire Council|
Telford and Wrekin Council|Staffordshire County Council|Stoke-on-Trent City Council|Derby City Council|
Derbyshire County Council|Nottingham City Council|Nottinghamshire County Council|Leicester City Council|
Leicestershire County Council|Rutland County Council|Lincolnshire County Council|City of Lincoln Council|
Norfolk County Council|Norwich City Council|Suffolk County Council|Ipswich Borough Council|Essex County Council|
Southend-on-Sea City Council|Thurrock Council|Kent County Council|Medway Council|Brighton and Hove City Council|
East Sussex County Council|West Sussex County Council|Surrey County Council|Hampshire County Council|
Southampton City Council|Portsmouth City Council|Isle of Wight Council|Dorset Council|
Bournemouth, Christchurch and Poole Council|Devon County Council|Plymouth City Council|Exeter City Council|
Torbay Council|Cornwall Council|Somerset Council|Bristol City Council|North Somerset Council|
Bath and North East Somerset Council|South Gloucestershire Council|Gloucestershire County Council|
Wiltshire Council|Swindon Borough Council|Oxfordshire County Council|Oxford City Council|Reading Borough Council|
Slough Borough Council|Buckinghamshire Council|Milton Keynes City Council|Bedford Borough Council|Luton Borough Council|
Hertfordshire County Council|Cambridgeshire County Council|Cambridge City Council|Peterborough City Council|
Birmingham City Council|Coventry City Council|Solihull Metropolitan Borough Council|Walsall Council|
City of Wolverhampton Council|Sandwell Metropolitan Borough Council|Dudley Metropolitan Borough Council|
Worcestershire County Council|Herefordshire Council|Warwickshire County Council|London Borough of Hackney|
London Borough of Camden|Islington Council|Lambeth Council|Southwark Council|Lewisham Council|Royal Borough of Greenwich|
London Borough of Newham|London Borough of Tower Hamlets|Haringey Council|Enfield Council|Barnet Council|Brent Council|
Ealing Council|London Borough of Hounslow|Croydon Council|London Borough of Sutton|Merton Council|Wandsworth Council|
Westminster City Council|Royal Borough of Kensington and Chelsea|Isle of Anglesey County Council|Cyngor Sir Ynys Môn|
Gwynedd Council|Conwy County Borough Council|Denbighshire County Council|Flintshire County Council|
Wrexham County Borough Council|Powys County Council|Ceredigion County Council|Pembrokeshire County Council|
Carmarthenshire County Council|City and County of Swansea|Neath Port Talbot Council|Bridgend County Borough Council|
Vale of Glamorgan Council|Rhondda Cynon Taf Council|Merthyr Tydfil County Borough Council|
Caerphilly County Borough Council|Blaenau Gwent County Borough Council|Torfaen County Borough Council|
Monmouthshire County Council|Newport City Council|Cardiff Council|Glasgow City Council|City of Edinburgh Council|
Dundee City Council|Aberdeen City Council|The Highland Council|Fife Council|Stirling Council|Argyll and Bute Council|
Orkney Islands Council|Shetland Islands Council|Belfast City Council|Derry City and Strabane District Council|
Armagh City, Banbridge and Craigavon Borough Council|Newry, Mourne and Down District Council|
Lisburn and Castlereagh City Council|Fermanagh and Omagh District Council`
  .split('|')
  .map((name) => name.trim())
  .filter(Boolean);

// Letters for invented words: surnames, brand names, misspellings and Welsh words that no list
// holds, which is where a real feed's vocabulary keeps growing.
const ONSETS = ['b', 'br', 'c', 'cl', 'cr', 'd', 'dr', 'f', 'fl', 'g', 'gl', 'gw', 'h', 'k', 'l', 'll', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 'st', 't', 'th', 'tr', 'v', 'w', 'y'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'y', 'ae', 'ai', 'ee', 'ou', 'wy'];
const CODAS = ['', 'n', 'r', 'l', 'th', 'st', 'ck', 'nd', 'rd', 'ff', 'dd', 'm', 'wick', 'ton', 'by', 'ham', 'ley'];
const INVENTED_POOL = 400_000;

/** Main vocabulary in rank order: function words first, then the rest shuffled once. */
function rankedVocabulary(): string[] {
  const seen = new Set(FUNCTION_WORDS);
  const rest: string[] = [];
  for (const word of [...LOCAL_GOVERNMENT, ...GENERAL, ...VERBS, ...ADJECTIVES]) {
    if (!seen.has(word)) {
      seen.add(word);
      rest.push(word);
    }
  }
  const random = mulberry32(7);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return [...FUNCTION_WORDS, ...rest];
}

/** Distinct words in the inline vocabulary (places and invented words not counted). */
export const VOCABULARY_SIZE = rankedVocabulary().length;

class TextSampler {
  private readonly vocabulary = rankedVocabulary();
  private readonly contentStart = FUNCTION_WORDS.length;
  private readonly pickWord: () => number;
  private readonly pickContent: () => number;
  private readonly pickInvented: () => number;

  constructor(private readonly random: () => number) {
    this.pickWord = zipf(this.vocabulary.length, 1.0, random);
    this.pickContent = zipf(this.vocabulary.length - this.contentStart, 0.9, random);
    this.pickInvented = zipf(INVENTED_POOL, 1.05, random);
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  between(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  /** One running-text token: mostly vocabulary, sometimes a place, number or invented word. */
  token(content = false): string {
    const roll = this.random();
    if (roll < 0.03) return invented(this.pickInvented());
    if (roll < 0.045) return this.number();
    if (roll < 0.055) return this.pick(PLACES);
    if (roll < 0.065) return this.pick(PHRASES);
    return content
      ? this.vocabulary[this.contentStart + this.pickContent()]!
      : this.vocabulary[this.pickWord()]!;
  }

  number(): string {
    const kind = this.random();
    if (kind < 0.35) return String(this.between(2008, 2025));
    if (kind < 0.55) return `£${this.between(1, 950) * 500}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    if (kind < 0.7) return `${this.between(5, 95)}%`;
    return String(this.between(2, 1200));
  }

  title(organisation: string): string {
    const length = this.between(6, 10);
    const parts: string[] = [];
    for (let count = 0; count < length; ) {
      const part =
        count > 0 && this.random() < 0.22 ? this.pick(['and', 'for', 'in', 'with', 'of', 'the']) : this.token(true);
      parts.push(part);
      count += part.split(' ').length;
    }
    if (this.random() < 0.15) parts.push('in', shortName(organisation));
    const title = parts.join(' ');
    return title.charAt(0).toUpperCase() + title.slice(1);
  }

  summary(): string {
    const target = this.between(50, 70);
    const sentences: string[] = [];
    let count = 0;
    while (count < target) {
      const length = Math.min(this.between(9, 20), target - count);
      const tokens: string[] = [];
      for (let i = 0; i < length; i++) tokens.push(this.token());
      const sentence = tokens.join(' ');
      sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
      count += length;
    }
    return sentences.join(' ');
  }

  keywords(): string[] {
    const out = new Set<string>();
    const count = this.between(0, 4);
    while (out.size < count) out.add(this.random() < 0.35 ? this.pick(PHRASES) : this.token(true));
    return [...out];
  }
}

function generateItem(i: number, random: () => number, text: TextSampler): FeedItemInput {
  const organisation = text.pick(COUNCILS);
  const topics = new Set<string>();
  const topicCount = text.between(1, 3);
  while (topics.size < topicCount) topics.add(text.pick(TOPICS));
  const supportTypes = new Set<string>();
  const supportCount = text.between(1, 2);
  while (supportTypes.size < supportCount) supportTypes.add(text.pick(SUPPORT_TYPES));
  const year = text.between(2012, 2025);
  const month = text.between(1, 12);
  const day = text.between(1, 28);
  const item: FeedItemInput = {
    id: `cs-${i}`,
    title: text.title(organisation),
    url: `https://www.example.gov.uk/case-studies/${i}`,
    summary: text.summary(),
    organisation,
    topics: [...topics],
    supportTypes: [...supportTypes],
    keywords: text.keywords(),
    date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
  if (random() < 0.2) {
    const label = [...topics][0]!;
    item.collection = { label, url: `https://www.example.gov.uk/case-studies?topic=${encodeURIComponent(label)}` };
  }
  return item;
}

/** "Tameside Metropolitan Borough Council" → "Tameside". */
function shortName(organisation: string): string {
  return organisation
    .replace(/^(London Borough of|Royal Borough of|City of|City and County of|The|Cyngor Sir)\s+/, '')
    .replace(/\s+(Metropolitan|County|City|Borough|District|Council|Islands).*$/, '');
}

/** The invented word with this index: the same index always gives the same word. */
function invented(index: number): string {
  let state = (index + 1) * 2654435761;
  const next = (modulo: number) => {
    state = Math.imul(state ^ (state >>> 15), 2246822519) >>> 0;
    return state % modulo;
  };
  const syllables = 2 + next(2);
  let word = '';
  for (let s = 0; s < syllables; s++) {
    word += ONSETS[next(ONSETS.length)]! + VOWELS[next(VOWELS.length)]!;
    if (s === syllables - 1 || next(3) === 0) word += CODAS[next(CODAS.length)]!;
  }
  return word;
}

/** A sampler of ranks 0..n-1 with probability ∝ 1 / (rank + 1)^s. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 1, s);
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(list: string): string[] {
  return [...new Set(list.split(/\s+/).filter(Boolean))];
}
