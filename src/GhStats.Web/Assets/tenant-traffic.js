// Tenant traffic: a tenant's repositories combined. Views and clones are summed over the repositories known each
// period; unique visitors and cloners are never summed, only the busiest repository day is shown, labelled "at least".
import {
  api, el, fill, say, formatNumber, rangePicker, coverageChart,
} from './ghstats.js';

const tenant = document.getElementById('tenant-traffic-tenant');
const per = document.getElementById('per');
const status = document.getElementById('tenant-traffic-status');
const table = document.getElementById('tenant-traffic-table');
let chart;
let range;
let generation = 0;

const params = new URLSearchParams(location.search);
if ([...per.options].some((o) => o.value === params.get('per'))) per.value = params.get('per');

const plural = (count, one, many) => `${formatNumber(count)} ${count === 1 ? one : many}`;

function remember() {
  const query = new URLSearchParams(location.search);
  query.set('tenant', tenant.value);
  query.set('per', per.value);
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

/** Per day: "2 of 3 repositories"; per week or month: "12 of 21 repository days". */
function knownText(point, unit, repositories) {
  return unit === 'day'
    ? `${formatNumber(point.knownRepositoryDays)} of ${plural(repositories, 'repository', 'repositories')}`
    : `${formatNumber(point.knownRepositoryDays)} of ${plural(point.repositoryDays, 'repository day', 'repository days')}`;
}

function row(point, unit, repositories) {
  const known = el('td', { class: 'num' }, knownText(point, unit, repositories));
  if (point.coverage === 'notCollected') {
    return el('tr', { class: 'not-collected', 'data-date': point.date, 'data-coverage': 'notCollected' },
      el('th', { scope: 'row' }, point.date), known, el('td', { class: 'gap', colspan: 4 }, 'Not collected'));
  }
  const atLeast = (value) => `at least ${formatNumber(value)}`;
  return el('tr', { 'data-date': point.date, 'data-coverage': point.coverage },
    el('th', { scope: 'row' }, point.date), known,
    el('td', { class: 'num' }, formatNumber(point.views)),
    el('td', { class: 'num' }, formatNumber(point.clones)),
    el('td', { class: 'num' }, atLeast(point.uniqueViewsAtLeast)),
    el('td', { class: 'num' }, atLeast(point.uniqueClonesAtLeast)));
}

/** The tenant's tenant-wide notes of the range, the markers of its combined chart; none when they cannot be read. */
async function tenantNotes(wanted) {
  try {
    return (await api(`/tenants/${encodeURIComponent(tenant.value)}/annotations?from=${wanted.from}&to=${wanted.to}`)).items;
  } catch {
    return [];
  }
}

async function load(wanted) {
  const current = ++generation;
  remember();
  if (!tenant.value) {
    say(status, 'You see no tenant yet.');
    return;
  }
  say(status, 'Loading…');
  const query = new URLSearchParams({ tenant: tenant.value, per: per.value, from: wanted.from, to: wanted.to });
  try {
    const [traffic, markers] = await Promise.all([api(`/traffic/tenant?${query}`), tenantNotes(wanted)]);
    if (current !== generation) return;
    const unit = traffic.per;
    const { points, totals, repositories } = traffic;
    chart?.destroy();
    chart = coverageChart(document.getElementById('tenant-traffic-chart'), points.map((p) => p.date), [
      { label: 'Views (sum)', data: points.map((p) => p.views) },
      { label: 'Clones (sum)', data: points.map((p) => p.clones) },
    ], {
      gaps: points.map((p) => p.coverage === 'notCollected'),
      partial: points.map((p) => p.coverage === 'partial'),
      partialLabel: 'Some repositories not known',
      describe: (i) => `${knownText(points[i], unit, repositories)} known`,
    }, { markers, per: unit });
    const sentence = `${plural(repositories, 'repository', 'repositories')}; ${formatNumber(totals.knownRepositoryDays)} of ${plural(totals.repositoryDays, 'repository day', 'repository days')} known.`;
    fill(document.getElementById('tenant-traffic-coverage'), sentence);
    document.getElementById('tenant-traffic-chart').setAttribute('aria-label',
      `Views and clones of all repositories of ${traffic.tenant} per ${unit}, ${traffic.from} to ${traffic.to}: ${sentence} The same figures are in the table below.`);
    fill(document.getElementById('tenant-traffic-caption'), `All repositories of ${traffic.tenant} combined per ${unit}, ${traffic.from} to ${traffic.to}`);
    fill(table.querySelector('tbody'), points.map((p) => row(p, unit, repositories)));
    fill(table.querySelector('tfoot'), el('tr', {},
      el('th', { scope: 'row' }, 'Total'),
      el('td', { class: 'num', id: 'tenant-traffic-known' }, knownText(totals, 'range', repositories)),
      el('td', { class: 'num', id: 'tenant-traffic-views' }, formatNumber(totals.views)),
      el('td', { class: 'num', id: 'tenant-traffic-clones' }, formatNumber(totals.clones)),
      el('td', { class: 'num' }, totals.uniqueViewsAtLeast === null ? '–' : `at least ${formatNumber(totals.uniqueViewsAtLeast)}`),
      el('td', { class: 'num' }, totals.uniqueClonesAtLeast === null ? '–' : `at least ${formatNumber(totals.uniqueClonesAtLeast)}`)));
    say(status, '');
  } catch (error) {
    if (current === generation) say(status, error.message, 'error');
  }
}

range = rangePicker(load);
per.addEventListener('change', () => load(range()));
tenant.addEventListener('change', () => load(range()));
load(range());
