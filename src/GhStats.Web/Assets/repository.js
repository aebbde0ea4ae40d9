// Repository: views and clones per day, week or month; referrers and popular content; stars and forks; CSV.
import { api, apiBase, el, fill, say, formatNumber, rangePicker, lineChart } from './ghstats.js';

const root = document.getElementById('repository');
const id = root.dataset.repoId;
const status = document.getElementById('repository-status');
const per = document.getElementById('per');
const charts = {};
let range;

const na = (value) => (value === null || value === undefined ? 'n/a' : formatNumber(value));

function chart(name, labels, datasets) {
  charts[name]?.destroy();
  charts[name] = lineChart(document.getElementById(`${name}-chart`), labels, datasets);
}

/** One line per name (the top few by rank), valued at each capture date. */
function history(snapshots, key, names) {
  const dates = [...new Set(snapshots.map((s) => s.capturedOn))].sort();
  const datasets = names.map((name) => {
    const byDate = new Map(snapshots.filter((s) => s[key] === name).map((s) => [s.capturedOn, s.views]));
    return { label: name, data: dates.map((d) => byDate.get(d) ?? null) };
  });
  return { dates, datasets };
}

function links(wanted) {
  const query = `from=${wanted.from}&to=${wanted.to}`;
  document.getElementById('csv-traffic').href = `${apiBase}/repos/${id}/traffic.csv?${query}&per=${per.value}`;
  document.getElementById('csv-referrers').href = `${apiBase}/repos/${id}/referrers.csv?${query}`;
  document.getElementById('csv-paths').href = `${apiBase}/repos/${id}/paths.csv?${query}`;
}

async function loadTraffic(wanted) {
  const traffic = await api(`/repos/${id}/traffic?from=${wanted.from}&to=${wanted.to}&per=${per.value}`);
  const points = traffic.points;
  chart('traffic', points.map((p) => p.date), [
    { label: 'Views', data: points.map((p) => p.views) },
    { label: 'Unique visitors', data: points.map((p) => p.uniqueViews), dashed: true },
    { label: 'Clones', data: points.map((p) => p.clones) },
    { label: 'Unique cloners', data: points.map((p) => p.uniqueClones), dashed: true },
  ]);
  const table = document.getElementById('traffic-table');
  fill(document.getElementById('traffic-caption'), `Views and clones per ${traffic.per}, ${traffic.from} to ${traffic.to}`);
  fill(table.querySelector('tbody'), points.length === 0
    ? el('tr', {}, el('td', { colspan: 5 }, 'No traffic collected in this range.'))
    : points.map((p) => el('tr', {},
      el('th', { scope: 'row' }, p.date),
      el('td', { class: 'num' }, formatNumber(p.views)),
      el('td', { class: 'num' }, na(p.uniqueViews)),
      el('td', { class: 'num' }, formatNumber(p.clones)),
      el('td', { class: 'num' }, na(p.uniqueClones)))));
  const totals = traffic.totals;
  fill(table.querySelector('tfoot'), el('tr', {},
    el('th', { scope: 'row' }, 'Total'),
    el('td', { class: 'num', id: 'total-views' }, formatNumber(totals.views)),
    el('td', { class: 'num' }, `busiest day ${formatNumber(totals.peakDailyUniqueViews)}`),
    el('td', { class: 'num', id: 'total-clones' }, formatNumber(totals.clones)),
    el('td', { class: 'num' }, `busiest day ${formatNumber(totals.peakDailyUniqueClones)}`)));
}

async function loadReferrers(wanted) {
  const referrers = await api(`/repos/${id}/referrers?from=${wanted.from}&to=${wanted.to}`);
  fill(document.querySelector('#referrers-table tbody'), referrers.top.length === 0
    ? el('tr', {}, el('td', { colspan: 4 }, 'No referrers captured in this range.'))
    : referrers.top.map((r) => el('tr', {},
      el('th', { scope: 'row', class: 'text' }, r.referrer),
      el('td', { class: 'num' }, formatNumber(r.views)),
      el('td', { class: 'num' }, formatNumber(r.uniqueViews)),
      el('td', {}, r.lastSeen))));
  const { dates, datasets } = history(referrers.history, 'referrer', referrers.top.slice(0, 5).map((r) => r.referrer));
  chart('referrers', dates, datasets);
}

async function loadPaths(wanted) {
  const paths = await api(`/repos/${id}/paths?from=${wanted.from}&to=${wanted.to}`);
  fill(document.querySelector('#paths-table tbody'), paths.top.length === 0
    ? el('tr', {}, el('td', { colspan: 5 }, 'No popular content captured in this range.'))
    : paths.top.map((p) => el('tr', {},
      el('th', { scope: 'row', class: 'text' }, p.path),
      el('td', { class: 'text' }, p.title),
      el('td', { class: 'num' }, formatNumber(p.views)),
      el('td', { class: 'num' }, formatNumber(p.uniqueViews)),
      el('td', {}, p.lastSeen))));
  const { dates, datasets } = history(paths.history, 'path', paths.top.slice(0, 5).map((p) => p.path));
  chart('paths', dates, datasets);
}

async function loadStats(wanted) {
  const stats = await api(`/repos/${id}/stats?from=${wanted.from}&to=${wanted.to}`);
  const points = stats.points;
  chart('stats', points.map((p) => p.date), [
    { label: 'Stars', data: points.map((p) => p.stars) },
    { label: 'Forks', data: points.map((p) => p.forks) },
    { label: 'Watchers', data: points.map((p) => p.watchers) },
  ]);
  fill(document.querySelector('#stats-table tbody'), points.map((p) => el('tr', {},
    el('th', { scope: 'row' }, p.date),
    el('td', { class: 'num' }, formatNumber(p.stars)),
    el('td', { class: 'num' }, formatNumber(p.forks)),
    el('td', { class: 'num' }, formatNumber(p.watchers)),
    el('td', { class: 'num' }, formatNumber(p.openIssues)))));
}

async function load(wanted) {
  say(status, 'Loading…');
  links(wanted);
  try {
    await Promise.all([loadTraffic(wanted), loadReferrers(wanted), loadPaths(wanted), loadStats(wanted)]);
    say(status, '');
  } catch (error) {
    say(status, error.message, 'error');
  }
}

range = rangePicker(load);
per.addEventListener('change', () => load(range()));
load(range());
