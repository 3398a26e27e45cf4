import { apiFetch, feedUrl, safeHref } from './key.js';

// The analyst page: plain ES module, no build step. Every article text reaches the DOM as text nodes only
// (textContent / createTextNode); highlight fragments are split on their <mark> tags and decoded, never parsed as HTML.

const TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'FACILITY', 'LAW', 'EVENT', 'MONEY', 'DATE', 'PERCENT', 'MISC'];
const TYPE_LABEL = { PERSON: 'People', ORGANIZATION: 'Organizations', LOCATION: 'Places', FACILITY: 'Facilities',
  LAW: 'Laws', EVENT: 'Events', MONEY: 'Money', DATE: 'Dates', PERCENT: 'Percentages', MISC: 'Other' };
const PAGE_SIZE = 20;

const $ = (id) => document.getElementById(id);
const state = { q: '', entity: [], type: [], source: [], from: '', to: '', sort: '', collapse: false, story: '',
  cursors: [null], page: 0 };
const names = new Map(); // entity id -> name, for filter chips

/** Creates an element; children are nodes or strings (strings become text nodes, never markup). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x2F;': '/', '&#39;': "'", '&amp;': '&' };
function decode(text) {
  return text.replace(/&(lt|gt|quot|amp|#x27|#x2F|#39);/g, (m) => ENTITIES[m]);
}

/** A highlight fragment (escaped text + <mark> tags) as DOM: text nodes and <mark> elements only. */
function highlighted(fragment) {
  const out = document.createDocumentFragment();
  const parts = fragment.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (!part) continue;
    const text = decode(part);
    out.append(marked ? el('mark', {}, text) : document.createTextNode(text));
  }
  return out;
}

function params(extra = {}) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  state.entity.forEach((e) => p.append('entity', e));
  state.type.forEach((t) => p.append('type', t));
  state.source.forEach((s) => p.append('source', s));
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort) p.set('sort', state.sort);
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) p.set(k, v);
  return p;
}

async function getJson(url) {
  const response = await apiFetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const details = Array.isArray(body.details) ? body.details.join('; ') : '';
    throw new Error((body.error || `HTTP ${response.status}`) + (details ? `: ${details}` : ''));
  }
  return body;
}

function syncUrl() {
  const p = params();
  $('feed-link').href = `/feeds/search.atom?${p}`;
  if (state.collapse) p.set('collapse', 'story');
  if (state.story) p.set('story', state.story);
  history.replaceState(null, '', p.toString() ? `/?${p}` : '/');
}

async function search({ resetPaging = true } = {}) {
  if (resetPaging) { state.cursors = [null]; state.page = 0; }
  syncUrl();
  renderFilters();
  const cursor = state.cursors[state.page];
  const firstPage = state.page === 0;
  $('status').textContent = 'Searching…';
  try {
    const result = await getJson(`/api/search?${params({ size: PAGE_SIZE, cursor, facets: firstPage ? 'true' : 'false',
      collapse: state.collapse ? 'story' : null })}`);
    const total = result.total;
    const stories = result.hits.length;
    $('status').textContent = total === 0 ? 'No article matches.'
      : state.collapse ? `${total} article${total === 1 ? '' : 's'} in ${stories} ${stories === 1 ? 'story' : 'stories'} shown`
        : `${total} article${total === 1 ? '' : 's'} · page ${state.page + 1}`;
    renderResults(result.hits);
    if (firstPage) { renderFacets(result.facets); renderChart(result.facets); }
    state.cursors[state.page + 1] = result.nextCursor || undefined;
    $('next').disabled = !result.nextCursor;
    $('prev').disabled = state.page === 0;
    $('page-label').textContent = total > PAGE_SIZE && !state.collapse ? `Page ${state.page + 1} of ${Math.ceil(total / PAGE_SIZE)}` : '';
  } catch (e) {
    $('status').textContent = `Search failed — ${e.message}`;
    $('results').replaceChildren();
  }
}

function renderFilters() {
  const chips = [];
  const remove = (list, value) => () => { state[list] = state[list].filter((v) => v !== value); search(); };
  state.entity.forEach((id) => chips.push(el('button', { className: 'filter', type: 'button', 'data-entity': id,
    title: 'Remove this filter', onclick: remove('entity', id) }, `${names.get(id) || id} ✕`)));
  state.type.forEach((t) => chips.push(el('button', { className: 'filter', type: 'button', onclick: remove('type', t) },
    `mentions ${TYPE_LABEL[t] || t} ✕`)));
  state.source.forEach((s) => chips.push(el('button', { className: 'filter', type: 'button', onclick: remove('source', s) },
    `source: ${s} ✕`)));
  $('filters').replaceChildren(...chips);
}

function addFilter(list, value, name) {
  if (name) names.set(value, name);
  if (!state[list].includes(value)) state[list].push(value);
  search();
}

function entityChip(entity, label = entity.name) {
  names.set(entity.id, entity.name);
  return el('span', { className: 'chip' },
    el('button', { type: 'button', className: 'chip-filter', 'data-entity': entity.id, title: `Only articles mentioning ${entity.name}`,
      onclick: () => addFilter('entity', entity.id, entity.name) },
      el('span', { className: 'type-dot', style: `background: var(--${entity.type})` }), label),
    el('button', { type: 'button', className: 'info', 'data-profile': entity.id, title: `Profile of ${entity.name}`,
      'aria-label': `Profile of ${entity.name}`, onclick: () => openProfile(entity.id) }, 'i'));
}

function renderResults(hits) {
  $('results').replaceChildren(...hits.map((hit) => {
    const title = hit.highlights?.title?.[0];
    const date = hit.publishedAt ? new Date(hit.publishedAt).toISOString().slice(0, 10) : '';
    return el('li', { className: 'hit', 'data-id': hit.id },
      el('h3', {}, el('a', { href: safeHref(hit.url), target: '_blank', rel: 'noopener noreferrer' },
        title ? highlighted(title) : hit.title || '(untitled)')),
      el('div', { className: 'meta' }, [hit.source, date].filter(Boolean).join(' · '), storyButton(hit.story)),
      ...(hit.highlights?.body || []).slice(0, 2).map((f) => el('p', { className: 'snippet' }, highlighted(f))),
      el('div', { className: 'chips' }, hit.entities.slice(0, 12).map((e) => entityChip(e))));
  }));
}

/** A hit's story: its article count, opening the story view. */
function storyButton(story) {
  if (!story) return null;
  const articles = `${story.size} article${story.size === 1 ? '' : 's'}`;
  return el('button', { type: 'button', className: 'story-link', 'data-story': story.id, 'data-size': story.size,
    title: 'Open this story', onclick: () => openStory(story.id) },
  state.collapse ? `Story of ${articles}` : `Story · ${articles}`);
}

function renderFacets(facets) {
  if (!facets) return;
  const blocks = [];
  for (const type of TYPES) {
    const list = facets.entities?.[type];
    if (!list || list.length === 0) continue;
    blocks.push(el('section', { 'data-type': type },
      el('h2', {}, TYPE_LABEL[type]),
      list.map((f) => {
        names.set(f.id, f.name);
        return el('button', { type: 'button', className: 'facet', 'data-entity': f.id,
          onclick: () => addFilter('entity', f.id, f.name) },
          el('span', {}, f.name), el('span', { className: 'count' }, f.count));
      })));
  }
  if (facets.sources?.length) {
    blocks.push(el('section', { 'data-type': 'source' }, el('h2', {}, 'Sources'),
      facets.sources.map((s) => el('button', { type: 'button', className: 'facet', 'data-source': s.value,
        onclick: () => addFilter('source', s.value) }, el('span', {}, s.value), el('span', { className: 'count' }, s.count)))));
  }
  $('facets').replaceChildren(...blocks);
}

/** Bars of matching articles per bucket, as inline SVG. */
function barChart(buckets, interval) {
  if (!buckets || buckets.length === 0) return null;
  const svgNs = 'http://www.w3.org/2000/svg';
  const width = 600, height = 90, pad = 14;
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const step = width / buckets.length;
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  const label = `${buckets.reduce((s, b) => s + b.count, 0)} articles by ${interval}`;
  svg.setAttribute('aria-label', label);
  buckets.forEach((b) => {
    const h = Math.round((b.count / max) * (height - pad - 2));
    const rect = document.createElementNS(svgNs, 'rect');
    rect.setAttribute('x', String(buckets.indexOf(b) * step + 1));
    rect.setAttribute('y', String(height - pad - h));
    rect.setAttribute('width', String(Math.max(1, step - 2)));
    rect.setAttribute('height', String(h));
    const tip = document.createElementNS(svgNs, 'title');
    tip.textContent = `${b.date.slice(0, 10)}: ${b.count}`;
    rect.append(tip);
    svg.append(rect);
  });
  for (const [i, anchor] of [[0, 'start'], [buckets.length - 1, 'end']]) {
    const text = document.createElementNS(svgNs, 'text');
    text.setAttribute('x', String(anchor === 'start' ? 1 : width - 1));
    text.setAttribute('y', String(height - 2));
    text.setAttribute('text-anchor', anchor);
    text.textContent = buckets[i].date.slice(0, 10);
    svg.append(text);
  }
  return svg;
}

function renderChart(facets) {
  const svg = barChart(facets?.dates, facets?.dateInterval);
  $('chart').replaceChildren(...(svg ? [svg, el('figcaption', { className: 'visually-hidden' }, svg.getAttribute('aria-label'))] : []));
}

async function openProfile(id) {
  const panel = $('profile');
  $('story').hidden = true;
  panel.hidden = false;
  panel.replaceChildren(el('p', {}, 'Loading…'));
  try {
    const p = await getJson(`/api/entities/${encodeURIComponent(id)}`);
    names.set(p.id, p.name);
    const day = (iso) => (iso ? iso.slice(0, 10) : '—');
    const chart = barChart(p.timeline, p.timelineInterval);
    panel.replaceChildren(
      el('header', {}, el('div', {}, el('h1', { id: 'profile-name' }, p.name), el('div', { className: 'meta' }, `${p.type} · ${p.id}`)),
        el('button', { type: 'button', className: 'close', 'aria-label': 'Close profile', onclick: closeProfile }, '×')),
      el('dl', {},
        el('dt', {}, 'Articles'), el('dd', { id: 'profile-articles' }, p.articleCount),
        el('dt', {}, 'Mentions'), el('dd', {}, p.mentionCount),
        el('dt', {}, 'First seen'), el('dd', {}, day(p.firstSeen)),
        el('dt', {}, 'Last seen'), el('dd', {}, day(p.lastSeen))),
      el('h2', {}, `Mentions over time (by ${p.timelineInterval})`),
      el('div', { className: 'chart' }, chart || ''),
      el('h2', {}, 'Written as'),
      el('ul', {}, p.aliases.map((a) => el('li', {}, `${a.text} (${a.count})`))),
      el('h2', {}, 'Mentioned with'),
      el('div', { className: 'chips' }, p.cooccurring.map((c) => entityChip(c, `${c.name} · ${c.count}`))),
      el('h2', {}, 'Latest articles'),
      el('ul', {}, p.recentArticles.map((a) => el('li', {}, el('a', { href: safeHref(a.url), target: '_blank', rel: 'noopener noreferrer' }, a.title || a.id),
        ` — ${a.source || ''} ${day(a.publishedAt)}`))),
      el('div', { className: 'actions' },
        el('button', { type: 'button', onclick: () => addFilter('entity', p.id, p.name) }, 'Filter by this entity')));
    panel.querySelector('.close').focus();
  } catch (e) {
    panel.replaceChildren(el('p', {}, `Profile unavailable — ${e.message}`),
      el('button', { type: 'button', className: 'close', onclick: closeProfile }, 'Close'));
  }
}

function closeProfile() {
  $('profile').hidden = true;
  $('q').focus();
}

const when = (iso) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');

function storyPanel(...children) {
  $('profile').hidden = true;
  const panel = $('story');
  panel.hidden = false;
  panel.replaceChildren(...children);
  return panel;
}

function storyHeader(title, meta) {
  return el('header', {}, el('div', {}, el('h1', { id: 'story-title' }, title), el('div', { className: 'meta' }, meta)),
    el('button', { type: 'button', className: 'close', 'aria-label': 'Close story', onclick: closeStory }, '×'));
}

/** One story: its articles, outlets, first and last seen, timeline, top entities and what later articles added. */
async function openStory(id) {
  storyPanel(el('p', {}, 'Loading…'));
  try {
    const s = await getJson(`/api/stories/${encodeURIComponent(id)}?limit=200`);
    state.story = s.id;
    syncUrl();
    const headline = s.articles[0]?.title || s.id;
    const panel = storyPanel(storyHeader(headline, `Story ${s.id}`),
      el('dl', {},
        el('dt', {}, 'Articles'), el('dd', { id: 'story-size' }, s.size),
        el('dt', {}, 'Outlets'), el('dd', { id: 'story-outlet-count' }, s.outlets.length),
        el('dt', {}, 'First seen'), el('dd', { id: 'story-first' }, when(s.firstSeen)),
        el('dt', {}, 'Last seen'), el('dd', { id: 'story-last' }, when(s.lastSeen))),
      el('h2', {}, `Timeline (articles per ${s.timeline.interval})`),
      el('div', { className: 'chart', id: 'story-timeline' }, barChart(s.timeline.buckets, s.timeline.interval) || ''),
      el('h2', {}, 'Outlets'),
      el('ul', { id: 'story-outlets' }, s.outlets.map((o) => el('li', { 'data-source': o.source },
        `${o.source} — ${o.articles} article${o.articles === 1 ? '' : 's'}, first ${when(o.firstSeen)}`))),
      el('h2', {}, 'Top entities'),
      el('div', { className: 'chips', id: 'story-entities' }, s.topEntities.map((e) => entityChip(e, `${e.name} · ${e.articles}`))),
      el('h2', {}, 'What later articles added'),
      s.addedEntities.length === 0 ? el('p', { id: 'story-added', className: 'meta' }, 'Nothing: the first article named every entity.')
        : el('ul', { id: 'story-added' }, s.addedEntities.map((a) => el('li', { 'data-entity': a.id },
          `${a.name} (${a.type.toLowerCase()}), from ${when(a.firstSeen)}`))),
      el('h2', {}, s.size > s.articles.length ? `Articles (first ${s.articles.length})` : 'Articles'),
      el('ol', { id: 'story-articles' }, s.articles.map((a) => el('li', { 'data-id': a.id },
        el('span', { className: 'meta' }, [a.source, when(a.publishedAt)].filter(Boolean).join(' · ')),
        el('a', { href: safeHref(a.url), target: '_blank', rel: 'noopener noreferrer' }, a.title || '(untitled)')))),
      el('div', { className: 'actions' },
        el('button', { type: 'button', id: 'story-feed', onclick: () => storyFeed(s.id) }, 'Atom feed of this story')));
    panel.querySelector('.close').focus();
  } catch (e) {
    storyPanel(el('p', {}, `Story unavailable — ${e.message}`),
      el('button', { type: 'button', className: 'close', onclick: closeStory }, 'Close'));
  }
}

/** The stories of the current search (filters as in search), largest first. */
async function listStories() {
  storyPanel(el('p', {}, 'Loading…'));
  try {
    const p = params({ size: 20 });
    p.delete('sort');
    const list = await getJson(`/api/stories?${p}`);
    storyPanel(storyHeader('Stories', `${list.stories.length} largest for this search`),
      el('ol', { id: 'story-list' }, list.stories.map((s) => el('li', {},
        el('button', { type: 'button', className: 'story-item', 'data-story': s.id, onclick: () => openStory(s.id) },
          s.title || s.id),
        el('span', { className: 'meta' }, `${s.size} article${s.size === 1 ? '' : 's'} · ${s.sources} outlet${s.sources === 1 ? '' : 's'}`
          + ` · ${when(s.firstSeen)} to ${when(s.lastSeen)}`)))));
  } catch (e) {
    storyPanel(el('p', {}, `Stories unavailable — ${e.message}`),
      el('button', { type: 'button', className: 'close', onclick: closeStory }, 'Close'));
  }
}

async function storyFeed(id) {
  try {
    prompt('Feed URL of this story for your feed reader (it carries a token for this feed only)',
      await feedUrl(`/feeds/stories/${encodeURIComponent(id)}.atom`));
  } catch (e) {
    $('status').textContent = `Could not make a feed URL: ${e.message}`;
  }
}

function closeStory() {
  $('story').hidden = true;
  state.story = '';
  syncUrl();
  $('q').focus();
}

let suggestTimer;
async function suggest() {
  const box = $('suggestions');
  const words = $('q').value.trim();
  if (words.length < 2) { box.hidden = true; return; }
  try {
    const list = await getJson(`/api/entities?${new URLSearchParams({ prefix: words, size: 6 })}`);
    if (!list.length) { box.hidden = true; return; }
    box.replaceChildren(...list.map((s) => el('button', { type: 'button', role: 'option', 'data-entity': s.id,
      onclick: () => { box.hidden = true; $('q').value = ''; state.q = ''; addFilter('entity', s.id, s.name); } },
      el('span', {}, s.name), el('span', { className: 'count' }, `${s.type.toLowerCase()} · ${s.count}`))));
    box.hidden = false;
  } catch {
    box.hidden = true;
  }
}

function readUrl() {
  const p = new URLSearchParams(location.search);
  state.q = p.get('q') || '';
  state.entity = p.getAll('entity');
  state.type = p.getAll('type');
  state.source = p.getAll('source');
  state.from = p.get('from') || '';
  state.to = p.get('to') || '';
  state.sort = p.get('sort') || '';
  state.collapse = p.get('collapse') === 'story';
  state.story = p.get('story') || '';
  $('collapse').checked = state.collapse;
  $('q').value = state.q;
  $('from').value = state.from;
  $('to').value = state.to;
  $('sort').value = state.sort;
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  $('suggestions').hidden = true;
  state.q = $('q').value.trim();
  state.from = $('from').value;
  state.to = $('to').value;
  state.sort = $('sort').value;
  search();
});
$('collapse').addEventListener('change', () => { state.collapse = $('collapse').checked; search(); });
$('list-stories').addEventListener('click', listStories);
$('q').addEventListener('input', () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 200); });
$('next').addEventListener('click', () => { state.page += 1; search({ resetPaging: false }); window.scrollTo(0, 0); });
$('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); search({ resetPaging: false }); });
document.addEventListener('keydown', (event) => {
  const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement?.tagName);
  if (event.key === '/' && !typing) { event.preventDefault(); $('q').focus(); $('q').select(); }
  if (event.key === 'Escape') {
    $('suggestions').hidden = true;
    if (!$('profile').hidden) closeProfile();
    if (!$('story').hidden) closeStory();
  }
});

// A feed reader cannot send the key: the link asks for a token-carrying URL of this very feed to copy.
$('feed-link').addEventListener('click', async (event) => {
  event.preventDefault();
  const link = new URL($('feed-link').href);
  try {
    prompt('Feed URL for your feed reader (it carries a token for this feed only; revoke it under /api/feed-tokens)',
      await feedUrl(link.pathname + link.search));
  } catch (e) {
    $('status').textContent = `Could not make a feed URL: ${e.message}`;
  }
});
readUrl();
search();
if (state.story) openStory(state.story);
