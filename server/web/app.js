// news-server's search page: the state lives in the URL's query string, every
// change asks /api/search once and redraws. No framework, no build step.
'use strict';

const FACETS = [
  { field: 'person', label: 'People' },
  { field: 'org', label: 'Organisations' },
  { field: 'place', label: 'Places' },
  { field: 'source', label: 'Sources' },
  { field: 'misc', label: 'Other names' },
  { field: 'author', label: 'Authors' },
];
const FIELD_LABEL = Object.fromEntries(FACETS.map((f) => [f.field, f.label]));
FIELD_LABEL.date = 'Published';
FIELD_LABEL.mentioned = 'Mentioned';
const PAGE_SIZE = 10;
const FACET_SIZE = 10;
const FACET_MORE = 50;

// ---- state <-> URL ----

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') || '',
    filters: p.getAll('filter'),
    excludes: p.getAll('exclude'),
    sort: p.get('sort') === 'date' ? 'date' : 'relevance',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    granularity: ['day', 'week', 'month', 'year'].includes(p.get('per')) ? p.get('per') : 'auto',
    more: p.getAll('more'),
  };
}

function stateQuery(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  s.filters.forEach((f) => p.append('filter', f));
  s.excludes.forEach((f) => p.append('exclude', f));
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.granularity !== 'auto') p.set('per', s.granularity);
  s.more.forEach((m) => p.append('more', m));
  return p.toString();
}

let state = readState();

function go(changes, { resetPage = true } = {}) {
  state = { ...state, ...changes };
  if (resetPage && !('page' in changes)) state.page = 1;
  const qs = stateQuery(state);
  history.pushState(null, '', qs ? `?${qs}` : location.pathname);
  run();
}

window.addEventListener('popstate', () => {
  state = readState();
  run();
});

// ---- helpers ----

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function splitFilter(spec) {
  const i = spec.indexOf(':');
  return i < 0 ? [spec, ''] : [spec.slice(0, i), spec.slice(i + 1)];
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+|#39);/gi, (m, name) => {
    if (name in ENTITIES) return ENTITIES[name];
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      try { return String.fromCodePoint(code); } catch { return m; }
    }
    return m;
  });
}

// The server's snippet is escaped text with <mark> around matched words: build
// text nodes and <mark> elements from it, never HTML.
function snippetNode(snippet) {
  const frag = document.createDocumentFragment();
  let marked = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (!part) continue;
    const text = decodeEntities(part);
    frag.append(marked ? el('mark', { text }) : document.createTextNode(text));
  }
  return frag;
}

const fmtCount = (n) => n.toLocaleString('en');

// ---- dates and the histogram ----

const isoDay = (date) => date.toISOString().slice(0, 10);

function isoWeekStart(date) {
  const d = new Date(date);
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - dow);
  return d;
}

// Monday of ISO week `week` of `year` (week 1 holds January 4).
function isoWeekMonday(year, week) {
  const monday = isoWeekStart(new Date(Date.UTC(year, 0, 4)));
  monday.setUTCDate(monday.getUTCDate() + (week - 1) * 7);
  return monday;
}

// The bar of one bucket label of the server's histogram ("2026-01-24", "2026-W04",
// "2026-01", "2026"; a partial date keeps its coarser label) and the date filter
// that selects that bucket.
function barOf(value) {
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!week) return { label: value, filter: value };
  const start = isoWeekMonday(Number(week[1]), Number(week[2]));
  const end = new Date(start);
  end.setUTCDate(end.getUTCDate() + 6);
  return { label: `week of ${isoDay(start)}`, filter: `${isoDay(start)}..${isoDay(end)}` };
}

function renderHistogram(buckets) {
  const section = $('#histogram-section');
  const box = $('#histogram');
  const axis = $('#histogram-axis');
  box.replaceChildren();
  axis.replaceChildren();
  const dated = (buckets || []).filter((b) => b.value !== 'unknown');
  const unknown = (buckets || []).find((b) => b.value === 'unknown');
  if (!dated.length && !unknown) { section.hidden = true; return; }
  section.hidden = false;
  $('#granularity').value = state.granularity;
  const bars = dated.map((b) => ({ ...barOf(b.value), count: b.count }));
  const dateFilters = state.filters.filter((f) => f.startsWith('date:')).map((f) => f.slice(5));
  const max = Math.max(1, ...bars.map((b) => b.count), unknown ? unknown.count : 0);
  const addBar = (label, count, filter, cls) => {
    const selected = filter !== null && dateFilters.includes(filter);
    const bar = el('button', {
      type: 'button',
      class: `bar${cls ? ` ${cls}` : ''}${selected ? ' selected' : ''}`,
      title: `${label}: ${fmtCount(count)} article${count === 1 ? '' : 's'}`,
      'aria-label': `${label}: ${count} article${count === 1 ? '' : 's'}`,
      'aria-pressed': filter === null ? null : String(selected),
      dataset: { label },
      onclick: filter === null ? null : () => toggleFilter('date', filter, true),
    }, el('span', { class: 'fill' }));
    bar.firstChild.style.height = `${Math.max(2, Math.round((count / max) * 100))}%`;
    if (filter === null) bar.disabled = true;
    box.append(bar);
  };
  for (const b of bars) addBar(b.label, b.count, b.filter, '');
  if (unknown) addBar('undated', unknown.count, null, 'unknown');
  if (bars.length) {
    axis.append(el('span', { text: bars[0].label }));
    if (bars.length > 1) axis.append(el('span', { text: bars[bars.length - 1].label }));
  }
}

// ---- filters ----

function toggleFilter(field, value, single = false) {
  const spec = `${field}:${value}`;
  let filters = state.filters.slice();
  if (filters.includes(spec)) filters = filters.filter((f) => f !== spec);
  else {
    if (single) filters = filters.filter((f) => !f.startsWith(`${field}:`));
    filters.push(spec);
  }
  go({ filters, excludes: state.excludes.filter((f) => f !== spec) });
}

function toggleExclude(field, value) {
  const spec = `${field}:${value}`;
  const excludes = state.excludes.includes(spec)
    ? state.excludes.filter((f) => f !== spec)
    : [...state.excludes, spec];
  go({ excludes, filters: state.filters.filter((f) => f !== spec) });
}

function renderActive() {
  const box = $('#active');
  box.replaceChildren();
  const chip = (spec, negated) => {
    const [field, value] = splitFilter(spec);
    return el('button', {
      type: 'button',
      class: `chip active${negated ? ' negated' : ''}`,
      title: 'Remove this filter',
      dataset: { filter: spec },
      onclick: () => (negated ? toggleExclude(field, value) : toggleFilter(field, value)),
    }, `${negated ? 'not ' : ''}${FIELD_LABEL[field] || field}: ${value}`, el('span', { class: 'x', 'aria-hidden': 'true', text: '×' }));
  };
  state.filters.forEach((f) => box.append(chip(f, false)));
  state.excludes.forEach((f) => box.append(chip(f, true)));
  if (state.filters.length + state.excludes.length > 1) {
    box.append(el('button', { type: 'button', class: 'link', onclick: () => go({ filters: [], excludes: [] }) }, 'clear all'));
  }
}

// ---- facets ----

function renderFacets(facets) {
  const aside = $('#facets');
  aside.replaceChildren();
  for (const { field, label } of FACETS) {
    const values = facets[field] || [];
    const selected = state.filters.filter((f) => f.startsWith(`${field}:`)).map((f) => splitFilter(f)[1]);
    const excluded = state.excludes.filter((f) => f.startsWith(`${field}:`)).map((f) => splitFilter(f)[1]);
    if (!values.length && !selected.length && !excluded.length) continue;
    const list = el('ul', { class: 'facet-values' });
    const shown = new Set();
    const row = (value, count) => {
      shown.add(value.toLowerCase());
      const isOn = selected.some((v) => v.toLowerCase() === value.toLowerCase());
      const isOff = excluded.some((v) => v.toLowerCase() === value.toLowerCase());
      const id = `f-${field}-${shown.size}`;
      return el('li', { class: `facet-value${isOn ? ' on' : ''}${isOff ? ' off' : ''}`, dataset: { value } },
        el('input', { type: 'checkbox', id, checked: isOn, onchange: () => toggleFilter(field, value) }),
        el('label', { for: id }, el('span', { class: 'name', text: value }), el('span', { class: 'count', text: count === null ? '' : fmtCount(count) })),
        el('button', {
          type: 'button', class: 'exclude', title: isOff ? `Include ${value} again` : `Leave out articles with ${value}`,
          'aria-label': isOff ? `include ${value} again` : `exclude ${value}`, 'aria-pressed': String(isOff),
          onclick: () => toggleExclude(field, value),
        }, '−'));
    };
    for (const v of values) list.append(row(v.value, v.count));
    // Selected or excluded values outside the top N stay visible, so they can be undone.
    for (const v of [...selected, ...excluded]) if (!shown.has(v.toLowerCase())) list.append(row(v, null));
    const more = state.more.includes(field);
    const section = el('section', { class: 'facet', dataset: { field } },
      el('h2', { text: label }),
      el('input', {
        type: 'search', class: 'facet-search', placeholder: `Find ${label.toLowerCase()}…`, 'aria-label': `Find ${label.toLowerCase()}`,
        oninput: (e) => facetSearch(field, e.target.value, list, row),
      }),
      list);
    if (values.length >= FACET_SIZE || more) {
      section.append(el('button', {
        type: 'button', class: 'link more',
        onclick: () => go({ more: more ? state.more.filter((m) => m !== field) : [...state.more, field] }, { resetPage: false }),
      }, more ? 'fewer' : 'more'));
    }
    aside.append(section);
  }
}

let facetSearchTimer = null;
function facetSearch(field, text, list, row) {
  clearTimeout(facetSearchTimer);
  facetSearchTimer = setTimeout(async () => {
    const p = contextParams();
    p.append('field', field);
    p.set('limit', String(FACET_MORE));
    if (text.trim()) p.set('contains', text.trim());
    try {
      const data = await api(`/api/facets?${p}`);
      list.replaceChildren(...(data.facets[field] || []).map((v) => row(v.value, v.count)));
      if (!list.children.length) list.append(el('li', { class: 'none', text: 'no match' }));
    } catch (e) {
      showError(e.message);
    }
  }, 150);
}

function renderRelated(related) {
  const section = $('#related-section');
  const box = $('#related');
  box.replaceChildren();
  let any = false;
  for (const [field, values] of Object.entries(related || {})) {
    if (!values.length) continue;
    any = true;
    box.append(el('div', { class: 'related-row' },
      el('span', { class: 'related-label', text: `${FIELD_LABEL[field] || field}:` }),
      values.map((v) => el('button', {
        type: 'button', class: `chip ${field}`,
        title: `${v.count} of the matching articles, ${v.collection_count} in all (G² ${v.score.toFixed(1)})`,
        onclick: () => toggleFilter(field, v.value),
      }, v.value, el('span', { class: 'count', text: fmtCount(v.count) })))));
  }
  section.hidden = !any;
}

// ---- results ----

function renderResults(data) {
  const list = $('#results');
  list.replaceChildren();
  list.start = data.offset + 1;
  for (const hit of data.hits) {
    const meta = [];
    if (hit.source) meta.push(el('span', { class: 'source', text: hit.source }));
    meta.push(el('time', { datetime: hit.date || '', text: hit.date || 'undated' }));
    if (hit.authors && hit.authors.length) meta.push(el('span', { class: 'authors', text: `by ${hit.authors.join(', ')}` }));
    const chips = [];
    for (const field of ['person', 'org', 'place']) {
      for (const value of (hit.entities && hit.entities[field]) || []) {
        chips.push(el('button', {
          type: 'button', class: `chip ${field}`, title: `${FIELD_LABEL[field]}: only articles with ${value}`,
          onclick: () => toggleFilter(field, value),
        }, value));
      }
    }
    const title = el('a', {
      href: `/api/article/${encodeURIComponent(hit.id)}`, class: 'title', dataset: { id: hit.id },
      onclick: (e) => { e.preventDefault(); showArticle(hit.id); },
    }, hit.title || hit.id);
    list.append(el('li', { class: 'hit', tabindex: '-1', dataset: { id: hit.id } },
      el('h3', {}, title, hit.title_derived ? el('span', { class: 'derived', title: 'no headline: taken from the first sentence', text: ' (untitled)' }) : null),
      el('p', { class: 'meta' }, meta.flatMap((m, i) => (i ? [' · ', m] : [m])),
        hit.url ? [' · ', el('a', { href: hit.url, rel: 'noopener noreferrer', target: '_blank', class: 'url', text: 'original' })] : null),
      hit.snippet ? el('p', { class: 'snippet' }, snippetNode(hit.snippet)) : null,
      chips.length ? el('div', { class: 'chips' }, chips) : null));
  }
}

function renderPager(data) {
  const nav = $('#pager');
  nav.replaceChildren();
  const pages = Math.ceil(Math.min(data.total, 1000) / PAGE_SIZE);
  if (pages <= 1) return;
  const button = (label, page, rel) => el('button', {
    type: 'button', class: 'page', disabled: page < 1 || page > pages, dataset: { rel },
    onclick: () => { go({ page }, { resetPage: false }); window.scrollTo(0, 0); },
  }, label);
  nav.append(button('← previous', state.page - 1, 'prev'), el('span', { text: `page ${state.page} of ${pages}` }), button('next →', state.page + 1, 'next'));
}

function renderSummary(data) {
  const box = $('#summary');
  box.replaceChildren();
  const what = state.q ? ['for ', el('strong', { text: state.q })] : ['in all articles'];
  box.append(el('span', { id: 'total', dataset: { total: String(data.total) } },
    `${data.total_exact ? '' : 'about '}${fmtCount(data.total)} article${data.total === 1 ? '' : 's'} `), ...what,
  el('span', { class: 'took', text: ` (${data.took_ms.toFixed(1)} ms)` }));
  if (data.suggestion) {
    box.append(el('div', { class: 'suggestion' }, 'Did you mean ',
      el('a', { href: `?${stateQuery({ ...state, q: data.suggestion, page: 1 })}`, onclick: (e) => { e.preventDefault(); $('#q').value = data.suggestion; go({ q: data.suggestion }); } }, data.suggestion), '?'));
  }
}

// ---- article view ----

async function showArticle(id) {
  try {
    const a = await api(`/api/article/${encodeURIComponent(id)}`);
    $('#article-title').textContent = a.title || a.id;
    $('#article-meta').textContent = [a.source, a.date || 'undated', (a.authors || []).join(', ')].filter(Boolean).join(' · ');
    const body = $('#article-body');
    body.replaceChildren(...(a.body || '').split(/\n{2,}/).map((p) => el('p', { text: p })));
    const dialog = $('#article-dialog');
    if (typeof dialog.showModal === 'function') dialog.showModal(); else dialog.setAttribute('open', '');
  } catch (e) {
    showError(e.message);
  }
}

// ---- talking to the API ----

async function api(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw new Error((body && body.error) || `${res.status} ${res.statusText}`);
  return body;
}

function contextParams() {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  state.filters.forEach((f) => p.append('filter', f));
  state.excludes.forEach((f) => p.append('exclude', f));
  return p;
}

function showError(message) {
  const box = $('#error');
  box.textContent = message;
  box.hidden = !message;
}

let generation = 0;
async function run() {
  const mine = ++generation;
  $('#q').value = state.q;
  $('#sort').value = state.sort;
  const p = contextParams();
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  p.set('offset', String((state.page - 1) * PAGE_SIZE));
  p.set('limit', String(PAGE_SIZE));
  for (const { field } of FACETS) p.append('facet', `${field}:${state.more.includes(field) ? FACET_MORE : FACET_SIZE}`);
  // auto: the server picks days, weeks, months or years from the matches' dates
  const histogram = `date:${state.granularity}`;
  p.append('facet', histogram);
  if (state.q || state.filters.length || state.excludes.length) {
    p.append('related', 'person:8');
    p.append('related', 'org:8');
    p.set('related_min_count', '2');
  }
  document.body.setAttribute('aria-busy', 'true');
  try {
    const data = await api(`/api/search?${p}`);
    if (mine !== generation) return; // a newer search is under way
    showError('');
    renderSummary(data);
    renderActive();
    renderHistogram(data.facets[histogram]);
    renderRelated(data.related);
    renderResults(data);
    renderPager(data);
    renderFacets(data.facets);
    document.title = state.q ? `${state.q} – News search` : 'News search';
  } catch (e) {
    if (mine !== generation) return;
    showError(e.message);
  } finally {
    if (mine === generation) document.body.removeAttribute('aria-busy');
  }
}

// ---- wiring ----

document.addEventListener('DOMContentLoaded', () => {
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    go({ q: $('#q').value.trim() });
  });
  $('#sort').addEventListener('change', (e) => go({ sort: e.target.value }));
  $('#granularity').addEventListener('change', (e) => go({ granularity: e.target.value }, { resetPage: false }));
  document.addEventListener('keydown', (e) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (e.key === '/' && !typing) { e.preventDefault(); $('#q').focus(); $('#q').select(); return; }
    if (e.key === 'Escape' && document.activeElement === $('#q')) { $('#q').blur(); return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const hits = [...document.querySelectorAll('#results .hit')];
    const at = hits.indexOf(document.activeElement.closest && document.activeElement.closest('.hit'));
    if (e.key === 'j' && hits.length) { hits[Math.min(at + 1, hits.length - 1)].querySelector('a.title').focus(); }
    else if (e.key === 'k' && hits.length) { hits[Math.max(at - 1, 0)].querySelector('a.title').focus(); }
    else if (e.key === 'n') { const b = $('#pager [data-rel="next"]'); if (b && !b.disabled) b.click(); }
    else if (e.key === 'p') { const b = $('#pager [data-rel="prev"]'); if (b && !b.disabled) b.click(); }
  });
  run();
});
