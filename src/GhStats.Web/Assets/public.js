// A public dashboard: per repository, totals, a chart of views and clones per day with its coverage, the daily figures
// as a table, and referrers and popular content where the Owner opted in. Reads only the page's own data address.
import {
  el, fill, say, formatDay, formatNumber, coverageChart, t, tn,
} from './ghstats.js';
import {
  coverageOf, describe, trafficRow, coverageSentence, trafficSeries, partialLabel,
} from './coverage.js';

const source = document.body.dataset.dashboard;
const status = document.getElementById('public-status');
const list = document.getElementById('public-repositories');
const days = document.getElementById('public-days');
let charts = [];

function table(caption, headings, rows, empty) {
  return el('div', { class: 'table-wrap', tabindex: 0 },
    el('table', {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...headings.map(([text, num]) => el('th', { scope: 'col', class: num ? 'num' : undefined }, text)))),
      el('tbody', {}, ...(rows.length === 0 ? [el('tr', {}, el('td', { colspan: headings.length }, empty))] : rows))));
}

function totals(repository) {
  const { totals: sums } = repository;
  return el('dl', { class: 'facts' },
    el('dt', {}, t('coverageViews')), el('dd', { 'data-total': 'views' }, formatNumber(sums.views)),
    el('dt', {}, t('coverageClones')), el('dd', { 'data-total': 'clones' }, formatNumber(sums.clones)),
    el('dt', {}, t('publicUniquesBusiestDay')), el('dd', {}, formatNumber(sums.peakDailyUniqueViews)),
    el('dt', {}, t('coverageStars')), el('dd', {}, repository.stars === null ? t('coverageNa') : formatNumber(repository.stars)),
    el('dt', {}, t('publicDaysKnown')), el('dd', {}, tn('publicKnownOfDays', sums.days, { known: sums.knownDays })));
}

function section(repository, index, data) {
  const heading = `public-repo-${index}`;
  const canvas = el('canvas', { role: 'img' });
  const traffic = { ...repository, per: 'day', from: data.from, to: data.to };
  const sentence = coverageSentence(traffic);
  canvas.setAttribute('aria-label', t('publicChartLabel', {
    name: repository.fullName, from: formatDay(data.from), to: formatDay(data.to), sentence,
  }));
  const name = { name: repository.fullName };
  const parts = [
    el('h2', { id: heading, translate: 'no' }, repository.fullName),
    totals(repository),
    el('div', { class: 'chart-box' }, canvas),
    el('p', { class: 'note' }, sentence),
    el('details', {},
      el('summary', {}, t('publicDailyFigures')),
      table(t('publicDailyCaption', name),
        [[t('coverageDate')], [t('coverageViews'), true], [t('coverageUniqueVisitors'), true], [t('coverageClones'), true], [t('coverageUniqueCloners'), true]],
        repository.points.map((p) => trafficRow(p, 'day')), t('publicNoDays'))),
  ];
  if (repository.referrers) {
    parts.push(el('h3', {}, t('publicReferrers')), table(t('publicReferrersCaption', name),
      [[t('publicReferrer')], [t('coverageViews'), true], [t('publicUnique'), true]],
      repository.referrers.map((r) => el('tr', {},
        el('th', { scope: 'row', class: 'text', translate: 'no' }, r.referrer),
        el('td', { class: 'num' }, formatNumber(r.views)),
        el('td', { class: 'num' }, formatNumber(r.uniqueViews)))), t('publicNoReferrers')));
  }
  if (repository.popularContent) {
    parts.push(el('h3', {}, t('publicPopularContent')), table(t('publicPathsCaption', name),
      [[t('publicPage')], [t('coverageViews'), true], [t('publicUnique'), true]],
      repository.popularContent.map((p) => el('tr', {},
        el('th', { scope: 'row', class: 'text', translate: 'no' }, p.title || p.path, el('span', { class: 'coverage-of' }, p.path)),
        el('td', { class: 'num' }, formatNumber(p.views)),
        el('td', { class: 'num' }, formatNumber(p.uniqueViews)))), t('publicNoPaths')));
  }
  const box = el('section', { class: 'card', 'aria-labelledby': heading, 'data-repository': repository.fullName }, ...parts);
  return { box, draw: () => drawChart(canvas, repository) };
}

function drawChart(canvas, repository) {
  const { points } = repository;
  const coverage = points.map(coverageOf);
  return coverageChart(canvas, points.map((p) => p.date), trafficSeries(points), {
    gaps: coverage.map((c) => !c.known),
    partial: coverage.map((c) => c.known && c.partial),
    partialLabel: partialLabel('day'),
    describe: (index) => describe(points[index], 'day'),
  });
}

async function load() {
  say(status, t('loading'));
  let data;
  try {
    const address = new URL(source, window.location.href);
    address.searchParams.set('days', days.value);
    const response = await fetch(address, { headers: { Accept: 'application/json' }, credentials: 'omit' });
    if (!response.ok) throw new Error(t('publicAnswered', { status: String(response.status) }));
    data = await response.json();
  } catch (error) {
    say(status, t('publicLoadFailed', { message: error.message }), 'error');
    return;
  }
  charts.forEach((chart) => chart.destroy());
  const sections = data.repositories.map((repository, index) => section(repository, index, data));
  fill(list, sections.length === 0 ? el('p', {}, t('publicNoRepositories')) : sections.map((s) => s.box));
  charts = sections.map((s) => s.draw());
  say(status, tn('publicShown', data.repositories.length, { from: formatDay(data.from), to: formatDay(data.to) }));
  document.body.dataset.loaded = days.value;
}

days.addEventListener('change', load);
// Chart.js loads deferred; a module runs after deferred classic scripts, so it is there.
load();
