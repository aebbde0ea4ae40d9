// Compare: up to 10 repositories of one tenant on one chart and table. The whole selection (tenant, repositories,
// metric, mode, per and range) is kept in the address with history.replaceState, so a bookmark or a shared link
// reopens the same view.
import {
  api, el, fill, say, formatDay, formatNumber, lang, rangePicker, coverageChart, t, tn,
} from './ghstats.js';

const limit = 10;
const tenant = document.getElementById('compare-tenant');
const metric = document.getElementById('compare-metric');
const mode = document.getElementById('compare-mode');
const per = document.getElementById('per');
const choices = document.getElementById('compare-choices');
const status = document.getElementById('compare-status');
const table = document.getElementById('compare-table');
const ratio = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
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
    fill(choices, t('compareNoTenant'));
    return;
  }
  const repositories = (await api(`/repos?tenant=${encodeURIComponent(tenant.value)}`)).filter((r) => r.tenant === tenant.value);
  fill(choices, repositories.map((r) => el('label', { class: 'check' },
    el('input', {
      type: 'checkbox', value: r.id, checked: chosen.includes(r.id), onchange: toggled,
    }),
    ' ', el('span', { translate: 'no' }, r.fullName), r.removedAt ? el('span', { class: 'muted' }, ` ${t('compareNoLongerCollected')}`) : '')));
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

function coverageWords(point, unit) {
  if (unit === 'day') {
    return t({ notCollected: 'compareNotCollectedWord', partial: 'comparePartialDay', complete: 'compareComplete' }[point.coverage]);
  }
  return point.knownDays === 0 ? t('compareNotCollectedWord') : tn('compareDaysKnown', point.days, { known: point.knownDays });
}

/** The chosen metric's name and what its figures are, in the page's words (the server names the options). */
function metricWords(result) {
  const option = metric.selectedOptions[0];
  return option?.value === result.metric ? { label: option.textContent, note: option.dataset.note || result.note } : { label: result.label, note: result.note };
}

function shown(point, normalised) {
  return normalised ? point.normalised : point.value;
}

function cell(point, normalised, unit) {
  if (point.coverage === 'notCollected') {
    return el('td', { class: 'gap', 'data-coverage': 'notCollected' }, t('compareNotCollected'));
  }
  const value = shown(point, normalised);
  const text = value === null ? t('compareNa') : normalised ? t('compareTimes', { value: ratio.format(value) }) : formatNumber(value);
  return el('td', { class: 'num', 'data-coverage': point.coverage },
    text, point.coverage === 'partial' ? el('span', { class: 'coverage-of' }, coverageWords(point, unit)) : '');
}

function baselineText(series, label) {
  const { baseline } = series;
  const values = {
    name: series.fullName, metric: label.toLocaleLowerCase(lang), from: formatDay(baseline.from), to: formatDay(baseline.to),
  };
  if (baseline.state === 'known') {
    return t('compareBaselineKnown', { ...values, mean: ratio.format(baseline.mean) });
  }
  return t(baseline.state === 'zero' ? 'compareBaselineZero' : 'compareBaselineNone', values);
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
  const { label, note } = metricWords(result);
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
      partialLabel: t({ day: 'comparePartialDayLabel', week: 'comparePartlyKnownWeek' }[unit] ?? 'comparePartlyKnownMonth'),
      describe: (i) => series.map((s) => `${s.fullName}: ${coverageWords(s.points[i], unit)}`).join('; '),
    },
    { markers, per: unit });
  const range = { metric: label, from: formatDay(result.from), to: formatDay(result.to) };
  const what = t(`compareWhat${{ day: 'Day', week: 'Week' }[unit] ?? 'Month'}${normalised ? 'Normalised' : ''}`, range);
  fill(document.getElementById('compare-heading'), label);
  document.getElementById('compare-chart').setAttribute('aria-label',
    t('compareChartLabel', { what, names: series.map((s) => s.fullName).join(', ') }));
  fill(document.getElementById('compare-note'), note);
  fill(document.getElementById('compare-baselines'), normalised ? series.map((s) => el('li', {}, baselineText(s, label))) : []);
  fill(document.getElementById('compare-caption'), what);
  fill(table.querySelector('thead'), el('tr', {},
    el('th', { scope: 'col' }, t('compareDate')),
    series.map((s) => el('th', {
      scope: 'col', class: 'num', 'data-repo-id': s.repoId, translate: 'no',
    }, s.fullName))));
  fill(table.querySelector('tbody'), dates.map((date, i) => el('tr', { 'data-date': date },
    el('th', { scope: 'row' }, el('time', { datetime: date }, formatDay(date))),
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
    clear(t('compareChoose', { most: limit }));
    return;
  }
  say(status, t('loading'));
  const query = new URLSearchParams({
    tenant: tenant.value, repos: chosen.join(','), metric: metric.value, per: per.value, from: wanted.from, to: wanted.to,
  });
  try {
    const result = await api(`/traffic/compare?${query}`);
    const markers = await markersOf(result, wanted);
    if (current !== generation) return;
    draw(result, markers);
    say(status, tn(chosen.length >= limit ? 'compareComparedMost' : 'compareCompared', result.repositories.length));
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
