// Tenant traffic: a tenant's repositories combined. Views and clones are summed over the repositories known each
// period; unique visitors and cloners are never summed, only the busiest repository day is shown, labelled "at least".
import {
  api, el, fill, say, formatDay, formatNumber, rangePicker, coverageChart, t, tn,
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

function remember() {
  const query = new URLSearchParams(location.search);
  query.set('tenant', tenant.value);
  query.set('per', per.value);
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

/** Per day: "2 of 3 repositories"; per week or month: "12 of 21 repository days". */
function knownText(point, unit, repositories) {
  return unit === 'day'
    ? tn('tenantTrafficKnownRepositories', repositories, { known: point.knownRepositoryDays })
    : tn('tenantTrafficKnownRepositoryDays', point.repositoryDays, { known: point.knownRepositoryDays });
}

const atLeast = (value) => t('tenantTrafficAtLeast', { value });
const dayCell = (point) => el('th', { scope: 'row' }, el('time', { datetime: point.date }, formatDay(point.date)));

function row(point, unit, repositories) {
  const known = el('td', { class: 'num' }, knownText(point, unit, repositories));
  if (point.coverage === 'notCollected') {
    return el('tr', { class: 'not-collected', 'data-date': point.date, 'data-coverage': 'notCollected' },
      dayCell(point), known, el('td', { class: 'gap', colspan: 4 }, t('tenantTrafficNotCollected')));
  }
  return el('tr', { 'data-date': point.date, 'data-coverage': point.coverage },
    dayCell(point), known,
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
    say(status, t('tenantTrafficNoTenant'));
    return;
  }
  say(status, t('loading'));
  const query = new URLSearchParams({ tenant: tenant.value, per: per.value, from: wanted.from, to: wanted.to });
  try {
    const [traffic, markers] = await Promise.all([api(`/traffic/tenant?${query}`), tenantNotes(wanted)]);
    if (current !== generation) return;
    const unit = traffic.per;
    const { points, totals, repositories } = traffic;
    chart?.destroy();
    chart = coverageChart(document.getElementById('tenant-traffic-chart'), points.map((p) => p.date), [
      { label: t('tenantTrafficViewsSum'), data: points.map((p) => p.views) },
      { label: t('tenantTrafficClonesSum'), data: points.map((p) => p.clones) },
    ], {
      gaps: points.map((p) => p.coverage === 'notCollected'),
      partial: points.map((p) => p.coverage === 'partial'),
      partialLabel: t('tenantTrafficSomeUnknown'),
      describe: (i) => t('tenantTrafficKnown', { text: knownText(points[i], unit, repositories) }),
    }, { markers, per: unit });
    const sentence = tn('tenantTrafficSentence', repositories, {
      days: tn('tenantTrafficKnownDaysOfAll', totals.repositoryDays, { known: totals.knownRepositoryDays }),
    });
    const range = { tenant: traffic.tenant, from: formatDay(traffic.from), to: formatDay(traffic.to) };
    const slot = { day: 'Day', week: 'Week' }[unit] ?? 'Month';
    document.getElementById('tenant-traffic-chart').setAttribute('aria-label', t(`tenantTrafficChartLabel${slot}`, { ...range, sentence }));
    fill(document.getElementById('tenant-traffic-coverage'), sentence);
    fill(document.getElementById('tenant-traffic-caption'), t(`tenantTrafficCaption${slot}`, range));
    fill(table.querySelector('tbody'), points.map((p) => row(p, unit, repositories)));
    fill(table.querySelector('tfoot'), el('tr', {},
      el('th', { scope: 'row' }, t('tenantTrafficTotal')),
      el('td', { class: 'num', id: 'tenant-traffic-known' }, knownText(totals, 'range', repositories)),
      el('td', { class: 'num', id: 'tenant-traffic-views' }, formatNumber(totals.views)),
      el('td', { class: 'num', id: 'tenant-traffic-clones' }, formatNumber(totals.clones)),
      el('td', { class: 'num' }, totals.uniqueViewsAtLeast === null ? '–' : atLeast(totals.uniqueViewsAtLeast)),
      el('td', { class: 'num' }, totals.uniqueClonesAtLeast === null ? '–' : atLeast(totals.uniqueClonesAtLeast))));
    say(status, '');
  } catch (error) {
    if (current === generation) say(status, error.message, 'error');
  }
}

range = rangePicker(load);
per.addEventListener('change', () => load(range()));
tenant.addEventListener('change', () => load(range()));
load(range());
