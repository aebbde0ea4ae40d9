// A public dashboard: per repository, totals, a chart of views and clones per day with its coverage, the daily figures
// as a table, and referrers and popular content where the Owner opted in. Reads only the page's own data address.
import { el, fill, say, formatNumber, coverageChart } from './ghstats.js';
import {
  plural, coverageOf, describe, trafficRow, coverageSentence,
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
  const { totals: t } = repository;
  return el('dl', { class: 'facts' },
    el('dt', {}, 'Views'), el('dd', { 'data-total': 'views' }, formatNumber(t.views)),
    el('dt', {}, 'Clones'), el('dd', { 'data-total': 'clones' }, formatNumber(t.clones)),
    el('dt', {}, 'Unique visitors, busiest day'), el('dd', {}, formatNumber(t.peakDailyUniqueViews)),
    el('dt', {}, 'Stars'), el('dd', {}, repository.stars === null ? 'n/a' : formatNumber(repository.stars)),
    el('dt', {}, 'Days known'), el('dd', {}, `${formatNumber(t.knownDays)} of ${plural(t.days, 'day', 'days')}`));
}

function section(repository, index, data) {
  const heading = `public-repo-${index}`;
  const canvas = el('canvas', { role: 'img' });
  const traffic = { ...repository, per: 'day', from: data.from, to: data.to };
  const sentence = coverageSentence(traffic);
  canvas.setAttribute('aria-label', `Views and clones per day of ${repository.fullName}, ${data.from} to ${data.to}: ${sentence} The same figures are in the table below.`);
  const parts = [
    el('h2', { id: heading }, repository.fullName),
    totals(repository),
    el('div', { class: 'chart-box' }, canvas),
    el('p', { class: 'note' }, sentence),
    el('details', {},
      el('summary', {}, 'Daily figures'),
      table(`Views and clones per day of ${repository.fullName}`,
        [['Date'], ['Views', true], ['Unique visitors', true], ['Clones', true], ['Unique cloners', true]],
        repository.points.map((p) => trafficRow(p, 'day')), 'No days in this range.')),
  ];
  if (repository.referrers) {
    parts.push(el('h3', {}, 'Referrers'), table(`Top referrers of ${repository.fullName}`,
      [['Referrer'], ['Views', true], ['Unique', true]],
      repository.referrers.map((r) => el('tr', {},
        el('th', { scope: 'row', class: 'text' }, r.referrer),
        el('td', { class: 'num' }, formatNumber(r.views)),
        el('td', { class: 'num' }, formatNumber(r.uniqueViews)))), 'No referrers captured in this range.'));
  }
  if (repository.popularContent) {
    parts.push(el('h3', {}, 'Popular content'), table(`Most viewed pages of ${repository.fullName}`,
      [['Page'], ['Views', true], ['Unique', true]],
      repository.popularContent.map((p) => el('tr', {},
        el('th', { scope: 'row', class: 'text' }, p.title || p.path, el('span', { class: 'coverage-of' }, p.path)),
        el('td', { class: 'num' }, formatNumber(p.views)),
        el('td', { class: 'num' }, formatNumber(p.uniqueViews)))), 'No popular content captured in this range.'));
  }
  const box = el('section', { class: 'card', 'aria-labelledby': heading, 'data-repository': repository.fullName }, ...parts);
  return { box, draw: () => drawChart(canvas, repository) };
}

function drawChart(canvas, repository) {
  const { points } = repository;
  const coverage = points.map(coverageOf);
  return coverageChart(canvas, points.map((p) => p.date), [
    { label: 'Views', data: points.map((p) => p.views) },
    { label: 'Unique visitors', data: points.map((p) => p.uniqueViews), dashed: true },
    { label: 'Clones', data: points.map((p) => p.clones) },
    { label: 'Unique cloners', data: points.map((p) => p.uniqueClones), dashed: true },
  ], {
    gaps: coverage.map((c) => !c.known),
    partial: coverage.map((c) => c.known && c.partial),
    partialLabel: 'Partial day',
    describe: (index) => describe(points[index], 'day'),
  });
}

async function load() {
  say(status, 'Loading…');
  let data;
  try {
    const address = new URL(source, window.location.href);
    address.searchParams.set('days', days.value);
    const response = await fetch(address, { headers: { Accept: 'application/json' }, credentials: 'omit' });
    if (!response.ok) throw new Error(`The page answered ${response.status}.`);
    data = await response.json();
  } catch (error) {
    say(status, `Could not load the figures. ${error.message}`, 'error');
    return;
  }
  charts.forEach((chart) => chart.destroy());
  const sections = data.repositories.map((repository, index) => section(repository, index, data));
  fill(list, sections.length === 0 ? el('p', {}, 'No repositories are shown here.') : sections.map((s) => s.box));
  charts = sections.map((s) => s.draw());
  say(status, `${plural(data.repositories.length, 'repository', 'repositories')}, ${data.from} to ${data.to}.`);
  document.body.dataset.loaded = days.value;
}

days.addEventListener('change', load);
// Chart.js loads deferred; a module runs after deferred classic scripts, so it is there.
load();
