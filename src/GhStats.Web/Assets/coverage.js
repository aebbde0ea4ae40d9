// What is known of traffic points, in words and table rows: a day's coverage (complete, partial, not collected), a week's
// or month's known days, and a sentence for a whole range. Shared by the repository page and public dashboards.
import { el, formatNumber } from './ghstats.js';

export const na = (value) => (value === null || value === undefined ? 'n/a' : formatNumber(value));

export const plural = (count, one, many) => `${formatNumber(count)} ${count === 1 ? one : many}`;

/** What is known of a point: a day's coverage, or how many of a week's or month's days are known. */
export function coverageOf(point) {
  if (point.coverage !== undefined) {
    return { known: point.coverage !== 'notCollected', partial: point.coverage === 'partial' };
  }
  return { known: point.knownDays > 0, partial: point.knownDays > 0 && (point.knownDays < point.days || point.partialDays > 0) };
}

export function describe(point, unit) {
  if (point.coverage !== undefined) {
    return { notCollected: 'Not collected', partial: 'Partial day: GitHub\'s figures were cut short', complete: 'Complete day' }[point.coverage];
  }
  const partial = point.partialDays > 0 ? `, ${plural(point.partialDays, 'partial', 'partial')}` : '';
  return point.knownDays === 0 ? `Not collected: none of its ${plural(point.days, 'day', 'days')} known`
    : `${formatNumber(point.knownDays)} of ${plural(point.days, 'day', 'days')} of this ${unit} known${partial}`;
}

/** The date cell of a row: the date, and what is known of it, as text. */
export function dateCell(point, unit) {
  const { partial } = coverageOf(point);
  if (point.coverage !== undefined) {
    return el('th', { scope: 'row' }, point.date, partial
      ? el('span', { class: 'tag', title: describe(point, unit) }, 'partial', el('span', { class: 'sr-only' }, ' day: GitHub\'s figures were cut short'))
      : '');
  }
  return el('th', { scope: 'row' }, point.date,
    point.knownDays < point.days || point.partialDays > 0 ? el('span', { class: 'coverage-of' }, describe(point, unit)) : '');
}

export function trafficRow(point, unit) {
  if (!coverageOf(point).known) {
    return el('tr', { class: 'not-collected', 'data-date': point.date, 'data-coverage': 'notCollected' },
      dateCell(point, unit),
      el('td', { class: 'gap', colspan: 4 }, 'Not collected'));
  }
  return el('tr', { 'data-date': point.date, 'data-coverage': point.coverage ?? (coverageOf(point).partial ? 'partial' : 'complete') },
    dateCell(point, unit),
    el('td', { class: 'num' }, formatNumber(point.views)),
    el('td', { class: 'num' }, na(point.uniqueViews)),
    el('td', { class: 'num' }, formatNumber(point.clones)),
    el('td', { class: 'num' }, na(point.uniqueClones)));
}

/** A sentence on what the range holds: "24 of 30 days known (2 partial); 6 not collected: 2026-11-17 to 2026-11-22." */
export function coverageSentence(traffic) {
  const { totals } = traffic;
  const missing = totals.days - totals.knownDays;
  const partial = totals.partialDays > 0 ? ` (${plural(totals.partialDays, 'partial day', 'partial days')})` : '';
  let sentence = `${formatNumber(totals.knownDays)} of ${plural(totals.days, 'day', 'days')} known${partial}`;
  if (missing > 0 && traffic.per === 'day') {
    const gaps = [];
    traffic.points.forEach((p, i) => {
      if (p.coverage !== 'notCollected') return;
      const last = gaps.at(-1);
      if (last && last.end === i - 1) last.end = i;
      else gaps.push({ start: i, end: i });
    });
    const stretches = gaps.map((g) => (g.start === g.end ? traffic.points[g.start].date
      : `${traffic.points[g.start].date} to ${traffic.points[g.end].date}`));
    sentence += `; ${plural(missing, 'day', 'days')} not collected: ${stretches.join(', ')}`;
  } else if (missing > 0) {
    sentence += `; ${plural(missing, 'day', 'days')} not collected`;
  }
  return `${sentence}.`;
}
