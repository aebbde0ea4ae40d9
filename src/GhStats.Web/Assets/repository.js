// Repository: views and clones per day, week or month; referrers and popular content; stars and forks; CSV.
import {
  api, apiBase, el, fill, say, formatDay, formatNumber, rangePicker, lineChart, coverageChart, horizonBadge, horizonText, t, tn,
} from './ghstats.js';
import { withStarBackfill, starBackfillNote } from './star-history.js';
import { loadDownloads } from './downloads.js';
import { loadMarkers, showNotes, noteForm } from './annotations.js';
import { changeText, previousText, trendOf } from './trend.js';
import {
  coverageOf, describe, trafficRow, coverageSentence, trafficSeries, partialLabel,
} from './coverage.js';

const root = document.getElementById('repository');
const id = root.dataset.repoId;
const status = document.getElementById('repository-status');
const per = document.getElementById('per');
const charts = {};
let range;
let markers = [];

function chart(name, labels, datasets) {
  charts[name]?.destroy();
  charts[name] = lineChart(document.getElementById(`${name}-chart`), labels, datasets, { markers });
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
  const { points } = traffic;
  const unit = traffic.per;
  const coverage = points.map(coverageOf);
  charts.traffic?.destroy();
  charts.traffic = coverageChart(document.getElementById('traffic-chart'), points.map((p) => p.date), trafficSeries(points), {
    gaps: coverage.map((c) => !c.known),
    partial: coverage.map((c) => c.known && c.partial),
    partialLabel: partialLabel(unit),
    describe: (index) => describe(points[index], unit),
  }, { markers, per: unit });
  const sentence = coverageSentence(traffic);
  fill(document.getElementById('traffic-coverage'), sentence);
  const what = t({ day: 'repoTrafficPerDay', week: 'repoTrafficPerWeek' }[unit] ?? 'repoTrafficPerMonth', { from: formatDay(traffic.from), to: formatDay(traffic.to) });
  document.getElementById('traffic-chart').setAttribute('aria-label', t('repoChartLabel', { what, sentence }));
  const table = document.getElementById('traffic-table');
  fill(document.getElementById('traffic-caption'), what);
  fill(table.querySelector('tbody'), points.length === 0
    ? el('tr', {}, el('td', { colspan: 5 }, t('repoNoDays')))
    : points.map((p) => trafficRow(p, unit)));
  const { totals } = traffic;
  fill(table.querySelector('tfoot'), el('tr', {},
    el('th', { scope: 'row' }, t('repoTotal'), el('span', { class: 'coverage-of', id: 'total-days' },
      tn('repoTotalDays', totals.days, { known: totals.knownDays, partial: totals.partialDays }))),
    el('td', { class: 'num', id: 'total-views' }, formatNumber(totals.views)),
    el('td', { class: 'num' }, t('repoBusiestDay', { value: totals.peakDailyUniqueViews })),
    el('td', { class: 'num', id: 'total-clones' }, formatNumber(totals.clones)),
    el('td', { class: 'num' }, t('repoBusiestDay', { value: totals.peakDailyUniqueClones }))),
  changeRow(traffic));
}

/** The totals against the previous period of the same length, in words. */
function changeRow(traffic) {
  const { previous, totals } = traffic;
  const change = (key) => el('td', { class: 'num', id: `change-${key}`, 'data-trend': trendOf(previous, key) },
    changeText(previous, key, totals[key]), el('span', { class: 'coverage-of' }, previousText(previous, key)));
  return el('tr', {},
    el('th', { scope: 'row' }, t('repoChangeVsPrevious')),
    change('views'), el('td', {}), change('clones'), el('td', {}));
}

/** The repository's data-loss horizon, in words: fine, at risk or losing days, and its last successful daily read. */
async function loadHorizon() {
  const repository = await api(`/repos/${id}`);
  const { horizon } = repository;
  const box = document.getElementById('repository-horizon');
  if (!horizon) {
    fill(box, '');
    return;
  }
  const consequence = { fine: 'repoHorizonFine', atRisk: 'repoHorizonAtRisk', losingDays: 'repoHorizonLosingDays' }[horizon.state];
  fill(box, el('strong', {}, t('repoCollection')), ' ', horizonBadge(horizon), ' ', horizonText(horizon), consequence ? t(consequence) : '');
  box.dataset.state = horizon.state;
}

async function loadReferrers(wanted) {
  const referrers = await api(`/repos/${id}/referrers?from=${wanted.from}&to=${wanted.to}`);
  fill(document.querySelector('#referrers-table tbody'), referrers.top.length === 0
    ? el('tr', {}, el('td', { colspan: 4 }, t('repoNoReferrers')))
    : referrers.top.map((r) => el('tr', {},
      el('th', { scope: 'row', class: 'text', translate: 'no' }, r.referrer),
      el('td', { class: 'num' }, formatNumber(r.views)),
      el('td', { class: 'num' }, formatNumber(r.uniqueViews)),
      el('td', {}, el('time', { datetime: r.lastSeen }, formatDay(r.lastSeen))))));
  const { dates, datasets } = history(referrers.history, 'referrer', referrers.top.slice(0, 5).map((r) => r.referrer));
  chart('referrers', dates, datasets);
}

async function loadPaths(wanted) {
  const paths = await api(`/repos/${id}/paths?from=${wanted.from}&to=${wanted.to}`);
  fill(document.querySelector('#paths-table tbody'), paths.top.length === 0
    ? el('tr', {}, el('td', { colspan: 5 }, t('repoNoPaths')))
    : paths.top.map((p) => el('tr', {},
      el('th', { scope: 'row', class: 'text', translate: 'no' }, p.path),
      el('td', { class: 'text', translate: 'no' }, p.title),
      el('td', { class: 'num' }, formatNumber(p.views)),
      el('td', { class: 'num' }, formatNumber(p.uniqueViews)),
      el('td', {}, el('time', { datetime: p.lastSeen }, formatDay(p.lastSeen))))));
  const { dates, datasets } = history(paths.history, 'path', paths.top.slice(0, 5).map((p) => p.path));
  chart('paths', dates, datasets);
}

async function loadStats(wanted) {
  const [stats, stars] = await Promise.all([
    api(`/repos/${id}/stats?from=${wanted.from}&to=${wanted.to}`),
    api(`/repos/${id}/star-history?from=${wanted.from}&to=${wanted.to}`),
  ]);
  const points = stats.points;
  const backfill = withStarBackfill(points, stars);
  chart('stats', backfill.dates, [
    { label: t('coverageStars'), data: backfill.pad(points.map((p) => p.stars)) },
    { label: t('repoForks'), data: backfill.pad(points.map((p) => p.forks)) },
    { label: t('repoWatchers'), data: backfill.pad(points.map((p) => p.watchers)) },
    backfill.dataset,
  ]);
  fill(document.querySelector('#stats-table tbody'), [...backfill.rows, ...points.map((p) => el('tr', {},
    el('th', { scope: 'row' }, el('time', { datetime: p.date }, formatDay(p.date))),
    el('td', { class: 'num' }, formatNumber(p.stars)),
    el('td', { class: 'num' }, formatNumber(p.forks)),
    el('td', { class: 'num' }, formatNumber(p.watchers)),
    el('td', { class: 'num' }, formatNumber(p.openIssues))))]);
  const note = document.getElementById('star-history-note');
  note.textContent = starBackfillNote(stars);
  note.dataset.state = stars.state;
}

async function load(wanted) {
  say(status, t('loading'));
  links(wanted);
  try {
    markers = await loadMarkers(id, wanted);
    showNotes(id, markers, () => load(range()));
    await Promise.all([loadHorizon(), loadTraffic(wanted), loadReferrers(wanted), loadPaths(wanted), loadStats(wanted), loadDownloads(id, wanted)]);
    say(status, '');
  } catch (error) {
    say(status, error.message, 'error');
  }
}

// Badges: the toggle (owners) and the Markdown to copy, built from this page's own absolute address.
const badges = document.getElementById('badges');
// The badges themselves stay English (an image in a README is the same for every reader); the page names them in its language.
const badgeMetrics = [
  { metric: 'views', name: t('coverageViews') },
  { metric: 'uniques', name: t('repoBadgeUniques') },
  { metric: 'clones', name: t('coverageClones') },
  { metric: 'stars', name: t('coverageStars') },
  { metric: 'downloads', name: t('repoBadgeDownloads') },
];

function badgeRows() {
  const days = document.getElementById('badges-days').value;
  const base = new URL(`${badges.dataset.badgesBase}/`, window.location.href);
  fill(document.getElementById('badges-list'), badgeMetrics.map(({ metric, name }, index) => {
    const address = new URL(`${metric}.svg?days=${encodeURIComponent(days)}`, base).href;
    const markdown = `![${metric}](${address})`;
    const field = `badge-markdown-${index}`;
    const copy = el('button', { type: 'button', class: 'button', 'aria-describedby': field }, t('repoBadgeCopy', { name }));
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(markdown);
        say(document.getElementById('badges-status'), t('repoBadgeCopied', { name }), 'ok');
      } catch {
        document.getElementById(field).select();
        say(document.getElementById('badges-status'), t('repoBadgeCopyRefused'), 'error');
      }
    });
    return el('li', {},
      el('label', { for: field }, name),
      el('div', { class: 'badge-row' },
        el('img', { src: address, alt: t('repoBadgePreview', { name }), height: '20' }),
        el('input', { type: 'text', id: field, readonly: '', value: markdown }),
        copy));
  }));
}

function showBadges(enabled) {
  document.getElementById('badges-copy').hidden = !enabled;
  if (enabled) {
    badgeRows();
  }
}

if (badges) {
  document.getElementById('badges-days').addEventListener('change', badgeRows);
  const toggle = document.getElementById('badges-enabled');
  toggle?.addEventListener('change', async () => {
    const wanted = toggle.checked;
    const note = document.getElementById('badges-status');
    toggle.disabled = true;
    try {
      const repository = await api(`/repos/${id}/badges`, { method: 'PUT', body: { enabled: wanted } });
      toggle.checked = repository.badgesEnabled;
      showBadges(repository.badgesEnabled);
      say(note, t(repository.badgesEnabled ? 'repoBadgesOn' : 'repoBadgesOff'), 'ok');
    } catch (error) {
      toggle.checked = !wanted;
      say(note, error.message, 'error');
    } finally {
      toggle.disabled = false;
    }
  });
  showBadges(badges.dataset.badgesEnabled === 'true');
}

range = rangePicker(load);
noteForm(id, () => load(range()));
per.addEventListener('change', () => load(range()));
load(range());
