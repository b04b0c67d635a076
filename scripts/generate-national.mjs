// Writes data/national-case-studies.json: a feed the size of a national programme's (600 case
// studies from 155 councils, 60 topics), to try the widget at real scale. The councils are
// real names; every sentence is made up here from the phrases below. Deterministic: the same
// file every run.   node scripts/generate-national.mjs
import { writeFileSync } from 'node:fs';

const COUNCILS = `Barnsley Metropolitan Borough Council|Bath and North East Somerset Council|Bedford Borough Council
Birmingham City Council|Blackburn with Darwen Borough Council|Blackpool Council|Bolton Council|Bournemouth, Christchurch and Poole Council
Bradford Metropolitan District Council|Brighton and Hove City Council|Bristol City Council|Buckinghamshire Council
Bury Council|Calderdale Council|Cambridgeshire County Council|Central Bedfordshire Council|Cheshire East Council|Cheshire West and Chester Council
Cornwall Council|Coventry City Council|Cumberland Council|Darlington Borough Council|Derby City Council|Derbyshire County Council|Devon County Council
Doncaster Council|Dorset Council|Dudley Metropolitan Borough Council|Durham County Council|East Riding of Yorkshire Council|East Sussex County Council
Essex County Council|Gateshead Council|Gloucestershire County Council|Hampshire County Council|Hartlepool Borough Council
Herefordshire Council|Hertfordshire County Council|Isle of Wight Council|Kent County Council|Kingston upon Hull City Council|Kirklees Council
Lancashire County Council|Leeds City Council|Leicester City Council|Leicestershire County Council|Lincolnshire County Council
Liverpool City Council|Luton Borough Council|Manchester City Council|Medway Council|Middlesbrough Council|Milton Keynes City Council
Newcastle City Council|Norfolk County Council|North East Lincolnshire Council|North Lincolnshire Council|North Northamptonshire Council
North Somerset Council|North Tyneside Council|North Yorkshire Council|Nottingham City Council|Nottinghamshire County Council|Oldham Council
Oxfordshire County Council|Peterborough City Council|Plymouth City Council|Portsmouth City Council|Reading Borough Council|Redcar and Cleveland Council
Rochdale Borough Council|Rotherham Metropolitan Borough Council|Salford City Council|Sandwell Council|Sefton Council
Sheffield City Council|Shropshire Council|Solihull Metropolitan Borough Council|Somerset Council|South Gloucestershire Council
South Tyneside Council|Southampton City Council|Southend-on-Sea City Council|St Helens Borough Council|Staffordshire County Council|Stockport Council
Stockton-on-Tees Borough Council|Stoke-on-Trent City Council|Suffolk County Council|Sunderland City Council|Surrey County Council|Swindon Borough Council
Tameside Metropolitan Borough Council|Telford and Wrekin Council|Torbay Council|Trafford Council|Wakefield Council|Walsall Council
Warrington Borough Council|Warwickshire County Council|West Berkshire Council|West Northamptonshire Council|West Sussex County Council|Westmorland and Furness Council
Wigan Council|Wiltshire Council|Wirral Council|Wokingham Borough Council|Wolverhampton City Council|Worcestershire County Council
City of York Council|London Borough of Barking and Dagenham|London Borough of Camden|London Borough of Hackney|London Borough of Lambeth|London Borough of Newham
Royal Borough of Greenwich|London Borough of Tower Hamlets|Westminster City Council|London Borough of Croydon|London Borough of Ealing
Blaenau Gwent County Borough Council|Bridgend County Borough Council|Caerphilly County Borough Council|Cardiff Council|Carmarthenshire County Council
Ceredigion County Council|Conwy County Borough Council|Denbighshire County Council|Flintshire County Council|Gwynedd Council|Isle of Anglesey County Council
Merthyr Tydfil County Borough Council|Monmouthshire County Council|Neath Port Talbot Council|Newport City Council|Pembrokeshire County Council|Powys County Council
Rhondda Cynon Taf County Borough Council|City and County of Swansea|Torfaen County Borough Council|Vale of Glamorgan Council|Wrexham County Borough Council
Aberdeen City Council|Aberdeenshire Council|Comhairle nan Eilean Siar|Dundee City Council|City of Edinburgh Council|Fife Council|Glasgow City Council
Highland Council|Orkney Islands Council|Shetland Islands Council|Belfast City Council|Derry City and Strabane District Council`
  .split(/[|\n]/)
  .map((name) => name.trim());

const TOPICS = `Libraries|Early years|Arts and culture|Museums|Heritage|Sport and leisure|Parks and green spaces|Public health|Mental health
Adult social care|Children's services|Youth services|Education and skills|Apprenticeships|Employment support|Economic development|High streets|Tourism
Housing|Homelessness|Planning|Transport|Active travel|Road safety|Climate change|Net zero|Waste and recycling|Flooding|Biodiversity|Air quality
Community safety|Domestic abuse|Digital inclusion|Customer services|Procurement|Workforce|Equality and inclusion|Community cohesion|Refugees and asylum
Armed forces|Cost of living|Food poverty|Financial inclusion|Older people|Loneliness|Dementia|Carers|Special educational needs|School readiness
Volunteering|Welsh language|Rural communities|Coastal communities|Town centres|Events and festivals|Adult learning|Reading|Physical activity
Stopping smoking|Regeneration`
  .split(/[|\n]/)
  .map((topic) => topic.trim());

const SUPPORT = ['Culture hub', 'Funding', 'Peer support', 'Training', 'Data and insight', 'Partnership working', 'Volunteer programme', 'Digital tools'];

const WHAT = ['pop-up', 'weekly', 'year-round', 'neighbourhood', 'mobile', 'after-school', 'drop-in', 'county-wide', 'pilot', 'community-led'];
const ACTIVITY = {
  default: ['project', 'scheme', 'programme', 'partnership', 'service', 'network', 'fund', 'hub', 'campaign', 'trail'],
};
const OPENERS = [
  'The council worked with local groups to',
  'Staff and volunteers set out to',
  'A small team used a modest grant to',
  'Residents asked for a way to',
  'Officers from three services joined up to',
  'Working with the voluntary sector, the council chose to',
];
const AIMS = [
  'reach people who rarely use council services',
  'make the most of buildings that stood empty in the evenings',
  'give young people a say in what happens next',
  'cut the time families wait for help',
  'bring neighbours together around a shared interest',
  'help people stay well and independent at home',
  'make the town centre a place people want to spend time in',
  'give local businesses a reason to invest',
  'turn data the council already held into better decisions',
  'open up skills and jobs to people furthest from work',
];
const RESULTS = [
  'Attendance doubled in the first year.',
  'Most people who took part said they would recommend it to a friend.',
  'The approach is now part of the council’s everyday work.',
  'Neighbouring councils have asked to copy it.',
  'It paid for itself within two years through savings elsewhere.',
  'Feedback led to changes in the second year that made it easier to join.',
  'Partners have agreed to keep it going after the pilot.',
  'It won a regional award for community engagement.',
];
const KEYWORDS = ['pilot', 'co-production', 'outreach', 'evaluation', 'partnership', 'grant', 'volunteers', 'young people', 'families', 'older residents', 'data', 'digital'];
const IMAGES = [
  ['story-makers.svg', 'Children sitting on a rug listening to a story'],
  ['museum.svg', 'A museum gallery with framed pictures'],
  ['football.svg', 'A football on a pitch'],
  ['laptop.svg', 'A laptop on a library table'],
  ['tree.svg', 'A tree in a park'],
  ['lantern.svg', 'A paper lantern at an evening festival'],
];

/** A small seeded generator (mulberry32), so every run writes the same feed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261127);
const pick = (list) => list[Math.floor(next() * list.length)];
function pickSome(list, min, max) {
  const count = min + Math.floor(next() * (max - min + 1));
  const chosen = new Set();
  while (chosen.size < count) chosen.add(pick(list));
  return [...chosen];
}
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const place = (council) =>
  council
    .replace(/^(London Borough of|Royal Borough of|City and County of|City of|Isle of)\s+/, '')
    .replace(/\s+(Metropolitan Borough|Metropolitan District|County Borough|Borough|City|County|District|Islands)?\s*Council$/, '')
    .replace(/ Council$/, '');

const items = [];
for (let n = 0; n < 600; n++) {
  // Every council at least once (the first 155), then at random.
  const council = n < COUNCILS.length ? COUNCILS[n] : pick(COUNCILS);
  const topics = pickSome(TOPICS, 1, 3);
  const title = `${place(council)} ${pick(WHAT)} ${topics[0].toLowerCase()} ${pick(ACTIVITY.default)}`;
  const id = `${slug(title)}-${n + 1}`;
  const year = 2018 + Math.floor(next() * 8);
  const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
  const item = {
    id,
    title: title.charAt(0).toUpperCase() + title.slice(1),
    url: `/case-studies/national/${id}`,
    summary: `${pick(OPENERS)} ${pick(AIMS)}. ${pick(RESULTS)}`,
    organisation: council,
    topics,
    supportTypes: pickSome(SUPPORT, 1, 2),
    date: `${year}-${month}-${day}`,
    keywords: pickSome(KEYWORDS, 0, 2),
  };
  if (next() < 0.25) {
    const [file, alt] = pick(IMAGES);
    item.image = { src: `/data/images/${file}`, alt };
  }
  items.push(item);
}

const feed = {
  title: 'Case studies from councils across the UK (sample data)',
  facets: [
    { key: 'topics', label: { en: 'Topics', cy: 'Pynciau' } },
    { key: 'supportTypes', label: { en: 'Support type', cy: 'Math o gymorth' } },
    // No label: the widget's own words for organisation ("Filter by organisation", "Show all
    // 155 organisations", "Organisation: Wakefield Council") and their Welsh.
    { key: 'organisation' },
  ],
  items,
};
const counts = `${items.length} case studies, ${new Set(items.map((i) => i.organisation)).size} councils, ${new Set(items.flatMap((i) => i.topics)).size} topics`;
writeFileSync(new URL('../data/national-case-studies.json', import.meta.url), `${JSON.stringify(feed, null, 1)}\n`);
console.log(`data/national-case-studies.json: ${counts}`);
