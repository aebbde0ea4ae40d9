// Overview: the repositories the caller may see, a page at a time, sorted and filtered by the server (a tenant can have
// thousands), with the range's totals, a sparkline of daily views, and headline figures over every matching repository.
// What is shown (sort, order, page, name filter, tenant) lives in the address, so links and back/forward keep it.
import {
  api, el, fill, say, formatDate, formatDay, formatNumber, rangePicker, sparkline, prefix, horizonBadge, horizonDay, statusName, t, tn, tParts,
} from './ghstats.js';
import { changeText, previousText, trendOf } from './trend.js';

const pageSize = 50;
const table = document.getElementById('overview-table');
const tbody = table.querySelector('tbody');
const status = document.getElementById('overview-status');
const headline = document.getElementById('overview-headline');
const filter = document.getElementById('filter');
const tenant = document.getElementById('tenant');
const previousPage = document.getElementById('page-previous');
const nextPage = document.getElementById('page-next');
const position = document.getElementById('page-position');
const headers = [...table.querySelectorAll('th[data-sort]')];
let rows = [];
let matching = 0;
// Ticked repositories stay ticked across pages: id -> tenant slug.
const selected = new Map();
let range;
let generation = 0;

/** The order a column sorts in when nothing says otherwise: a number column largest first. */
function defaultOrder(sort) {
  return headers.find((th) => th.dataset.sort === sort)?.dataset.type === 'number' ? 'desc' : 'asc';
}

/** What the address asks for. */
function stateFromAddress() {
  const query = new URLSearchParams(location.search);
  const sort = headers.some((th) => th.dataset.sort === query.get('sort')) ? query.get('sort') : 'views';
  const order = ['asc', 'desc'].includes(query.get('order')) ? query.get('order') : defaultOrder(sort);
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  return { sort, order, page, name: query.get('name') ?? '', tenant: query.get('tenant') ?? '' };
}

let state = stateFromAddress();

/**
 * Writes the state into the address: a new history entry for a sort or page, the same one while typing a filter.
 * What is the default stays out of it, so the overview opened plainly keeps its plain address.
 */
function writeAddress(push) {
  const query = new URLSearchParams(location.search);
  if (state.sort !== 'views') query.set('sort', state.sort); else query.delete('sort');
  if (state.order !== defaultOrder(state.sort)) query.set('order', state.order); else query.delete('order');
  if (state.page > 1) query.set('page', String(state.page)); else query.delete('page');
  if (state.name) query.set('name', state.name); else query.delete('name');
  if (state.tenant) query.set('tenant', state.tenant); else query.delete('tenant');
  const search = query.toString();
  const address = search ? `${location.pathname}?${search}` : location.pathname;
  if (push) history.pushState(null, '', address); else history.replaceState(null, '', address);
}

function showState() {
  filter.value = state.name;
  if (tenant) tenant.value = state.tenant;
  for (const th of headers) {
    th.setAttribute('aria-sort', th.dataset.sort === state.sort ? (state.order === 'desc' ? 'descending' : 'ascending') : 'none');
  }
}

function render() {
  fill(tbody, rows.map((row) => el('tr', { 'data-repo-id': row.repoId },
    el('td', {}, el('input', {
      type: 'checkbox', 'aria-label': t('compareRepository', { name: row.fullName }), checked: selected.has(row.repoId),
      onchange: (event) => { if (event.target.checked) selected.set(row.repoId, row.tenant); else selected.delete(row.repoId); },
    })),
    el('th', { scope: 'row', class: 'text' }, el('a', { href: `${prefix}/repos/${row.repoId}`, translate: 'no' }, row.fullName)),
    el('td', { class: 'num', 'data-field': 'views' }, formatNumber(row.views)),
    el('td', {
      class: 'num', 'data-field': 'viewsChange', 'data-trend': trendOf(row.previous, 'views'), title: previousText(row.previous, 'views') || undefined,
    }, changeText(row.previous, 'views', row.views)),
    el('td', { class: 'num', 'data-field': 'uniqueViews' }, formatNumber(row.peakDailyUniqueViews)),
    el('td', { class: 'num', 'data-field': 'clones' }, formatNumber(row.clones)),
    el('td', { class: 'num', 'data-field': 'uniqueClones' }, formatNumber(row.peakDailyUniqueClones)),
    el('td', { class: 'num', 'data-field': 'stars' }, row.stars === null ? '–' : formatNumber(row.stars)),
    el('td', { class: 'spark-cell' }, row.spark ?? ''),
    el('td', { 'data-field': 'horizon', 'data-state': row.horizon?.state }, row.horizon
      ? [horizonBadge(row.horizon), ' ', horizonDay(row.horizon)] : '–'),
    el('td', {}, row.lastStatus ? el('span', { class: `badge ${row.lastStatus === 'ok' ? 'ok' : 'failed'}` }, statusName(row.lastStatus)) : t('neverCollected'),
      row.lastCollectedAt ? el('span', { class: 'muted' }, ' ', formatDate(row.lastCollectedAt)) : ''),
  )));
  if (rows.length === 0) {
    fill(tbody, el('tr', {}, el('td', { colspan: 11 }, state.name
      ? tParts('noMatch', { name: el('span', { translate: 'no' }, state.name) })
      : t('noRepositories'))));
  }
  const first = (state.page - 1) * pageSize;
  fill(position, matching === 0 ? '' : t('pagePosition', { first: first + 1, last: first + rows.length, total: matching }));
  previousPage.disabled = state.page <= 1;
  nextPage.disabled = first + rows.length >= matching;
  observeSparklines();
}

// Sparklines cost one series request each, so only rows that scroll into view ask for theirs, four at a time.
const waiting = [];
let running = 0;
let wantedRange;
const observer = new IntersectionObserver((entries) => {
  for (const entry of entries.filter((e) => e.isIntersecting)) {
    observer.unobserve(entry.target);
    waiting.push(Number(entry.target.closest('tr').dataset.repoId));
  }
  drain();
});

function drain() {
  while (running < 4 && waiting.length > 0) {
    const id = waiting.shift();
    const row = rows.find((r) => r.repoId === id);
    if (row && row.spark === undefined) {
      running += 1;
      loadSparkline(row, generation, wantedRange).finally(() => { running -= 1; drain(); });
    }
  }
}

async function loadSparkline(row, current, wanted) {
  row.spark = null;
  try {
    const series = await api(`/repos/${row.repoId}/traffic?from=${wanted.from}&to=${wanted.to}&per=day`);
    if (current !== generation) return;
    row.spark = sparkline(series.points.map((p) => p.views), t('dailyViewsOf', { name: row.fullName }));
    const cell = tbody.querySelector(`tr[data-repo-id="${row.repoId}"] .spark-cell`);
    if (cell) fill(cell, row.spark);
  } catch {
    row.spark = '';
  }
}

function observeSparklines() {
  observer.disconnect();
  waiting.length = 0;
  for (const cell of tbody.querySelectorAll('tr[data-repo-id] .spark-cell')) {
    const row = rows.find((r) => r.repoId === Number(cell.closest('tr').dataset.repoId));
    if (row && row.spark === undefined) observer.observe(cell);
  }
}

/** Asks the server for the state's page; the rows shown stay until the new ones arrive, so nothing jumps meanwhile. */
async function load() {
  const current = ++generation;
  const wanted = range();
  showState();
  say(status, t('loading'));
  table.setAttribute('aria-busy', 'true');
  const query = new URLSearchParams({
    from: wanted.from, to: wanted.to, sort: state.sort, order: state.order, offset: String((state.page - 1) * pageSize), limit: String(pageSize),
  });
  if (state.tenant) query.set('tenant', state.tenant);
  if (state.name) query.set('name', state.name);
  try {
    const summary = await api(`/traffic/summary?${query}`);
    if (current !== generation) return;
    if (summary.repositories.length === 0 && summary.matching > 0 && state.page > 1) {
      // A page past the end (an old link, a narrower filter): show the last one instead.
      state.page = Math.ceil(summary.matching / pageSize);
      writeAddress(false);
      load();
      return;
    }
    rows = summary.repositories;
    matching = summary.matching;
    wantedRange = wanted;
    fill(document.getElementById('overview-caption'), t('captionRange', { from: formatDay(summary.from), to: formatDay(summary.to) }));
    const totals = summary.totals;
    fill(headline, tn('headline', totals.repositories, { views: totals.views, clones: totals.clones, stars: totals.stars }));
    render();
    say(status, '');
  } catch (error) {
    if (current === generation) say(status, error.message, 'error');
  } finally {
    if (current === generation) table.removeAttribute('aria-busy');
  }
}

/** Moves to another view of the rows: a new history entry, then the server's page. */
function go(change, push = true) {
  state = { ...state, ...change };
  writeAddress(push);
  load();
}

for (const th of headers) {
  th.querySelector('button').addEventListener('click', () => {
    const order = th.dataset.sort === state.sort
      ? (state.order === 'desc' ? 'asc' : 'desc')
      : defaultOrder(th.dataset.sort);
    go({ sort: th.dataset.sort, order, page: 1 });
  });
}
previousPage.addEventListener('click', () => go({ page: Math.max(1, state.page - 1) }));
nextPage.addEventListener('click', () => go({ page: state.page + 1 }));

// Typing filters after a pause; the address follows without a history entry per key.
let typing;
filter.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => go({ name: filter.value.trim(), page: 1 }, false), 250);
});
tenant?.addEventListener('change', () => go({ tenant: tenant.value, page: 1 }));
window.addEventListener('popstate', () => {
  state = stateFromAddress();
  load();
});

/** Opens the compare page with the ticked repositories and this page's range; they must share one tenant. */
function compareSelected() {
  const tenants = [...new Set(selected.values())];
  if (selected.size === 0 || selected.size > 10 || tenants.length !== 1) {
    say(status, selected.size === 0 ? t('tickFirst')
      : selected.size > 10 ? tn('tooManyTicked', selected.size, { most: 10 })
        : t('tickedTenantsDiffer'), 'error');
    return;
  }
  const query = new URLSearchParams(location.search);
  for (const name of ['sort', 'order', 'page', 'name']) query.delete(name);
  query.set('tenant', tenants[0]);
  query.set('repos', [...selected.keys()].join(','));
  location.assign(`${prefix}/compare?${query}`);
}

document.getElementById('compare-selected').addEventListener('click', compareSelected);
range = rangePicker(() => go({ page: 1 }, false));
if (tenant && ![...tenant.options].some((o) => o.value === state.tenant)) state.tenant = '';
writeAddress(false);
load();
