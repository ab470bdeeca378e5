// Faultline web page. Builds every node with createElement/textContent: no data ever reaches innerHTML, so a
// crafted article is shown as text. No build step; cytoscape comes from a WebJar.
'use strict';

const QUAD_NAMES = ['', 'Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
const QUAD_COLOURS = ['', '#7cb342', '#1b7f3b', '#ef6c00', '#b3261e'];
const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
  'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const SECTORS = ['GOV', 'MIL', 'REB', 'CVL', 'OPP', 'POL', 'BUS', 'MED', 'IGO', 'NGO'];
const HIGHLIGHT_ORDER = ['trigger', 'actor', 'recipient', 'place', 'date'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

// ---------------------------------------------------------------- small DOM helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') node.textContent = v; else node.setAttribute(k, String(v));
  }
  children.flat().forEach(c => c && node.appendChild(c));
  return node;
}

const main = () => document.getElementById('main');

// "1 event", "2 events".
function count(n, noun) {
  return n + ' ' + (n === 1 ? noun : noun + 's');
}

// CAMEO codes have three digits; a two-digit root code ("10") is the root's general code ("100").
function cameoCode(code) {
  return /^[0-9]{2}$/.test(code || '') ? code + '0' : code;
}

function show(...nodes) {
  const m = main();
  m.replaceChildren(...nodes.flat().filter(Boolean));
}

function errorBox(err) {
  const problems = err.problems && err.problems.length > 1 ? el('ul', {}, err.problems.map(p => el('li', {text: p}))) : null;
  return el('div', {class: 'error', role: 'alert'}, el('strong', {text: err.message || String(err)}), problems);
}

async function api(path, options) {
  let res;
  try {
    res = await fetch(path, options);
  } catch (e) {
    throw Object.assign(new Error('The server cannot be reached: ' + e.message), {problems: []});
  }
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.error ? body.error : 'HTTP ' + res.status;
    throw Object.assign(new Error(msg), {status: res.status, problems: body && body.problems ? body.problems : []});
  }
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

function route() {
  const h = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = h.split('?');
  return {parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(qs || '')};
}

function setRoute(path, params) {
  const target = '#' + path + query(params || {});
  if (location.hash !== target) history.replaceState(null, '', target);
}

function actorName(a) {
  const code = a.code && a.code !== 'IGO' && a.code !== 'NGO' ? a.code : (a.kb_id || a.code || '?');
  return (a.name || a.text) + ' (' + code + (a.sector ? ':' + a.sector : '') + ')';
}

// ---------------------------------------------------------------- highlighting

// Spans of one event in the document text: triggers, actors, recipients, the place and the date expression, each
// where the coder read it (location.start/end, date_text). A span is used only where it quotes the text (a place
// read from an earlier sentence falls in a gap of a stored document rebuilt from its evidence sentences). Events
// stored before places and dates carried spans have none: for them the place name and date phrases are looked up
// in the evidence sentences, as a fallback; an article-date fallback (precision 'article') has no words to show.
function eventSpans(e, i, text) {
  const spans = [];
  const add = (kind, start, end, label) => {
    if (start >= 0 && end > start && end <= text.length) spans.push({kind, start, end, event: i, label});
  };
  const quotes = s => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.text
    && text.slice(s.start, s.end) === s.text;
  const dateLabel = 'date: ' + e.date + ' (' + e.date_precision + ')';
  const place = e.location && e.location.text ? e.location : null;
  const placeExact = quotes(place);
  if (placeExact) add('place', place.start, place.end, 'place: ' + place.text);
  const dateExact = quotes(e.date_text);
  if (dateExact) add('date', e.date_text.start, e.date_text.end, dateLabel);
  const findPlace = place && !placeExact;
  const findDate = !dateExact && e.date_precision !== 'article';
  for (const ev of e.evidence || []) {
    if (ev.doc_id && e.doc_id && ev.doc_id !== e.doc_id) continue;
    add('trigger', ev.trigger_start, ev.trigger_end, e.event_type + ' trigger (rule ' + e.rule + ')');
    const sentence = text.slice(ev.start, ev.end);
    if (findPlace) {
      const at = sentence.indexOf(place.text);
      if (at >= 0) add('place', ev.start + at, ev.start + at + place.text.length, 'place: ' + place.text);
    }
    if (findDate) {
      for (const d of dateWords(e.date)) {
        const at = sentence.indexOf(d);
        if (at >= 0) { add('date', ev.start + at, ev.start + at + d.length, dateLabel); break; }
      }
    }
  }
  for (const a of e.actor || []) add('actor', a.start, a.end, 'actor: ' + actorName(a));
  for (const a of e.recipient || []) add('recipient', a.start, a.end, 'recipient: ' + actorName(a));
  return spans;
}

// Ways a date may be written, most specific first.
function dateWords(iso) {
  if (!iso) return [];
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[m - 1];
  const weekday = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return [month + ' ' + d + ', ' + y, d + ' ' + month + ' ' + y, month + ' ' + d, d + ' ' + month, month + ' ' + y,
    'on ' + weekday, weekday, 'yesterday', 'today', 'last week', 'last month', 'last year', 'earlier this month',
    'overnight', 'in ' + month, String(y)];
}

// The text as nodes: plain text with <mark>-like spans; where spans overlap the higher kind wins and the title
// lists them all.
function highlightedText(text, events, onPick) {
  const spans = events.flatMap((e, i) => eventSpans(e, i, text));
  const cuts = new Set([0, text.length]);
  spans.forEach(s => { cuts.add(s.start); cuts.add(s.end); });
  const points = [...cuts].sort((a, b) => a - b);
  const out = el('div', {class: 'doc-text'});
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    if (covering.length === 0) { out.appendChild(document.createTextNode(piece)); continue; }
    covering.sort((x, y) => HIGHLIGHT_ORDER.indexOf(x.kind) - HIGHLIGHT_ORDER.indexOf(y.kind));
    const top = covering[0];
    const title = [...new Set(covering.map(s => 'event ' + (s.event + 1) + ': ' + s.label))].join('\n');
    out.appendChild(el('span', {class: 'hl ' + top.kind, title, 'data-event': top.event, 'data-kind': top.kind,
      onclick: () => onPick(top.event)}, piece));
  }
  return out;
}

function legend() {
  return el('ul', {class: 'legend', 'aria-label': 'Highlight colours'},
    HIGHLIGHT_ORDER.map(k => el('li', {}, el('span', {class: 'hl ' + k, text: k}))));
}

function evidenceSentence(ev) {
  const t = ev.text || '';
  const a = Math.max(0, ev.trigger_start - ev.start), b = Math.min(t.length, ev.trigger_end - ev.start);
  const sentence = a >= b ? el('p', {class: 'evidence', text: t})
    : el('p', {class: 'evidence'}, t.slice(0, a), el('mark', {text: t.slice(a, b)}), t.slice(b));
  return ev.source === undefined ? sentence : [sentence, sourceLine(ev)];
}

// Only web addresses become links: a stored 'javascript:' or 'data:' URL is shown as text, never followed.
function webUrl(url) {
  return /^https?:\/\//i.test(url || '') ? url : null;
}

// Where an evidence sentence comes from: its document's title (a link to the article when it has a web address),
// outlet and publication date; evidence of a document stored without its article says so.
function sourceLine(ev) {
  const s = ev.source;
  if (!s) return el('p', {class: 'source muted', text: 'Source: document ' + ev.doc_id + ' (no article stored)'});
  const title = s.title || ev.doc_id;
  const href = webUrl(s.url);
  return el('p', {class: 'source'}, 'Source: ',
    href ? el('a', {href: href, rel: 'noopener noreferrer', target: '_blank', text: title}) : el('cite', {text: title}),
    s.outlet ? ', ' + s.outlet : '', ', published ' + s.published,
    s.url && !href ? ' (' + s.url + ')' : '');
}

function eventCard(e, i, opts) {
  const o = opts || {};
  const rows = [
    ['Type', e.event_type + (e.mode ? ' / ' + e.mode : '') + ' (quad ' + e.quad_class + ', CAMEO ' + (cameoCode(e.cameo_code) || '–') + ')'],
    ['Actor', (e.actor || []).map(actorName).join('; ') || '–'],
    ['Recipient', (e.recipient || []).map(actorName).join('; ') || '–'],
    ['Date', e.date + ' (' + e.date_precision + ')'],
    ['Place', e.location ? e.location.text + (e.location.country ? ' (' + e.location.country + ')' : '')
      + (e.location.alternatives > 1 ? ', one of ' + e.location.alternatives + ' places of that name' : '') : '–'],
    ['Modality', e.modality + (e.negated && e.modality !== 'negated' ? ', negated' : '') + (e.attribution ? ', claimed by ' + e.attribution.text : '')],
    ['Rule', e.rule || '–'],
    ['Confidence', String(e.confidence)],
  ];
  if (e.quantity) rows.push(['Quantity', e.quantity.text + ' (' + e.quantity.kind + ')']);
  if (e.mentions > 1) rows.push(['Story', e.mentions + ' mentions']);
  const unrealised = e.negated || (e.modality && e.modality !== 'asserted');
  const card = el('article', {class: 'card q' + e.quad_class + (unrealised ? ' unrealised' : ''), id: (o.idPrefix || 'event-') + i, tabindex: '-1'},
    el('h3', {}, el('span', {}, (o.numbered === false ? '' : (i + 1) + '. ') + e.event_type),
      el('span', {class: 'badge ' + e.modality, text: e.modality})),
    el('dl', {}, rows.flatMap(([k, v]) => [el('dt', {text: k}), el('dd', {text: v})])),
    o.evidence ? (e.evidence || []).flatMap(evidenceSentence) : null,
    o.docLink && e.doc_id ? el('a', {href: '#/documents/' + encodeURIComponent(e.doc_id), text: 'Open document ' + e.doc_id}) : null);
  return card;
}

// A document (pasted or stored) with its highlighted text beside its event cards.
function documentView(text, events, note) {
  const cards = el('div', {class: 'cards'});
  const pick = i => {
    document.querySelectorAll('.card.selected').forEach(c => c.classList.remove('selected'));
    document.querySelectorAll('.hl.active').forEach(c => c.classList.remove('active'));
    document.querySelectorAll('.hl[data-event="' + i + '"]').forEach(c => c.classList.add('active'));
    const card = document.getElementById('event-' + i);
    if (card) { card.classList.add('selected'); card.focus({preventScroll: true}); card.scrollIntoView({block: 'nearest'}); }
  };
  events.forEach((e, i) => {
    const card = eventCard(e, i, {});
    card.appendChild(el('button', {class: 'linklike', type: 'button', text: 'Show in text',
      onclick: () => { pick(i); const first = document.querySelector('.hl[data-event="' + i + '"]'); if (first) first.scrollIntoView({block: 'center'}); }}));
    cards.appendChild(card);
  });
  return el('div', {class: 'two'},
    el('section', {class: 'panel', 'aria-label': 'Text'}, note ? el('p', {class: 'notice', text: note}) : null, legend(),
      highlightedText(text, events, pick)),
    el('section', {'aria-label': 'Events'},
      el('h2', {text: count(events.length, 'event')}),
      events.length ? cards : el('p', {class: 'muted', text: 'No events were found in this text.'})));
}

// ---------------------------------------------------------------- views

async function codeView() {
  const text = el('textarea', {id: 'code-text', name: 'text', required: true,
    placeholder: 'Paste a news article here…', 'aria-describedby': 'code-help'});
  const date = el('input', {id: 'code-date', type: 'date', name: 'date', value: new Date().toISOString().slice(0, 10)});
  const file = el('input', {id: 'code-file', type: 'file', accept: '.txt,text/plain'});
  const button = el('button', {id: 'code-submit', type: 'submit', text: 'Find events'});
  const status = el('p', {class: 'muted', role: 'status', 'aria-live': 'polite'});
  const result = el('div', {id: 'code-result'});
  file.addEventListener('change', async () => {
    if (file.files[0]) text.value = await file.files[0].text();
  });
  const form = el('form', {class: 'panel', onsubmit: async ev => {
    ev.preventDefault();
    button.disabled = true;
    status.textContent = 'Coding… (the first text loads the language models, which takes a few seconds)';
    result.replaceChildren();
    try {
      const r = await api('/api/code', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({text: text.value, date: date.value || null})});
      status.textContent = count(r.events.length, 'event') + ' in ' + count(r.sentences, 'sentence') + '.';
      if (r.failure) result.appendChild(errorBox(new Error('Coding failed: ' + r.failure.reason)));
      result.appendChild(documentView(r.document.text, r.events));
    } catch (e) {
      status.textContent = '';
      result.appendChild(errorBox(e));
    } finally {
      button.disabled = false;
    }
  }},
  el('h1', {text: 'Code a text'}),
  el('p', {id: 'code-help', class: 'muted', text: 'Paste an article (or pick a text file) and give its date: relative dates such as “last week” are read against it. Nothing is stored.'}),
  el('label', {for: 'code-text'}, 'Article text'), text,
  el('div', {class: 'controls'}, el('label', {}, 'Article date', date), el('label', {}, 'Or a text file', file), button));
  show(form, status, result);
}

async function actorPicker(id, label, value) {
  const input = el('input', {id, name: id, list: 'actor-keys', value: value || '', placeholder: 'RUS or WEST', size: 10,
    autocomplete: 'off', required: true});
  if (!document.getElementById('actor-keys')) {
    const list = el('datalist', {id: 'actor-keys'});
    document.body.appendChild(list);
    api('/api/actors').then(r => r.actors.forEach(a => list.appendChild(el('option', {value: a.key}, a.name))))
      .catch(() => {});
  }
  return el('label', {}, label, input);
}

// ---- network

let cy = null;
let summary = null;

async function storeSummary() {
  if (!summary) summary = await api('/api/summary');
  return summary;
}

function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(y + '-' + String(m).padStart(2, '0'));
    m++; if (m > 12) { m = 1; y++; }
  }
  return out;
}

function monthEnd(ym) {
  const [y, m] = ym.split('-').map(Number);
  return ym + '-' + String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
}

// Bloc colours: none is red or green (the colours of conflict and cooperation edges) or grey (balanced edges), and
// any two differ by at least 15 in CIELAB. Blocs beyond the palette share NO_COLOUR and carry their number in the
// label, so no two blocs ever look the same.
const BLOC_COLOURS = ['#1f77b4', '#ff7f0e', '#9467bd', '#17becf', '#8c564b', '#e377c2', '#f2c400', '#393b79',
  '#aec7e8', '#ffbb78', '#c5b0d5', '#0b6e79', '#c49c94', '#7b4173', '#6b6ecf', '#a55194', '#bd9e39', '#9edae5',
  '#f7b6d2', '#5a3d1e'];
const NO_COLOUR = '#ffffff';

// The blocs of /api/blocs as the page shows them: per actor its bloc, per bloc its colour (or none) and members.
function blocKey(blocs) {
  const list = (blocs ? blocs.blocs : []).slice().sort((a, b) => a.number - b.number);
  const colourOf = new Map(list.map((b, i) => [b.number, i < BLOC_COLOURS.length ? BLOC_COLOURS[i] : null]));
  const blocOf = new Map();
  list.forEach(b => b.members.forEach(m => blocOf.set(m, b.number)));
  return {list, colourOf, blocOf};
}

// Labels that are drawn at the default zoom: nodes by degree (then activity), each kept only if its label box
// clears every label already kept and every other node, at most LABELS_SHOWN; the others show their label on hover
// or selection.
const LABELS_SHOWN = 24;

function declutterLabels(cy) {
  const nodes = cy.nodes().sort((a, b) => b.degree() - a.degree() || b.data('activity') - a.data('activity')
    || (a.id() < b.id() ? -1 : 1));
  nodes.removeClass('quiet');
  const pad = 2 / cy.zoom();
  const apart = (p, q) => p.x2 + pad < q.x1 || q.x2 + pad < p.x1 || p.y2 + pad < q.y1 || q.y2 + pad < p.y1;
  const bodies = nodes.map(n => ({id: n.id(), box: n.boundingBox({includeLabels: false, includeEdges: false})}));
  const kept = [];
  nodes.forEach(n => {
    const box = n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true});
    const clear = box.w > 0 && kept.length < LABELS_SHOWN && kept.every(k => apart(box, k))
      && bodies.every(b => b.id === n.id() || apart(box, b.box));
    if (clear) kept.push(box); else n.addClass('quiet');
  });
}

// The edge drawn nearest to a point (model coordinates), within `reach`; null if none. Cytoscape's own hit test
// takes the top-most edge whose (wide) stroke covers the point, which in a bundle is often not the one clicked.
function nearestEdge(cy, x, y, reach) {
  let best = null, bestD = reach;
  cy.edges().not('.outside').forEach(e => {
    const d = distanceToEdge(e, x, y);
    if (d < bestD) { bestD = d; best = e; }
  });
  return best;
}

function distanceToEdge(e, x, y) {
  const src = e.sourceEndpoint(), tgt = e.targetEndpoint();
  const cps = e.controlPoints() || [];
  const pts = [];
  if (!cps.length) {
    pts.push(src, tgt);
  } else {
    // A chain of quadratic curves, as cytoscape draws a bezier edge with several control points.
    const mid = (p, q) => ({x: (p.x + q.x) / 2, y: (p.y + q.y) / 2});
    cps.forEach((c, i) => {
      const a = i === 0 ? src : mid(cps[i - 1], c);
      const b = i === cps.length - 1 ? tgt : mid(c, cps[i + 1]);
      for (let s = 0; s <= 24; s++) {
        const t = s / 24, u = 1 - t;
        pts.push({x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y});
      }
    });
  }
  let d = Infinity;
  for (let i = 1; i < pts.length; i++) d = Math.min(d, segmentDistance(pts[i - 1], pts[i], x, y));
  return d;
}

function segmentDistance(p, q, x, y) {
  const dx = q.x - p.x, dy = q.y - p.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - p.x) * dx + (y - p.y) * dy) / len));
  return Math.hypot(p.x + t * dx - x, p.y + t * dy - y);
}

// The dates the network and the map share: a window chosen in one view is where the other opens.
let sharedDates = null;

// Date controls of a view over the store's events: from and to, a window length and a time slider over the months of
// the bulk of the event dates, and a note on the stray dates outside that bulk. The default range holds the bulk
// (1st to 99th percentile of the dates, see /api/summary), so a stray old or future date neither stretches the
// slider nor opens a window on empty years; a view opened without dates takes those last chosen in another view.
// `reload` runs when the slider or window changes. Element ids start with `prefix`.
function dateControls(prefix, s, p, reload) {
  const start = s.bulk_from || s.first_date, end = s.bulk_to || s.last_date;
  const months = start ? monthsBetween(start.slice(0, 7), end.slice(0, 7)) : [];
  const asked = p.get('from') || p.get('to');
  const kept = !asked && sharedDates ? sharedDates : null;
  const from = el('input', {id: prefix + '-from', type: 'date', value: p.get('from') || (kept ? kept.from : start || '')});
  const to = el('input', {id: prefix + '-to', type: 'date', value: p.get('to') || (kept ? kept.to : end || '')});
  const toMonth = months.indexOf((to.value || '').slice(0, 7));
  const slider = el('input', {id: prefix + '-slider', type: 'range', min: 0, max: Math.max(0, months.length - 1),
    value: toMonth >= 0 ? toMonth : Math.max(0, months.length - 1), 'aria-label': 'End month of the window'});
  const windowLen = el('select', {id: prefix + '-window', 'aria-label': 'Window length'},
    [['0', 'all before'], ['1', '1 month'], ['3', '3 months'], ['12', '12 months']].map(([v, t]) => el('option', {value: v}, t)));
  // A large store starts on its last twelve months: the whole history is a hairball nobody can read.
  windowLen.value = p.get('window') || (kept ? kept.window : (s.events > 20000 ? '12' : '0'));
  const sliderLabel = el('output', {for: prefix + '-slider'});
  const outliers = (s.events_before_bulk || 0) + (s.events_after_bulk || 0);
  const rangeNote = outliers ? el('p', {class: 'muted', id: prefix + '-range-note'},
    'Default range ' + start + ' to ' + end + ': the 1st to 99th percentile of event dates. Outside it: ' +
    count(s.events_before_bulk, 'earlier event') + ' (the earliest on ' + s.first_date + ') and ' +
    count(s.events_after_bulk, 'later event') + ' (the latest on ' + s.last_date + '). ',
    el('button', {type: 'button', class: 'linklike', id: prefix + '-whole-range', text: 'Show the whole range',
      onclick: () => { windowLen.value = '0'; from.value = s.first_date; to.value = s.last_date; reload(); }})) : null;
  const applySlider = () => {
    if (!months.length) return;
    const endMonth = months[Number(slider.value)];
    const len = Number(windowLen.value);
    to.value = monthEnd(endMonth);
    from.value = len === 0 ? start : months[Math.max(0, Number(slider.value) - len + 1)] + '-01';
    sliderLabel.textContent = from.value + ' to ' + to.value;
  };
  if (!asked && !kept && windowLen.value !== '0') applySlider();
  slider.addEventListener('input', () => { applySlider(); });
  slider.addEventListener('change', reload);
  windowLen.addEventListener('change', () => { applySlider(); reload(); });
  return {from, to, windowLen, rangeNote,
    fields: [el('label', {}, 'From', from), el('label', {}, 'To', to),
      el('div', {class: 'range'}, el('label', {}, 'Window', windowLen), el('label', {style: 'flex:1'}, 'Time slider', slider), sliderLabel)],
    // Remembers the dates shown, for the next view that opens without its own.
    keep: () => { sharedDates = {from: from.value, to: to.value, window: windowLen.value}; }};
}

async function networkView() {
  const p = route().params;
  const s = await storeSummary().catch(() => ({}));
  const dates = dateControls('net', s, p, () => load());
  const {from, to, windowLen} = dates;
  const minEvents = el('input', {id: 'net-min', type: 'number', min: 1, value: p.get('min_events') || '1', size: 4});
  const level = el('select', {id: 'net-level'}, el('option', {value: 'group'}, 'states and armed groups'),
    el('option', {value: 'country'}, 'countries'), el('option', {value: 'sector'}, 'actor + sector'));
  level.value = p.get('level') || 'group';
  const chosenTypes = new Set((p.get('type') || '').split(',').filter(Boolean));
  const chosenSectors = new Set((p.get('sector') || '').split(',').filter(Boolean));
  const typeBoxes = TYPES.map(t => el('label', {}, el('input', {type: 'checkbox', value: t, checked: chosenTypes.has(t)}), t.toLowerCase()));
  const sectorBoxes = SECTORS.map(t => el('label', {}, el('input', {type: 'checkbox', value: t, checked: chosenSectors.has(t)}), t));
  const graph = el('div', {id: 'graph', role: 'img', 'aria-label': 'Actor network; the edge list below gives the same data'});
  const side = el('section', {id: 'edge-events', class: 'panel', 'aria-live': 'polite'},
    el('h2', {text: 'Events of an edge'}), el('p', {class: 'muted', text: 'Click an edge (or pick one from the list) to see its events with their evidence; click an actor for its partners.'}));
  const edgeList = el('div', {class: 'edge-list'});
  const legend = el('section', {id: 'bloc-legend', class: 'panel'});
  const status = el('p', {class: 'muted', role: 'status'});
  const exports = el('section', {id: 'net-export', class: 'panel'});
  const searchList = el('datalist', {id: 'net-search-list'});
  const searchBox = el('input', {id: 'net-search', type: 'search', list: 'net-search-list', placeholder: 'code or name, e.g. UKR',
    autocomplete: 'off'});
  const searchMsg = el('span', {id: 'net-search-msg', class: 'muted', role: 'status'});
  let current = null;
  const search = el('form', {id: 'net-search-form', class: 'controls', role: 'search', onsubmit: ev => {
    ev.preventDefault();
    if (!current) return;
    const found = findActor(current.net, searchBox.value);
    searchMsg.textContent = found ? '' : searchBox.value.trim()
      ? 'No actor matching “' + searchBox.value.trim() + '” in this graph.' : 'Type an actor code or name.';
    if (found) focusNode(found, side, current.net, current.params);
  }}, el('label', {}, 'Find an actor', searchBox), searchList, el('button', {type: 'submit', text: 'Find'}), searchMsg);
  const load = async () => {
    const params = {from: from.value, to: to.value, min_events: minEvents.value, level: level.value,
      type: typeBoxes.map(l => l.firstChild).filter(c => c.checked).map(c => c.value),
      sector: sectorBoxes.map(l => l.firstChild).filter(c => c.checked).map(c => c.value)};
    const ego = route().params.get('ego');
    setRoute('/network', Object.assign({window: windowLen.value}, params, {ego}));
    dates.keep();
    status.textContent = 'Loading…';
    try {
      const t0 = performance.now();
      const [net, blocs] = await Promise.all([api('/api/network' + query(params)),
        api('/api/blocs' + query({from: params.from, to: params.to, min_events: params.min_events, level: params.level}))
          .catch(() => null)]);
      const t1 = performance.now();
      status.textContent = count(net.nodes.length, 'actor') + ', ' + count(net.edges.length, 'edge') +
        (net.truncated ? ' (the heaviest of ' + net.edges_total + '; raise “Min events” or narrow the dates to see the rest)' : '') +
        ', ' + (net.from || '…') + ' to ' + (net.to || '…') + '.';
      const key = blocKey(blocs);
      drawNetwork(graph, net, side, params, key);
      blocLegend(legend, key, net, blocs, params);
      edgeTable(edgeList, net, side, params);
      exportPanel(exports, net, params);
      current = {net, params};
      searchList.replaceChildren(...net.nodes.map(n => el('option', {value: n.id, text: nodeLabel(n)})));
      if (ego && cy && cy.getElementById(ego).nonempty()) showNeighbourhood(cy.getElementById(ego), side, net, params);
      // Exposed for the benchmark: how long the answer and the drawing took.
      document.body.dataset.networkTimings = JSON.stringify({fetch_ms: Math.round(t1 - t0), draw_ms: Math.round(performance.now() - t1)});
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  };
  const form = el('form', {class: 'controls', onsubmit: ev => { ev.preventDefault(); load(); }},
    dates.fields, el('label', {}, 'Min events', minEvents), el('label', {}, 'Level', level),
    el('button', {type: 'submit', id: 'net-apply', text: 'Show'}));
  const filters = el('details', {class: 'panel'}, el('summary', {text: 'Filter by event type and sector'}),
    el('h3', {text: 'Event types'}), el('div', {class: 'chips'}, typeBoxes),
    el('h3', {text: 'Sectors (either side)'}), el('div', {class: 'chips'}, sectorBoxes));
  const keyLine = el('div', {class: 'key'},
    el('span', {}, el('span', {class: 'swatch', style: 'background:var(--coop)'}), 'edge: net cooperation'),
    el('span', {}, el('span', {class: 'swatch', style: 'background:var(--conflict)'}), 'edge: net conflict'),
    el('span', {}, el('span', {class: 'swatch', style: 'background:var(--neutral)'}), 'edge: balanced'),
    el('span', {text: 'Node size: events taken part in · node colour: bloc (see the list of blocs below the graph) · labels of smaller actors on hover'}));
  show(el('h1', {text: 'Network'}), form, dates.rangeNote, filters, keyLine, status, search, el('div', {class: 'two'}, graph, side),
    exports, legend, el('h2', {text: 'Edges'}), edgeList);
  await load();
}

// ---- exports

// Hands a file to the browser as a download. Exposed for the browser tests, which read the saved files.
function saveFile(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = el('a', {href: url, download: name, style: 'display:none'});
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. Text that a
// spreadsheet would run as a formula (=, +, -, @ at the start, not a number) gets a leading apostrophe.
function csvField(v) {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && isNaN(Number(s))) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const CSV_COLUMNS = ['id', 'date', 'date_precision', 'event_type', 'mode', 'quad_class', 'cameo_code', 'goldstein',
  'actor', 'recipient', 'modality', 'negated', 'status', 'place', 'place_country', 'latitude', 'longitude',
  'place_alternatives', 'mentions', 'doc_id', 'title', 'outlet', 'url', 'published', 'evidence'];

function csvRow(e) {
  const keyOf = a => (a.code || '') + (a.sector ? ':' + a.sector : '');
  const ev = (e.evidence || [])[0] || {};
  const src = ev.source || {};
  const loc = e.location || {};
  return [e.id, e.date, e.date_precision, e.event_type, e.mode, e.quad_class, cameoCode(e.cameo_code), e.goldstein,
    (e.actor || []).map(keyOf).join(';'), (e.recipient || []).map(keyOf).join(';'), e.modality, e.negated, e.status,
    loc.text, loc.country, loc.lat, loc.lon, loc.alternatives, e.mentions, e.doc_id, src.title, src.outlet, src.url, src.published,
    (e.evidence || []).map(x => x.text).join(' … ')].map(csvField).join(',');
}

function eventsCsv(events) {
  return [CSV_COLUMNS.join(',')].concat(events.map(csvRow)).join('\r\n') + '\r\n';
}

// The events behind the network shown: its dates and event types, each merged story once (as the network counts),
// realised or not; with a sector filter, those with an actor or recipient of a chosen sector.
async function networkEvents(params) {
  const out = [];
  const sectors = new Set(params.sector || []);
  for (let offset = 0; ; offset += 1000) {
    const r = await api('/api/events' + query({from: params.from, to: params.to, type: params.type, stories: 'true',
      limit: 1000, offset}));
    out.push(...r.events.filter(e => !sectors.size ||
      (e.actor || []).concat(e.recipient || []).some(a => sectors.has(a.sector))));
    if (!r.events.length || offset + r.events.length >= r.total) break;
  }
  return out;
}

function exportPanel(container, net, params) {
  const stamp = (params.from || 'start') + '_' + (params.to || 'end');
  const msg = el('span', {id: 'net-export-msg', class: 'muted', role: 'status'});
  const csv = el('button', {type: 'button', id: 'export-csv', class: 'secondary', text: 'Events (CSV)', onclick: async () => {
    msg.textContent = 'Collecting events…';
    try {
      const events = await networkEvents(params);
      saveFile('faultline-events_' + stamp + '.csv', new Blob([eventsCsv(events)], {type: 'text/csv;charset=utf-8'}));
      msg.textContent = count(events.length, 'event') + ' saved.';
    } catch (e) {
      msg.replaceChildren(errorBox(e));
    }
  }});
  const graphml = el('a', {id: 'export-graphml', class: 'button secondary', download: 'faultline-network_' + stamp + '.graphml',
    href: '/api/network' + query(Object.assign({}, params, {format: 'graphml'})), text: 'Network (GraphML)'});
  const gexf = el('a', {id: 'export-gexf', class: 'button secondary', download: 'faultline-network_' + stamp + '.gexf',
    href: '/api/network' + query(Object.assign({}, params, {format: 'gexf'})), text: 'Network (GEXF)'});
  const png = el('button', {type: 'button', id: 'export-png', class: 'secondary', text: 'Graph (PNG)', onclick: () => {
    if (!cy) { msg.textContent = 'No graph is drawn.'; return; }
    saveFile('faultline-graph_' + stamp + '.png', cy.png({output: 'blob', full: true, scale: 2, bg: '#ffffff'}));
    msg.textContent = 'Picture saved.';
  }});
  const svgButton = el('button', {type: 'button', id: 'export-svg', class: 'secondary', text: 'Graph (SVG)', onclick: () => {
    if (!cy) { msg.textContent = 'No graph is drawn.'; return; }
    saveFile('faultline-graph_' + stamp + '.svg', new Blob([networkSvg(cy, net)], {type: 'image/svg+xml'}));
    msg.textContent = 'Drawing saved.';
  }});
  container.replaceChildren(el('h2', {text: 'Export this view'}),
    el('p', {class: 'muted', text: 'Events: those of the chosen dates, types and sectors, each story once, with their first evidence and its source. ' +
      'Network: the ' + count(net.nodes.length, 'actor') + ' and ' + count(net.edges.length, 'edge') + ' shown, with their counts. ' +
      'Graph: the picture as drawn, as a PNG image or as an SVG drawing that scales without blur, with every actor named in its tooltip.'}),
    el('p', {class: 'controls'}, csv, ' ', graphml, ' ', gexf, ' ', png, ' ', svgButton, ' ', msg));
}

// The graph as drawn, as a standalone SVG document: the shown edges (as cytoscape routes them, with their arrows),
// the nodes with their bloc colours, the labels drawn at this zoom, and every actor's full name as a tooltip.
function networkSvg(cy, net) {
  const shown = cy.elements().not('.outside');
  const box = shown.boundingBox({includeLabels: true});
  const pad = 20;
  const round = v => Math.round(v * 10) / 10;
  const pt = p => round(p.x) + ' ' + round(p.y);
  const out = svg('svg', {width: Math.ceil(box.w + 2 * pad), height: Math.ceil(box.h + 2 * pad + 24),
    viewBox: [round(box.x1 - pad), round(box.y1 - pad - 24), Math.ceil(box.w + 2 * pad), Math.ceil(box.h + 2 * pad + 24)].join(' '),
    'font-family': 'system-ui, sans-serif'});
  const colours = [...new Set(shown.edges().map(e => e.data('colour')))];
  out.appendChild(svg('defs', {}, colours.map((c, i) => svg('marker', {id: 'arrow-' + i, viewBox: '0 0 10 10', refX: 10, refY: 5,
    markerWidth: 3, markerHeight: 3, orient: 'auto-start-reverse'}, svg('path', {d: 'M0 0 L10 5 L0 10 Z', fill: c})))));
  out.appendChild(svg('rect', {x: box.x1 - pad, y: box.y1 - pad - 24, width: box.w + 2 * pad, height: box.h + 2 * pad + 24, fill: '#ffffff'}));
  out.appendChild(svg('text', {x: box.x1, y: box.y1 - pad + 2, 'font-size': 12, fill: '#444',
    text: 'Faultline actor network, ' + (net.from || '…') + ' to ' + (net.to || '…') + ': ' + count(shown.nodes().length, 'actor') +
      ', ' + count(shown.edges().length, 'edge') + ' (green: net cooperation, red: net conflict; node colour: bloc)'}));
  const edges = svg('g', {class: 'edges', fill: 'none', opacity: 0.8});
  shown.edges().forEach(e => {
    const src = e.sourceEndpoint(), tgt = e.targetEndpoint();
    const cps = e.controlPoints() || [];
    let d = 'M' + pt(src);
    if (!cps.length) {
      d += ' L' + pt(tgt);
    } else {
      // the chain of quadratic curves that cytoscape draws for a bezier edge
      const mid = (a, b) => ({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
      cps.forEach((c, i) => { d += ' Q' + pt(c) + ' ' + pt(i === cps.length - 1 ? tgt : mid(c, cps[i + 1])); });
    }
    const x = e.data('edge');
    edges.appendChild(svg('path', {class: 'edge', d, stroke: e.data('colour'), 'stroke-width': round(e.data('width')),
      'marker-end': 'url(#arrow-' + colours.indexOf(e.data('colour')) + ')', 'data-edge': e.id()},
      svg('title', {text: x.source + ' → ' + x.target + ': ' + x.cooperation + ' cooperative, ' + x.conflict + ' conflictual, ' +
        x.unrealised + ' not realised'})));
  });
  const nodes = svg('g', {class: 'nodes'});
  // labels on a white halo, as the page draws them on a light background, to stay legible over the edges
  const labels = svg('g', {class: 'labels', 'text-anchor': 'middle', fill: '#222', stroke: '#ffffff', 'stroke-width': 3,
    'stroke-linejoin': 'round', 'paint-order': 'stroke'});
  shown.nodes().forEach(n => {
    const p = n.position();
    const r = n.width() / 2;
    nodes.appendChild(svg('circle', {class: 'node', cx: round(p.x), cy: round(p.y), r: round(r), fill: n.data('colour'),
      stroke: '#555', 'stroke-width': 1, 'data-node': n.id()}, svg('title', {text: n.data('label')})));
    if (!n.hasClass('quiet')) {
      labels.appendChild(svg('text', {x: round(p.x), y: round(p.y + r + 3 + n.numericStyle('font-size')),
        'font-size': round(n.numericStyle('font-size')), text: n.data('label')}));
    }
  });
  out.append(edges, nodes, labels);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out) + '\n';
}

// ---- node search and neighbourhood

// The actor of the graph a searcher means: its code exactly, else a code or name starting with the text, else one
// holding it (case-insensitive); the busiest one when several match.
function findActor(net, text) {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  const exact = net.nodes.find(n => n.id.toLowerCase() === t || (n.name || '').toLowerCase() === t);
  if (exact) return exact.id;
  const byActivity = [...net.nodes].sort((a, b) => b.activity - a.activity);
  const starts = byActivity.find(n => n.id.toLowerCase().startsWith(t) || (n.name || '').toLowerCase().startsWith(t));
  if (starts) return starts.id;
  const holds = byActivity.find(n => n.id.toLowerCase().includes(t) || (n.name || '').toLowerCase().includes(t));
  return holds ? holds.id : null;
}

// Selects the actor, centres the graph on it and opens its panel.
function focusNode(id, side, net, params) {
  if (!cy) return;
  const node = cy.getElementById(id);
  if (node.empty()) return;
  if (node.hasClass('outside')) wholeNetwork(side);
  cy.elements().unselect();
  node.select();
  cy.animate({center: {eles: node}, zoom: Math.max(cy.zoom(), 1.2)}, {duration: 250});
  showNode(side, node, net, params);
}

// X and its direct partners and adversaries only: every other actor and every edge not touching X is hidden.
function showNeighbourhood(node, side, net, params) {
  const keep = node.closedNeighborhood();
  cy.elements().removeClass('outside');
  cy.elements().not(keep).addClass('outside');
  cy.elements().unselect();
  node.select();
  cy.fit(keep, 40);
  keep.nodes().removeClass('quiet');
  document.getElementById('graph').dataset.ego = node.id();
  setRoute('/network', Object.assign(Object.fromEntries(route().params), {ego: node.id()}));
  showNode(side, node, net, params);
}

function wholeNetwork(side) {
  cy.elements().removeClass('outside');
  cy.fit(undefined, 30);
  declutterLabels(cy);
  delete document.getElementById('graph').dataset.ego;
  const q = Object.fromEntries(route().params);
  delete q.ego;
  setRoute('/network', q);
}

function edgeColour(e) {
  return e.net > 0 ? '#1b7f3b' : e.net < 0 ? '#b3261e' : '#8a8a8a';
}

function nodeLabel(n) {
  return n.name === n.id ? n.id : n.name + ' (' + n.id + ')';
}

function drawNetwork(container, net, side, params, key) {
  if (cy) { cy.destroy(); cy = null; }
  if (typeof cytoscape !== 'function') {
    container.replaceChildren(el('p', {class: 'error', text: 'The graph library did not load; the edge list below still works.'}));
    return;
  }
  const maxAct = Math.max(1, ...net.nodes.map(n => n.activity));
  const maxEv = Math.max(1, ...net.edges.map(e => e.events));
  const elements = net.nodes.map(n => {
    const bloc = key.blocOf.get(n.id);
    const colour = bloc ? key.colourOf.get(bloc) : null;
    // A bloc beyond the palette is white with its number in the label; an actor in no bloc is white, unnumbered.
    const label = (bloc && !colour ? '[bloc ' + bloc + '] ' : '') + nodeLabel(n);
    return {data: {id: n.id, label, activity: n.activity, bloc: bloc || null, node: n,
      size: 18 + 42 * Math.sqrt(n.activity / maxAct), colour: colour || NO_COLOUR}};
  }).concat(net.edges.map(e => ({data: {id: e.source + '>' + e.target, source: e.source, target: e.target,
    colour: edgeColour(e), width: 1.5 + 6 * Math.sqrt(e.events / maxEv), edge: e}})));
  const big = net.nodes.length > 150;
  cy = cytoscape({
    container, elements, minZoom: 0.1, maxZoom: 4, textureOnViewport: big, hideEdgesOnViewport: big,
    style: [
      {selector: 'node', style: {'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)',
        'border-width': 1, 'border-color': '#555',
        label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#222',
        'text-background-color': '#fff', 'text-background-opacity': 0.7, 'min-zoomed-font-size': 7}},
      {selector: 'node.quiet', style: {label: ''}},
      {selector: 'node.quiet.hover, node.quiet:selected', style: {label: 'data(label)', 'z-index': 10}},
      {selector: 'edge', style: {'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', width: 'data(width)',
        'curve-style': 'bezier', 'target-arrow-shape': 'triangle', opacity: 0.8}},
      {selector: 'edge:selected', style: {'line-color': '#ff9800', 'target-arrow-color': '#ff9800', opacity: 1}},
      {selector: 'node:selected', style: {'border-width': 3, 'border-color': '#ff9800'}},
      {selector: '.outside', style: {display: 'none'}},
    ],
    layout: big ? {name: 'concentric', concentric: n => n.data('size'), levelWidth: () => 8, animate: false}
      : {name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, numIter: 1500},
  });
  // Labels drawn at about 11 px at the zoom the layout fits to (never under 10 in the graph's units), then thinned
  // out so that none overlaps another.
  cy.style().selector('node').style('font-size', Math.min(30, Math.max(10, 11 / cy.zoom()))).update();
  declutterLabels(cy);
  cy.on('mouseover', 'node', ev => ev.target.addClass('hover'));
  cy.on('mouseout', 'node', ev => ev.target.removeClass('hover'));
  cy.on('tap', ev => {
    if (ev.target !== cy && ev.target.isNode()) {
      showNode(side, ev.target, net, params);
      return;
    }
    // A tap sent by a script (emit) has no position: it opens the edge it was sent to.
    const e = ev.position ? nearestEdge(cy, ev.position.x, ev.position.y, 12 / cy.zoom())
      : ev.target !== cy && ev.target.isEdge() ? ev.target : null;
    if (!e) return;
    cy.elements().unselect();
    e.select();
    showEdge(side, e.data('edge'), params);
  });
  window.faultlineGraph = cy;
  window.faultlineNearestEdge = (x, y) => { const e = nearestEdge(cy, x, y, 12 / cy.zoom()); return e ? e.id() : null; };
}

// Who is in which bloc: one entry per bloc of /api/blocs with its colour and members, and the actors of the graph
// in none.
function blocLegend(container, key, net, blocs, params) {
  const shown = new Set(net.nodes.map(n => n.id));
  const names = new Map(net.nodes.map(n => [n.id, nodeLabel(n)]));
  const filtered = (params.type && params.type.length) || (params.sector && params.sector.length);
  const loose = net.nodes.filter(n => !key.blocOf.has(n.id)).map(n => nodeLabel(n));
  container.replaceChildren(el('h2', {text: 'Blocs (' + key.list.length + ')'}),
    el('p', {class: 'muted', text: blocs ? 'Blocs by signed modularity (' + blocs.modularity + ') over ' +
      (filtered ? 'all event types and sectors' : 'the events') + ' of the chosen dates; members in the graph first.'
      : 'The blocs could not be computed.'}),
    el('ul', {class: 'plain bloc-list'}, key.list.map(b => {
      const colour = key.colourOf.get(b.number);
      const members = b.members.map((m, i) => ({inGraph: shown.has(m), text: shown.has(m) ? names.get(m) : b.names[i] + ' (' + m + ')'}))
        .sort((x, y) => Number(y.inGraph) - Number(x.inGraph)).map(m => m.text);
      return el('li', {'data-bloc': b.number, 'data-colour': colour || 'none'},
        el('span', {class: 'swatch', style: 'background:' + (colour || NO_COLOUR) + ';border:1px solid #555'}),
        el('strong', {text: 'Bloc ' + b.number + (colour ? '' : ' (no colour left: labelled [bloc ' + b.number + '])')}),
        ' · ' + count(b.members.length, 'member') + ': ' + members.join(', '));
    }), loose.length ? el('li', {'data-bloc': 'none'},
      el('span', {class: 'swatch', style: 'background:' + NO_COLOUR + ';border:1px solid #555'}),
      el('strong', {text: 'In no bloc'}), ': ' + loose.join(', ')) : null));
}

// An actor's panel: its partners in the graph, its degree and activity, and "Faultlines of X with…" that asks for
// the second actor before leaving the page.
function showNode(side, node, net, params) {
  const id = node.id();
  const n = node.data('node');
  const partners = new Map();
  for (const e of net.edges) {
    const other = e.source === id ? e.target : e.target === id ? e.source : null;
    if (other) partners.set(other, (partners.get(other) || 0) + e.events);
  }
  const ranked = [...partners.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const others = net.nodes.filter(x => x.id !== id && !partners.has(x.id)).map(x => x.id).sort();
  const picker = el('select', {id: 'fl-partner', 'aria-describedby': 'fl-partner-msg'},
    el('option', {value: '', text: '— pick the second actor —'}),
    ranked.length ? el('optgroup', {label: 'Partners in this graph'},
      ranked.map(([k, v]) => el('option', {value: k, text: k + ' (' + count(v, 'realised event') + ')'}))) : null,
    others.length ? el('optgroup', {label: 'Other actors in this graph'}, others.map(k => el('option', {value: k, text: k}))) : null);
  const msg = el('p', {id: 'fl-partner-msg', role: 'alert'});
  const form = el('form', {id: 'fl-partner-form', class: 'controls', onsubmit: ev => {
    ev.preventDefault();
    if (!picker.value) {
      msg.className = 'notice';
      msg.textContent = ranked.length || others.length ? 'Pick a second actor to compare with ' + id + '.'
        : 'No other actor is in this graph; widen the dates or lower “Min events”.';
      return;
    }
    location.hash = '#/faultlines' + query({a: id, b: picker.value, from: params.from, to: params.to});
  }}, el('label', {}, 'Faultlines of ' + id + ' with…', picker), el('button', {type: 'submit', text: 'Compare'}));
  side.replaceChildren(el('h2', {text: node.data('label')}),
    el('p', {class: 'muted', id: 'node-facts', text: count(partners.size, 'partner') + ' in this graph (degree), ' +
      count(n.activity, 'realised event') + ' taken part in: ' + n.cooperation + ' cooperative, ' + n.conflict +
      ' conflictual' + (node.data('bloc') ? '; bloc ' + node.data('bloc') : '; in no bloc') + '.'}),
    form, msg,
    el('p', {}, node.hasClass('outside') || document.getElementById('graph').dataset.ego !== id
      ? el('button', {type: 'button', class: 'secondary', id: 'ego-show', text: 'Neighbourhood of ' + id,
        onclick: () => showNeighbourhood(node, side, net, params)})
      : el('button', {type: 'button', class: 'secondary', id: 'ego-clear', text: 'Show the whole network',
        onclick: () => { wholeNetwork(side); showNode(side, node, net, params); }})),
    el('p', {class: 'muted', text: 'Click an edge to list its events.'}));
}

function edgeTable(container, net, side, params) {
  const rows = [...net.edges].sort((a, b) => b.events - a.events);
  container.replaceChildren(el('table', {},
    el('thead', {}, el('tr', {}, ['Edge (directed)', 'Cooperation', 'Conflict', 'Not realised', 'Net'].map(h => el('th', {scope: 'col', text: h})))),
    el('tbody', {}, rows.map(e => el('tr', {},
      el('td', {}, el('button', {type: 'button', class: 'linklike edge-button', 'data-edge': e.source + '>' + e.target,
        text: e.source + ' → ' + e.target, onclick: () => showEdge(side, e, params)})),
      el('td', {text: e.cooperation}), el('td', {text: e.conflict}), el('td', {text: e.unrealised}),
      el('td', {}, el('span', {class: 'swatch', style: 'background:' + edgeColour(e)}), String(e.net)))))));
}

// The events of one edge. The header and the list count the same events: the directed edge (source acting on
// target), realised and not realised, each merged story once, as the network counts them. "Both directions"
// lists the pair either way instead, and says so.
async function showEdge(side, e, params, bothWays) {
  const realised = e.cooperation + e.conflict;
  const listed = el('div', {id: 'edge-event-area'});
  const toggle = el('button', {type: 'button', class: 'secondary', id: 'edge-direction',
    text: bothWays ? 'Only ' + e.source + ' → ' + e.target : 'Both directions',
    onclick: () => showEdge(side, e, params, !bothWays)});
  side.replaceChildren(el('h2', {text: e.source + ' → ' + e.target + ' (directed)'}),
    el('p', {class: 'muted', id: 'edge-counts', text: e.source + ' acting on ' + e.target + ': ' +
      count(realised, 'realised event') + ' (' + e.cooperation + ' cooperative, ' + e.conflict + ' conflictual) and ' +
      e.unrealised + ' not realised (negated, refused, future or hypothetical); ' +
      count(realised + e.unrealised, 'event') + ' in all, each merged story once.'}),
    el('p', {}, el('a', {href: '#/dyad?a=' + encodeURIComponent(e.source) + '&b=' + encodeURIComponent(e.target), text: 'Timeline of this dyad'}),
      ' ', toggle),
    listed);
  const scope = {from: params.from, to: params.to, type: params.type, stories: 'true', order: 'salience', limit: 50};
  try {
    const r = await api('/api/events' + query(Object.assign(scope,
      bothWays ? {pair: [e.source, e.target]} : {actor: e.source, recipient: e.target})));
    const what = bothWays ? 'both directions (' + e.source + ' → ' + e.target + ' and ' + e.target + ' → ' + e.source + ')'
      : 'directed, ' + e.source + ' → ' + e.target;
    listed.replaceChildren(el('p', {class: 'muted', id: 'edge-list-count', 'data-total': r.total,
      text: count(r.total, 'event') + ', ' + what + ', realised and not realised, most salient first' +
        (r.total > r.events.length ? '; first ' + r.events.length + ' shown' : '') + ':'}),
    el('div', {class: 'cards', id: 'edge-event-list'},
      r.events.map((x, i) => eventCard(x, i, {evidence: true, docLink: true, idPrefix: 'edge-event-'}))));
  } catch (err) {
    listed.replaceChildren(errorBox(err));
  }
}

// ---- map

// Colours of the event types on the map: cool colours for the cooperative types, warm ones for the conflictual.
const TYPE_COLOURS = {AGREE: '#1c7ed6', CONSULT: '#74c0fc', SUPPORT: '#0ca678', CONCEDE: '#94d82d', COOPERATE: '#2b8a3e',
  AID: '#087f5b', RETREAT: '#adb5bd', REQUEST: '#5c7cfa', ACCUSE: '#fab005', REJECT: '#862e9c', THREATEN: '#e64980',
  PROTEST: '#cc5de8', SANCTION: '#a61e4d', MOBILIZE: '#fd7e14', COERCE: '#d9480f', ASSAULT: '#c92a2a'};

// The map is an equirectangular projection onto MAP_W × MAP_W/2 units, cut to 84°N–60°S (no Antarctica).
const MAP_W = 1000;
const MAP_TOP = 84, MAP_BOTTOM = -60;
const WORLD_ATLAS = '/world-atlas/countries-50m.json';
let worldShapes = null;

function project(lon, lat) {
  return [(lon + 180) / 360 * MAP_W, (90 - lat) / 180 * (MAP_W / 2)];
}

// The countries of a TopoJSON topology (as world-atlas ships them): each with its id, name and polygons, a polygon
// being a list of rings of [lon, lat]. Arcs are delta-encoded and quantised when the topology has a transform.
function topoCountries(topo, object) {
  const t = topo.transform;
  const arcs = topo.arcs.map(arc => {
    if (!t) return arc;
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]; });
  });
  // A ring joins its arcs, an arc's first point being the previous one's last; ~i is arc i walked backwards.
  const ring = ids => {
    const out = [];
    ids.forEach((i, k) => {
      const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      out.push(...(k ? a.slice(1) : a));
    });
    return out;
  };
  return topo.objects[object].geometries.map(g => ({id: g.id, name: (g.properties || {}).name || g.id,
    polygons: g.type === 'Polygon' ? [g.arcs.map(ring)] : g.type === 'MultiPolygon' ? g.arcs.map(p => p.map(ring)) : []}));
}

// SVG path data of a country's polygons. A ring is cut where it jumps across the antimeridian instead of being drawn
// across the whole map.
function countryPath(c) {
  const r1 = v => Math.round(v * 10) / 10;
  let d = '';
  c.polygons.forEach(polygon => polygon.forEach(ring => {
    let prev = null;
    ring.forEach(([lon, lat]) => {
      const [x, y] = project(lon, lat);
      d += (prev === null || Math.abs(lon - prev) > 180 ? 'M' : 'L') + r1(x) + ' ' + r1(y);
      prev = lon;
    });
    d += 'Z';
  }));
  return d;
}

async function loadWorldShapes() {
  if (!worldShapes) {
    const r = await fetch(WORLD_ATLAS);
    if (!r.ok) throw new Error('The country shapes (' + WORLD_ATLAS + ') are missing: HTTP ' + r.status);
    worldShapes = topoCountries(await r.json(), 'countries');
  }
  return worldShapes;
}

// Events at the same place are spread on a small sunflower around it, so that each stays visible and clickable.
function spreadOffsets(n, step) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = step * Math.sqrt(i), a = i * 2.39996;
    out.push([r * Math.cos(a), r * Math.sin(a)]);
  }
  return out;
}

async function mapView() {
  const p = route().params;
  const s = await storeSummary().catch(() => ({}));
  const dates = dateControls('map', s, p, () => load());
  const chosenTypes = new Set((p.get('type') || '').split(',').filter(Boolean));
  const typeBoxes = TYPES.map(t => el('label', {}, el('input', {type: 'checkbox', value: t, checked: chosenTypes.has(t)}), t.toLowerCase()));
  const status = el('p', {class: 'muted', role: 'status', id: 'map-status'});
  const side = el('section', {id: 'map-events', class: 'panel', 'aria-live': 'polite'},
    el('h2', {text: 'Events of a place'}), el('p', {class: 'muted', text: 'Click a point (or a place in the list below the map) to see its event with its evidence.'}));
  const figure = el('div', {id: 'map', class: 'map'});
  const legend = el('div', {id: 'map-legend', class: 'key'});
  const places = el('div', {id: 'map-places', class: 'edge-list'});
  const load = async () => {
    const params = {from: dates.from.value, to: dates.to.value,
      type: typeBoxes.map(l => l.firstChild).filter(c => c.checked).map(c => c.value)};
    setRoute('/map', Object.assign({window: dates.windowLen.value}, params));
    dates.keep();
    status.textContent = 'Loading…';
    try {
      const [shapes, m, all] = await Promise.all([loadWorldShapes().catch(e => ({error: e})),
        api('/api/map' + query(Object.assign({stories: 'true'}, params))),
        api('/api/events' + query(Object.assign({stories: 'true', limit: 1}, params)))]);
      status.textContent = count(m.total, 'event') + ' with coordinates of ' + all.total + ' in these dates (each story once), ' +
        (m.from || '…') + ' to ' + (m.to || '…') + (m.truncated ? '; the ' + m.points.length + ' most reported are shown' : '') + '.';
      drawMap(figure, shapes, m.points, side);
      mapLegend(legend, m.points);
      placeTable(places, m.points, side);
      if (shapes.error) status.appendChild(errorBox(shapes.error));
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  };
  const form = el('form', {class: 'controls', onsubmit: ev => { ev.preventDefault(); load(); }},
    dates.fields, el('button', {type: 'submit', id: 'map-apply', text: 'Show'}));
  const filters = el('details', {class: 'panel'}, el('summary', {text: 'Filter by event type'}),
    el('div', {class: 'chips'}, typeBoxes));
  show(el('h1', {text: 'Map'}), form, dates.rangeNote, filters, status, legend,
    el('div', {class: 'two'}, el('div', {}, figure,
      el('p', {class: 'muted attribution'}, 'Country shapes: ', el('a', {href: 'https://www.naturalearthdata.com/', rel: 'noopener noreferrer', text: 'Natural Earth'}),
        ' 1:50m (public domain), via world-atlas 2.0.2 (', el('a', {href: '/world-atlas/LICENSE.txt', text: 'ISC licence'}),
        '); served by this server, no map tiles. Scroll or use the buttons to zoom, drag to move.')), side),
    el('h2', {text: 'Places'}), places);
  await load();
}

// The countries and the events as points coloured by type (filled: realised; hollow: not realised), with zoom
// (wheel, buttons) and panning (drag) by the SVG's viewBox.
function drawMap(container, shapes, points, side) {
  const H = MAP_W / 2;
  const [, top] = project(0, MAP_TOP), [, bottom] = project(0, MAP_BOTTOM);
  const home = {x: 0, y: top, w: MAP_W, h: bottom - top};
  const start = fitView(points, home);
  let view = Object.assign({}, start);
  const map = svg('svg', {id: 'map-svg', class: 'map', role: 'group', 'aria-label': 'Map of the events with coordinates; the list of places below gives the same data',
    viewBox: [home.x, home.y, home.w, home.h].join(' '), 'data-points': points.length});
  map.appendChild(svg('rect', {class: 'sea', x: 0, y: 0, width: MAP_W, height: H}));
  const countries = svg('g', {class: 'countries'});
  (shapes.error ? [] : shapes).forEach(c => countries.appendChild(svg('path', {class: 'country', d: countryPath(c), 'data-id': c.id},
    svg('title', {text: c.name}))));
  map.appendChild(countries);
  // Sites: events at the same coordinates; within a site the conflictual types last, so they are drawn on top.
  const sites = new Map();
  points.forEach(pt => {
    const key = pt.lat.toFixed(3) + ',' + pt.lon.toFixed(3);
    if (!sites.has(key)) sites.set(key, []);
    sites.get(key).push(pt);
  });
  const dots = svg('g', {class: 'points'});
  const circles = [];
  sites.forEach(list => {
    list.sort((a, b) => a.quad_class - b.quad_class || (a.date < b.date ? -1 : 1));
    const [x, y] = project(list[0].lon, list[0].lat);
    const offsets = spreadOffsets(list.length, 1);
    list.forEach((pt, i) => {
      const colour = TYPE_COLOURS[pt.event_type] || '#555';
      const realised = pt.status === 'realised';
      const who = mapParties(pt);
      const label = pt.event_type.toLowerCase() + ', ' + who + ', ' + (pt.place || '') + (pt.country ? ' (' + pt.country + ')' : '') +
        ', ' + pt.date + (realised ? '' : ' (' + pt.status + ')');
      const c = svg('circle', {class: 'point' + (realised ? '' : ' unrealised'), 'data-event': pt.id, 'data-type': pt.event_type,
        fill: realised ? colour : '#ffffff', stroke: realised ? '#ffffff' : colour, tabindex: 0, role: 'button', 'aria-label': label},
        svg('title', {text: label}));
      const open = () => {
        map.querySelectorAll('.point.selected').forEach(q => q.classList.remove('selected'));
        c.classList.add('selected');
        showPlace(side, list, pt.id);
      };
      c.addEventListener('click', open);
      c.addEventListener('keydown', ev => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(); } });
      circles.push({c, x, y, dx: offsets[i][0], dy: offsets[i][1], realised});
      dots.appendChild(c);
    });
  });
  map.appendChild(dots);
  // Points keep their size on screen whatever the zoom: radius and spread in units of the view's width.
  const place = () => {
    map.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
    const unit = view.w / 220;
    circles.forEach(k => {
      k.c.setAttribute('cx', Math.round((k.x + k.dx * unit * 2.6) * 100) / 100);
      k.c.setAttribute('cy', Math.round((k.y + k.dy * unit * 2.6) * 100) / 100);
      k.c.setAttribute('r', Math.round(unit * 100) / 100);
      k.c.setAttribute('stroke-width', Math.round(unit * (k.realised ? 0.3 : 0.6) * 100) / 100);
    });
  };
  const zoom = (factor, cx, cy) => {
    const w = Math.min(home.w, Math.max(home.w / 40, view.w / factor));
    const h = w * home.h / home.w;
    const fx = cx === undefined ? 0.5 : (cx - view.x) / view.w, fy = cy === undefined ? 0.5 : (cy - view.y) / view.h;
    const px = view.x + fx * view.w, py = view.y + fy * view.h;
    view = clampView({x: px - fx * w, y: py - fy * h, w, h}, home);
    place();
  };
  const toMap = ev => {
    const r = map.getBoundingClientRect();
    return [view.x + (ev.clientX - r.left) / r.width * view.w, view.y + (ev.clientY - r.top) / r.height * view.h];
  };
  map.addEventListener('wheel', ev => {
    ev.preventDefault();
    const [x, y] = toMap(ev);
    zoom(ev.deltaY < 0 ? 1.25 : 0.8, x, y);
  }, {passive: false});
  let drag = null;
  map.addEventListener('pointerdown', ev => {
    if (ev.target.classList.contains('point')) return;
    drag = {x: ev.clientX, y: ev.clientY, view: Object.assign({}, view)};
    map.setPointerCapture(ev.pointerId);
  });
  map.addEventListener('pointermove', ev => {
    if (!drag) return;
    const r = map.getBoundingClientRect();
    view = clampView({x: drag.view.x - (ev.clientX - drag.x) / r.width * view.w,
      y: drag.view.y - (ev.clientY - drag.y) / r.height * view.h, w: view.w, h: view.h}, home);
    place();
  });
  map.addEventListener('pointerup', () => { drag = null; });
  place();
  const buttons = el('div', {class: 'map-zoom'},
    el('button', {type: 'button', class: 'secondary', id: 'map-zoom-in', 'aria-label': 'Zoom in', text: '+', onclick: () => zoom(1.5)}),
    el('button', {type: 'button', class: 'secondary', id: 'map-zoom-out', 'aria-label': 'Zoom out', text: '−', onclick: () => zoom(1 / 1.5)}),
    el('button', {type: 'button', class: 'secondary', id: 'map-zoom-reset', text: 'Whole map', onclick: () => { view = Object.assign({}, home); place(); }}));
  container.replaceChildren(buttons, map);
  window.faultlineMap = {points: () => map.querySelectorAll('.point').length, zoom};
}

// The part of the map that holds the points, with a margin, in the map's proportions: at least an eighth of the
// world's width, the whole map when there are no points.
function fitView(points, home) {
  if (!points.length) return Object.assign({}, home);
  const xy = points.map(pt => project(pt.lon, pt.lat));
  const xs = xy.map(q => q[0]), ys = xy.map(q => q[1]);
  const x1 = Math.min(...xs), x2 = Math.max(...xs), y1 = Math.min(...ys), y2 = Math.max(...ys);
  const ratio = home.h / home.w;
  const w = Math.min(home.w, Math.max(home.w / 8, (x2 - x1) * 1.3, (y2 - y1) * 1.3 / ratio));
  const h = w * ratio;
  return clampView({x: (x1 + x2) / 2 - w / 2, y: (y1 + y2) / 2 - h / 2, w, h}, home);
}

function clampView(v, home) {
  return {x: Math.max(home.x, Math.min(home.x + home.w - v.w, v.x)), y: Math.max(home.y, Math.min(home.y + home.h - v.h, v.y)),
    w: v.w, h: v.h};
}

// "Russia → Ukraine"; an event without a recipient names its actors only.
function mapParties(pt) {
  const actors = pt.actor.join(', ') || 'someone unnamed';
  return pt.recipient.length ? actors + ' → ' + pt.recipient.join(', ') : actors;
}

// The colours of the types on the map, with how many points each has.
function mapLegend(container, points) {
  const n = new Map();
  points.forEach(pt => n.set(pt.event_type, (n.get(pt.event_type) || 0) + 1));
  container.replaceChildren(...TYPES.filter(t => n.has(t)).map(t => el('span', {'data-type': t},
    el('span', {class: 'swatch', style: 'background:' + TYPE_COLOURS[t]}), t.toLowerCase() + ' (' + n.get(t) + ')')),
  el('span', {text: 'filled: realised · hollow: not realised (negated, refused, future or hypothetical) · events at one place are spread around it'}));
}

// The places of the points, busiest first, each opening its events.
function placeTable(container, points, side) {
  const byPlace = new Map();
  points.forEach(pt => {
    const key = pt.lat.toFixed(3) + ',' + pt.lon.toFixed(3);
    if (!byPlace.has(key)) byPlace.set(key, []);
    byPlace.get(key).push(pt);
  });
  const rows = [...byPlace.values()].sort((a, b) => b.length - a.length || ((a[0].place || '') < (b[0].place || '') ? -1 : 1));
  container.replaceChildren(rows.length ? el('table', {},
    el('thead', {}, el('tr', {}, ['Place', 'Country', 'Events', 'Types'].map(h => el('th', {scope: 'col', text: h})))),
    el('tbody', {}, rows.map(list => el('tr', {},
      el('td', {}, el('button', {type: 'button', class: 'linklike place-button', text: list[0].place || list[0].lat + ', ' + list[0].lon,
        onclick: () => showPlace(side, list, list[0].id)})),
      el('td', {text: list[0].country || '–'}), el('td', {text: list.length}),
      el('td', {text: [...new Set(list.map(pt => pt.event_type.toLowerCase()))].join(', ')})))))
    : el('p', {class: 'muted', text: 'No event in these dates has coordinates.'}));
}

// The events at one place: the chosen one whole, with its evidence, and the others as a list to open.
async function showPlace(side, list, id) {
  const chosen = list.find(pt => pt.id === id) || list[0];
  const card = el('div', {id: 'map-event'}, el('p', {class: 'muted', text: 'Loading…'}));
  side.replaceChildren(el('h2', {text: (chosen.place || 'Unnamed place') + (chosen.country ? ' (' + chosen.country + ')' : '') + ': ' +
      count(list.length, 'event')}), card,
    list.length > 1 ? el('ul', {class: 'plain', id: 'map-place-events'}, list.map(pt => el('li', {},
      el('button', {type: 'button', class: 'linklike', 'aria-current': pt.id === chosen.id ? 'true' : null,
        text: pt.date + ' · ' + pt.event_type.toLowerCase() + ' · ' + mapParties(pt),
        onclick: () => showPlace(side, list, pt.id)})))) : null);
  try {
    const e = await api('/api/events/' + encodeURIComponent(chosen.id));
    card.replaceChildren(eventCard(e, 0, {evidence: true, docLink: true, numbered: false, idPrefix: 'map-event-'}));
  } catch (err) {
    card.replaceChildren(errorBox(err));
  }
}

// ---- dyad

async function dyadView() {
  const p = route().params;
  const a = await actorPicker('dyad-a', 'Actor A', p.get('a'));
  const b = await actorPicker('dyad-b', 'Actor B', p.get('b'));
  const by = el('select', {id: 'dyad-by'}, ['month', 'week', 'year'].map(v => el('option', {value: v}, v)));
  by.value = p.get('by') || 'month';
  const out = el('div', {id: 'dyad-result', 'aria-live': 'polite'});
  const load = async () => {
    const av = a.lastChild.value.trim(), bv = b.lastChild.value.trim();
    if (!av || !bv) return;
    setRoute('/dyad', {a: av, b: bv, by: by.value});
    out.replaceChildren(el('p', {class: 'muted', text: 'Loading…'}));
    try {
      const d = await api('/api/dyad' + query({a: av, b: bv, by: by.value, evidence: 3}));
      out.replaceChildren(dyadChart(d), dyadEvidence(d));
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  };
  show(el('h1', {text: 'Dyad'}),
    el('p', {class: 'muted', text: 'An actor is a key such as RUS or RUS:MIL, or a coalition such as WEST or AXIS (its members counted as one actor).'}),
    el('form', {class: 'controls', onsubmit: ev => { ev.preventDefault(); load(); }}, a, b, el('label', {}, 'Period', by),
      el('button', {type: 'submit', text: 'Show'})), out);
  await load();
}

// Every period start from the first row's to the last row's, so that periods without events show as gaps; null
// when that would be more bars than a chart can show.
function periodStarts(rows, by) {
  if (!rows.length) return [];
  const step = d => {
    const t = new Date(d + 'T00:00:00Z');
    if (by === 'week') t.setUTCDate(t.getUTCDate() + 7);
    else if (by === 'year') t.setUTCFullYear(t.getUTCFullYear() + 1);
    else t.setUTCMonth(t.getUTCMonth() + 1);
    return t.toISOString().slice(0, 10);
  };
  const out = [];
  const last = rows[rows.length - 1].start;
  for (let d = rows[0].start; d <= last && out.length <= 2000; d = step(d)) out.push(d);
  return out.length > 2000 ? null : out;
}

// Realised events per period on a continuous time axis, A acting on B above the axis and B acting on A below it,
// each stacked by quad class; a joint action of both counts on both sides.
function dyadChart(d) {
  const rows = d.rows;
  if (!rows.length) return el('p', {class: 'notice', text: 'No events between ' + d.a + ' and ' + d.b + '.'});
  const byStart = new Map(rows.map(r => [r.start, r]));
  const starts = periodStarts(rows, d.by) || rows.map(r => r.start);
  const empty = [0, 0, 0, 0];
  const W = 900, H = 340, L = 96, B = 30, T = 10;
  const sum = a => a.reduce((x, y) => x + y, 0);
  const max = Math.max(1, ...rows.map(r => Math.max(sum(r.by_quad_from_a || empty), sum(r.by_quad_from_b || empty))));
  const mid = T + (H - T - B) / 2;
  const half = (H - T - B) / 2 - 4;
  const bw = (W - L - 10) / starts.length;
  const g = svg('svg', {class: 'chart', id: 'dyad-chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'data-periods': starts.length,
    'aria-label': 'Realised events per ' + d.by + ': ' + d.a + ' acting on ' + d.b + ' above the axis, ' + d.b +
      ' acting on ' + d.a + ' below, stacked by quad class; periods without events are left empty'});
  for (const [v, label] of [[max, String(max)], [0, '0'], [-max, String(max)]]) {
    const y = mid - half * v / max;
    g.appendChild(svg('line', {x1: L, x2: W - 10, y1: y, y2: y, stroke: v === 0 ? '#999' : '#eee'}));
    g.appendChild(svg('text', {x: L - 6, y: y + 4, 'text-anchor': 'end', text: label}));
  }
  g.appendChild(svg('text', {x: 4, y: mid - 10, text: d.a + ' → ' + d.b + ' ↑'}));
  g.appendChild(svg('text', {x: 4, y: mid + 20, text: d.b + ' → ' + d.a + ' ↓'}));
  const labelEvery = Math.ceil(starts.length / 24);
  starts.forEach((start, i) => {
    const r = byStart.get(start);
    const x = L + i * bw + bw * 0.1;
    const width = Math.max(1, bw * 0.8);
    for (const [side, quads, sign] of [['a', r && r.by_quad_from_a, -1], ['b', r && r.by_quad_from_b, 1]]) {
      let base = 0;
      for (let q = 1; q <= 4 && quads; q++) {
        const v = quads[q - 1];
        if (v <= 0) continue;
        const y0 = mid + sign * half * base / max, y1 = mid + sign * half * (base + v) / max;
        const who = side === 'a' ? d.a + ' → ' + d.b : d.b + ' → ' + d.a;
        g.appendChild(svg('rect', {class: 'from-' + side, x, width, y: Math.min(y0, y1), height: Math.abs(y1 - y0),
          fill: QUAD_COLOURS[q]}, svg('title', {text: start + ', ' + who + ': ' + v + ' ' + QUAD_NAMES[q].toLowerCase()})));
        base += v;
      }
    }
    if (i % labelEvery === 0) {
      g.appendChild(svg('text', {x: x + bw * 0.4, y: H - B + 16, 'text-anchor': 'middle', text: start.slice(0, d.by === 'year' ? 4 : d.by === 'week' ? 10 : 7)}));
    }
  });
  const key = el('div', {class: 'key'}, [1, 2, 3, 4].map(q => el('span', {}, el('span', {class: 'swatch', style: 'background:' + QUAD_COLOURS[q]}), QUAD_NAMES[q])),
    el('span', {text: 'above the axis: ' + d.a + ' acting on ' + d.b + '; below: ' + d.b + ' acting on ' + d.a + '; ' +
      count(starts.length, d.by) + ' shown, ' + (starts.length - rows.length) + ' without events'}));
  return el('section', {class: 'panel'}, el('h2', {text: d.a + ' and ' + d.b + ' by ' + d.by}), key, g);
}

function dyadEvidence(d) {
  const items = d.rows.filter(r => r.evidence.length).reverse();
  return el('section', {}, el('h2', {text: 'Evidence'}),
    el('ul', {class: 'plain'}, items.map(r => el('li', {},
      el('h3', {text: r.start + ' — ' + r.events + ' realised, ' + r.unrealised + ' not realised, Goldstein ' + r.goldstein}),
      el('div', {class: 'cards'}, r.evidence.map((e, i) => eventCard(e, i, {evidence: true, docLink: true, numbered: false, idPrefix: 'dyad-' + r.start + '-'})))))));
}

// ---- documents

async function documentsView(id) {
  if (id) {
    show(el('p', {class: 'muted', text: 'Loading…'}));
    try {
      const d = await api('/api/documents/' + encodeURIComponent(id));
      show(el('p', {}, el('a', {href: '#/documents', text: '← All documents'})),
        el('h1', {text: d.title || d.id}), documentDate(d),
        documentView(d.text, d.events, d.complete ? null : 'Only the sentences that report events are shown, at their place in the document.'));
    } catch (e) {
      show(el('h1', {text: 'Document'}), errorBox(e));
    }
    return;
  }
  const p = route().params;
  const offset = Number(p.get('offset') || 0);
  const r = await api('/api/documents' + query({limit: 50, offset}));
  const pager = el('div', {class: 'controls'},
    offset > 0 ? el('a', {class: 'button', href: '#/documents?offset=' + Math.max(0, offset - 50), text: 'Newer'}) : null,
    r.documents.length === 50 ? el('a', {class: 'button', href: '#/documents?offset=' + (offset + 50), text: 'Older'}) : null);
  const byEvents = r.documents.some(d => d.date_source !== 'publication');
  show(el('h1', {text: 'Documents'}), el('p', {class: 'muted', text: count(r.total, 'document') + ' in the store, ' +
      (byEvents ? 'those with events, by their latest event (no publication dates are stored):' : 'newest publication first:')}),
    el('ul', {class: 'plain', id: 'document-list'}, r.documents.map(d => el('li', {},
      el('a', {href: '#/documents/' + encodeURIComponent(d.id), text: d.title || d.id}), ' ',
      el('span', {class: 'muted doc-date', text: DATE_SOURCES[d.date_source] + ' ' + d.date +
        (d.source ? ' · ' + d.source : '') + ' · ' + count(d.events, 'event')})))), pager);
}

// What a document's date is, as /api/documents says.
const DATE_SOURCES = {publication: 'published', latest_event: 'latest event dated', earliest_event: 'earliest event dated'};

function documentDate(d) {
  return el('p', {class: 'muted', id: 'document-date'},
    d.date_source === 'publication' ? 'Published ' + d.date : 'No publication date stored; earliest event dated ' + d.date,
    d.source ? ' · ' + d.source : '', d.url ? ' · ' : '', d.url ? (/^https?:\/\//i.test(d.url) ? el('a', {href: d.url, rel: 'noopener noreferrer', text: d.url}) : d.url) : null,
    d.title ? ' · id ' + d.id : '');
}

// ---- faultlines

async function faultlinesView() {
  const p = route().params;
  const a = await actorPicker('fl-a', 'Actor A', p.get('a'));
  const b = await actorPicker('fl-b', 'Actor B', p.get('b'));
  const more = el('input', {id: 'fl-more', name: 'fl-more', type: 'text', size: 14, value: p.get('more') || '',
    placeholder: 'UKR,IRN', autocomplete: 'off'});
  const from = el('input', {id: 'fl-from', type: 'date', value: p.get('from') || ''});
  const to = el('input', {id: 'fl-to', type: 'date', value: p.get('to') || ''});
  const out = el('div', {id: 'fl-result', 'aria-live': 'polite'});
  const load = async () => {
    const av = a.lastChild.value.trim(), bv = b.lastChild.value.trim();
    const mv = more.value.split(',').map(x => x.trim()).filter(x => x);
    if (!av || !bv) {
      out.replaceChildren(el('p', {class: 'notice', id: 'fl-missing', text: av || bv
        ? 'Pick a second actor to compare with ' + (av || bv) + ' (type a key such as UKR or choose from the list).'
        : 'Pick two actors to compare.'}));
      return;
    }
    setRoute('/faultlines', {a: av, b: bv, more: mv.join(','), from: from.value, to: to.value});
    out.replaceChildren(el('p', {class: 'muted', text: 'Loading…'}));
    try {
      if (!mv.length) {
        const f = await api('/api/faultlines' + query({a: av, b: bv, from: from.value, to: to.value, evidence: 2}));
        out.replaceChildren(el('div', {class: 'columns'},
          pointList('Where ' + f.a + ' and ' + f.b + ' meet', f.intersections, 'intersections'),
          pointList('Where they part', f.divergences, 'divergences')));
        return;
      }
      const f = await api('/api/faultlines' + query({parties: [av, bv].concat(mv).join(','), from: from.value,
        to: to.value, evidence: 2}));
      const parts = [el('div', {class: 'columns'},
        pointList('What ' + f.parties.join(', ') + ' all share', f.shared, 'shared'),
        pointList('Where one stands apart', f.apart, 'apart'))];
      f.pairs.forEach((pair, i) => parts.push(el('h2', {text: pair.a + ' and ' + pair.b}), el('div', {class: 'columns'},
        pointList('Where they meet', pair.intersections, 'pair-' + i + '-intersections'),
        pointList('Where they part', pair.divergences, 'pair-' + i + '-divergences'))));
      out.replaceChildren(...parts);
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  };
  show(el('h1', {text: 'Faultlines'}),
    el('p', {class: 'muted', text: 'Pick two actors, or more: their direct ties, shared partners and adversaries, refusals, third parties one backs and the other fights, and with three or more what all share and where one stands apart. An actor may be a coalition such as WEST.'}),
    el('form', {class: 'controls', onsubmit: ev => { ev.preventDefault(); load(); }}, a, b,
      el('label', {}, 'More actors (optional, comma-separated)', more),
      el('label', {}, 'From', from), el('label', {}, 'To', to), el('button', {type: 'submit', text: 'Compare'})), out);
  await load();
}

function pointList(title, points, id) {
  return el('section', {class: 'panel', id},
    el('h2', {text: title + ' (' + points.length + ')'}),
    points.length ? el('ul', {class: 'plain'}, points.map(pt => el('li', {class: 'point'},
      el('h3', {}, el('span', {class: 'badge', text: pt.kind.replace(/_/g, ' ')}), ' ', pt.summary),
      el('p', {class: 'muted', text: 'weight ' + count(pt.weight, 'event')}),
      el('div', {class: 'cards'}, pt.evidence.map((e, i) => eventCard(e, i, {evidence: true, docLink: true, numbered: false, idPrefix: id + '-' + pt.kind + '-'}))))))
      : el('p', {class: 'muted', text: 'None found.'}));
}

// ---------------------------------------------------------------- alerts (faultline watch)

let alertStream = null;
const ALERT_KINDS = {new_dyad: 'New dyad', new_type: 'New event type in a dyad', jump: 'Jump against the baseline'};

// One alert with its evidence: what is new, the sentence, the outlet and a link to the document.
function alertCard(x) {
  const a = x.alert;
  const what = a.kind === 'jump'
    ? a.tone + ': ' + a.count + ' events in the week of ' + a.week + ' (baseline ' + a.baseline + '/week, threshold ' + a.threshold + ')'
    : a.event_type + (a.kind === 'new_dyad' ? ' opens the dyad' : ' is new in this dyad');
  return el('li', {class: 'card alert-card', 'data-alert-id': a.id, 'data-seq': x.seq},
    el('div', {},
      el('strong', {class: 'alert-kind', text: ALERT_KINDS[a.kind] || a.kind}), ' ',
      el('span', {class: 'alert-dyad', text: a.source + (a.joint ? ' + ' : ' \u2192 ') + a.target}), ' ',
      el('span', {class: 'muted', text: a.date})),
    el('div', {text: what}),
    el('blockquote', {class: 'alert-sentence', text: a.sentence || ''}),
    el('div', {class: 'muted'},
      a.outlet ? a.outlet + ' \u00b7 ' : '',
      a.url ? el('a', {href: a.url, rel: 'noopener noreferrer', text: a.title || a.url}) : (a.title || ''),
      ' \u00b7 ', el('a', {href: '#/documents/' + encodeURIComponent(a.doc_id), text: 'document ' + a.doc_id}),
      ' \u00b7 event ' + a.event_id));
}

async function alertsView() {
  const list = el('ol', {id: 'alert-list', class: 'cards alerts', 'aria-live': 'polite', reversed: true});
  const state = el('p', {id: 'alert-state', class: 'muted', text: 'Connecting to the live alert stream\u2026'});
  const feeds = el('div', {id: 'watch-feeds'});
  show(el('h1', {text: 'Alerts'}),
    el('p', {class: 'muted', text: 'New dyads, new event types within a dyad and jumps against a dyad\'s baseline, '
      + 'as faultline watch finds them; new alerts appear here as they come.'}), state, feeds, list);
  try {
    const w = await api('/api/watch');
    if (w.feeds.length) {
      feeds.replaceChildren(el('table', {class: 'watch-feeds'},
        el('thead', {}, el('tr', {}, ['Source', 'Outlet', 'Last poll', 'Items', 'Items/h', 'Error'].map(h => el('th', {text: h})))),
        el('tbody', {}, w.feeds.map(f => el('tr', {},
          el('td', {text: f.address}), el('td', {text: f.outlet || ''}), el('td', {text: f.last_poll || 'never'}),
          el('td', {text: String(f.items)}), el('td', {text: String(f.items_last_hour)}),
          el('td', {text: f.last_error || ''}))))));
    }
  } catch (e) {
    feeds.replaceChildren(errorBox(e));
  }
  if (alertStream) alertStream.close();
  alertStream = new EventSource('/api/alerts/stream');
  alertStream.addEventListener('open', () => { state.textContent = 'Live: new alerts appear at the top.'; });
  alertStream.addEventListener('error', () => { state.textContent = 'The alert stream was interrupted; reconnecting\u2026'; });
  alertStream.addEventListener('alert', ev => {
    const x = JSON.parse(ev.data);
    if (list.querySelector('[data-seq="' + x.seq + '"]')) return;
    list.insertBefore(alertCard(x), list.firstChild);
    document.body.dataset.alerts = String(list.children.length);
  });
}

// ---- brief

async function briefView() {
  const p = route().params;
  const parties = el('input', {id: 'brief-parties', type: 'text', size: 30, value: p.get('parties') || 'WEST,ISR,UKR',
    'aria-describedby': 'brief-help'});
  const from = el('input', {id: 'brief-from', type: 'date', value: p.get('from') || ''});
  const to = el('input', {id: 'brief-to', type: 'date', value: p.get('to') || ''});
  const by = el('select', {id: 'brief-by'}, ['quarter', 'year'].map(v => el('option', {value: v, text: v})));
  by.value = p.get('by') === 'year' ? 'year' : 'quarter';
  const format = el('select', {id: 'brief-format'}, el('option', {value: 'html', text: 'HTML (one file)'}),
    el('option', {value: 'md', text: 'Markdown'}));
  const out = el('div', {id: 'brief-result', 'aria-live': 'polite'});
  const download = async () => {
    const params = {parties: parties.value.replace(/\s+/g, ''), from: from.value, to: to.value, by: by.value,
      format: format.value};
    setRoute('/brief', {parties: params.parties, from: from.value, to: to.value, by: by.value});
    out.replaceChildren(el('p', {class: 'muted', text: 'Writing the briefing…'}));
    try {
      const r = await fetch('/api/brief' + query(params));
      if (!r.ok) {
        const body = await r.json().catch(() => ({error: 'HTTP ' + r.status, problems: []}));
        out.replaceChildren(el('div', {class: 'notice', id: 'brief-error'}, el('p', {text: body.error}),
          el('ul', {}, (body.problems || []).map(x => el('li', {text: x})))));
        return;
      }
      const blob = await r.blob();
      const name = (r.headers.get('Content-Disposition') || '').replace(/.*filename="([^"]+)".*/, '$1') || 'brief';
      const a = el('a', {id: 'brief-file', href: URL.createObjectURL(blob), download: name,
        text: 'Save ' + name + ' again (' + Math.round(blob.size / 1024) + ' KB)'});
      out.replaceChildren(el('p', {}, a));
      a.click();
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  };
  show(el('h1', {text: 'Brief'}),
    el('p', {class: 'muted', id: 'brief-help', text: 'A briefing to hand on: two or more parties, comma-separated (actor ' +
      'keys such as ISR and UKR, or coalitions such as WEST, AXIS and GULF), and a period. It gives the coalitions\' ' +
      'members, a network picture, the faultlines over the whole period and per quarter or year with turning points, ' +
      'the cross-theatre bridges, and every claim with its sentences and sources. The HTML file opens without a ' +
      'network.'}),
    el('form', {class: 'controls', id: 'brief-form', onsubmit: ev => { ev.preventDefault(); download(); }},
      el('label', {}, 'Parties', parties), el('label', {}, 'From', from), el('label', {}, 'To', to),
      el('label', {}, 'By', by), el('label', {}, 'Format', format),
      el('button', {type: 'submit', id: 'brief-download', text: 'Download briefing'})), out);
}

// ---------------------------------------------------------------- router

async function render() {
  const r = route();
  const view = r.parts[0] || 'code';
  document.querySelectorAll('nav a[data-view]').forEach(a => {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  if (view !== 'network' && cy) { cy.destroy(); cy = null; }
  if (view !== 'alerts' && alertStream) { alertStream.close(); alertStream = null; }
  try {
    if (view === 'network') await networkView();
    else if (view === 'map') await mapView();
    else if (view === 'dyad') await dyadView();
    else if (view === 'documents') await documentsView(r.parts[1]);
    else if (view === 'faultlines') await faultlinesView();
    else if (view === 'alerts') await alertsView();
    else if (view === 'brief') await briefView();
    else await codeView();
  } catch (e) {
    show(errorBox(e));
  }
  document.body.dataset.ready = view;
}

let lastPath = null;
window.addEventListener('hashchange', () => {
  const path = location.hash.split('?')[0];
  lastPath = path;
  render().then(() => main().focus({preventScroll: true}));
});
document.addEventListener('DOMContentLoaded', () => {
  lastPath = location.hash.split('?')[0];
  render();
  storeSummary().then(s => {
    document.getElementById('store-summary').textContent = count(s.events, 'event') + ' in ' + count(s.documents, 'document') +
      (s.first_date ? ', ' + s.first_date + ' to ' + s.last_date : '');
  }).catch(() => {});
});
