// Overview: every repository the caller may see, with the range's totals and a sparkline of daily views.
import {
  api, el, fill, say, formatNumber, formatDate, formatDay, rangePicker, sortable, sparkline, prefix, horizonBadge, horizonDay, statusName, t, tn,
} from './ghstats.js';
import { changeText, previousText, trendOf } from './trend.js';

const table = document.getElementById('overview-table');
const tbody = table.querySelector('tbody');
const status = document.getElementById('overview-status');
const filter = document.getElementById('filter');
const tenant = document.getElementById('tenant');
let rows = [];
const selected = new Set();
let range;
let generation = 0;

const visible = () => {
  const text = filter.value.trim().toLowerCase();
  return text ? rows.filter((row) => row.fullName.toLowerCase().includes(text)) : rows;
};

function render() {
  const shown = visible();
  fill(tbody, shown.map((row) => el('tr', { 'data-repo-id': row.repoId },
    el('td', {}, el('input', {
      type: 'checkbox', 'aria-label': t('compareRepository', { name: row.fullName }), checked: selected.has(row.repoId),
      onchange: (event) => { if (event.target.checked) selected.add(row.repoId); else selected.delete(row.repoId); },
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
    fill(tbody, el('tr', {}, el('td', { colspan: 11 }, t('noRepositories'))));
  }
  say(status, rows.length === 0 ? '' : tn('shownOf', rows.length, { shown: shown.length }));
  observeSparklines();
}

const draw = sortable(table, () => rows, render, { key: 'views', descending: true });

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

async function load(wanted) {
  const current = ++generation;
  say(status, t('loading'));
  const query = new URLSearchParams({ from: wanted.from, to: wanted.to });
  if (tenant?.value) query.set('tenant', tenant.value);
  try {
    const summary = await api(`/traffic/summary?${query}`);
    if (current !== generation) return;
    // Sorting by "Daily reads" puts the oldest read first when descending.
    rows = summary.repositories.map((row) => ({
      ...row, daysSinceRead: row.horizon?.daysSinceRead, viewsChange: row.previous?.viewsChange ?? null,
    }));
    wantedRange = wanted;
    fill(document.getElementById('overview-caption'), t('captionRange', { from: formatDay(summary.from), to: formatDay(summary.to) }));
    draw();
  } catch (error) {
    say(status, error.message, 'error');
  }
}

/** Opens the compare page with the ticked repositories and this page's range; they must share one tenant. */
function compareSelected() {
  const picked = rows.filter((row) => selected.has(row.repoId));
  const tenants = [...new Set(picked.map((row) => row.tenant))];
  if (picked.length === 0 || picked.length > 10 || tenants.length !== 1) {
    say(status, picked.length === 0 ? t('tickFirst')
      : picked.length > 10 ? tn('tooManyTicked', picked.length, { most: 10 })
        : t('tickedTenantsDiffer'), 'error');
    return;
  }
  const query = new URLSearchParams(location.search);
  query.delete('tenant');
  query.set('tenant', tenants[0]);
  query.set('repos', picked.map((row) => row.repoId).join(','));
  location.assign(`${prefix}/compare?${query}`);
}

document.getElementById('compare-selected').addEventListener('click', compareSelected);
range = rangePicker(load);
filter.addEventListener('input', render);
tenant?.addEventListener('change', () => load(range()));
load(range());
