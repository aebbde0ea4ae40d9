// Compare: up to 10 repositories of one tenant on one chart and table. The whole selection (tenant, repositories,
// metric, mode, per and range) is kept in the address with history.replaceState, so a bookmark or a shared link
// reopens the same view.
import {
  api, el, fill, say, formatNumber, rangePicker, coverageChart,
} from './ghstats.js';

const limit = 10;
const tenant = document.getElementById('compare-tenant');
const metric = document.getElementById('compare-metric');
const mode = document.getElementById('compare-mode');
const per = document.getElementById('per');
const choices = document.getElementById('compare-choices');
const status = document.getElementById('compare-status');
const table = document.getElementById('compare-table');
const ratio = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const params = new URLSearchParams(location.search);
let chosen = (params.get('repos') ?? '').split(',').map(Number).filter((id) => Number.isInteger(id) && id > 0);
let chart;
let range;
let generation = 0;

// The address decides the first view; an option the page does not offer (a metric removed since) keeps the default.
const pick = (select, value) => { if (value && [...select.options].some((o) => o.value === value)) select.value = value; };
pick(metric, params.get('metric'));
pick(mode, params.get('mode'));
pick(per, params.get('per'));

function remember() {
  const query = new URLSearchParams(location.search);
  query.set('tenant', tenant.value);
  query.set('repos', chosen.join(','));
  query.set('metric', metric.value);
  query.set('mode', mode.value);
  query.set('per', per.value);
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

async function loadChoices() {
  if (!tenant.value) {
    fill(choices, 'You see no tenant yet.');
    return;
  }
  const repositories = (await api(`/repos?tenant=${encodeURIComponent(tenant.value)}`)).filter((r) => r.tenant === tenant.value);
  fill(choices, repositories.map((r) => el('label', { class: 'check' },
    el('input', {
      type: 'checkbox', value: r.id, checked: chosen.includes(r.id), onchange: toggled,
    }),
    ` ${r.fullName}`, r.removedAt ? el('span', { class: 'muted' }, ' (no longer collected)') : '')));
  limitChoices();
}

function limitChoices() {
  const full = chosen.length >= limit;
  for (const box of choices.querySelectorAll('input[type=checkbox]')) {
    box.disabled = full && !box.checked;
  }
}

function toggled(event) {
  const id = Number(event.target.value);
  chosen = event.target.checked ? [...chosen, id] : chosen.filter((c) => c !== id);
  limitChoices();
  load(range());
}

const plural = (count, one, many) => `${formatNumber(count)} ${count === 1 ? one : many}`;

function coverageWords(point, unit) {
  if (unit === 'day') {
    return { notCollected: 'not collected', partial: 'partial day', complete: 'complete' }[point.coverage];
  }
  return point.knownDays === 0 ? 'not collected' : `${formatNumber(point.knownDays)} of ${plural(point.days, 'day', 'days')} known`;
}

function shown(point, normalised) {
  return normalised ? point.normalised : point.value;
}

function cell(point, normalised, unit) {
  if (point.coverage === 'notCollected') {
    return el('td', { class: 'gap', 'data-coverage': 'notCollected' }, 'Not collected');
  }
  const value = shown(point, normalised);
  const text = value === null ? 'n/a' : normalised ? `${ratio.format(value)}×` : formatNumber(value);
  return el('td', { class: 'num', 'data-coverage': point.coverage },
    text, point.coverage === 'partial' ? el('span', { class: 'coverage-of' }, coverageWords(point, unit)) : '');
}

function baselineText(series, label) {
  const { baseline } = series;
  if (baseline.state === 'known') {
    return `${series.fullName}: 1 = ${ratio.format(baseline.mean)} ${label.toLowerCase()}, the mean of ${baseline.from} to ${baseline.to}.`;
  }
  return baseline.state === 'zero'
    ? `${series.fullName}: its first known week (${baseline.from} to ${baseline.to}) had no ${label.toLowerCase()}, so it has no normalised values.`
    : `${series.fullName}: nothing of this range is known, so it has no normalised values.`;
}

/**
 * The chart markers of the compared repositories: each one's releases (titled with the repository, since several are
 * on one chart) and the notes, a tenant-wide note once. A repository whose markers cannot be read adds none. They are
 * read from the first period's start to the day asked for: the last week or month runs past today, which no API range may.
 */
async function markersOf(result, wanted) {
  const lists = await Promise.all(result.repositories.map(async (s) => {
    try {
      const { items } = await api(`/repos/${s.repoId}/annotations?from=${result.from}&to=${wanted.to}`);
      return items.map((m) => (m.kind === 'release' ? { ...m, title: `${s.fullName} ${m.title}` } : m));
    } catch {
      return [];
    }
  }));
  const seen = new Set();
  const first = (m) => m.id == null || (!seen.has(m.id) && seen.add(m.id));
  const order = (m) => (m.kind === 'release' ? 0 : 1);
  return lists.flat().filter(first).sort((a, b) => a.date.localeCompare(b.date) || order(a) - order(b));
}

function draw(result, markers) {
  const normalised = mode.value === 'normalised';
  const unit = result.per;
  const series = result.repositories;
  const dates = series[0]?.points.map((p) => p.date) ?? [];
  chart?.destroy();
  chart = coverageChart(document.getElementById('compare-chart'), dates,
    series.map((s, index) => ({
      label: s.fullName,
      data: s.points.map((p) => shown(p, normalised)),
      partial: s.points.map((p) => p.coverage === 'partial'),
      dashed: index >= 6,
    })),
    {
      // The band marks periods no chosen repository is known for; one repository's gap breaks only its own line.
      gaps: dates.map((_, i) => series.every((s) => s.points[i].coverage === 'notCollected')),
      partial: dates.map(() => false),
      partialLabel: unit === 'day' ? 'Partial day' : `Partly known ${unit}`,
      describe: (i) => series.map((s) => `${s.fullName}: ${coverageWords(s.points[i], unit)}`).join('; '),
    },
    { markers, per: unit });
  const what = `${result.label} per ${unit}${normalised ? ', normalised to each one\'s first week' : ''}, ${result.from} to ${result.to}`;
  fill(document.getElementById('compare-heading'), result.label);
  document.getElementById('compare-chart').setAttribute('aria-label',
    `${what}: ${series.map((s) => s.fullName).join(', ')}. The same figures are in the table below.`);
  fill(document.getElementById('compare-note'), result.note);
  fill(document.getElementById('compare-baselines'), normalised ? series.map((s) => el('li', {}, baselineText(s, result.label))) : []);
  fill(document.getElementById('compare-caption'), what);
  fill(table.querySelector('thead'), el('tr', {},
    el('th', { scope: 'col' }, 'Date'),
    series.map((s) => el('th', { scope: 'col', class: 'num', 'data-repo-id': s.repoId }, s.fullName))));
  fill(table.querySelector('tbody'), dates.map((date, i) => el('tr', { 'data-date': date },
    el('th', { scope: 'row' }, date),
    series.map((s) => cell(s.points[i], normalised, unit)))));
}

function clear(message) {
  chart?.destroy();
  chart = undefined;
  fill(table.querySelector('thead'));
  fill(table.querySelector('tbody'));
  fill(document.getElementById('compare-baselines'));
  fill(document.getElementById('compare-note'));
  say(status, message);
}

async function load(wanted) {
  const current = ++generation;
  remember();
  if (chosen.length === 0) {
    clear('Choose up to 10 repositories to compare.');
    return;
  }
  say(status, 'Loading…');
  const query = new URLSearchParams({
    tenant: tenant.value, repos: chosen.join(','), metric: metric.value, per: per.value, from: wanted.from, to: wanted.to,
  });
  try {
    const result = await api(`/traffic/compare?${query}`);
    const markers = await markersOf(result, wanted);
    if (current !== generation) return;
    draw(result, markers);
    say(status, `${plural(result.repositories.length, 'repository', 'repositories')} compared${chosen.length >= limit ? ' (the most there can be)' : ''}.`);
  } catch (error) {
    if (current === generation) clear(error.message);
    status.className = 'status error';
  }
}

range = rangePicker(load);
for (const select of [metric, per]) select.addEventListener('change', () => load(range()));
mode.addEventListener('change', () => load(range()));
tenant.addEventListener('change', async () => {
  chosen = [];
  await loadChoices();
  load(range());
});
loadChoices().then(() => load(range()), (error) => say(status, error.message, 'error'));
