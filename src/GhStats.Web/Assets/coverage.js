// What is known of traffic points, in words and table rows: a day's coverage (complete, partial, not collected), a week's
// or month's known days, and a sentence for a whole range. Shared by the repository page and public dashboards.
import {
  el, formatDay, formatNumber, t, tn,
} from './ghstats.js';

export const na = (value) => (value === null || value === undefined ? t('coverageNa') : formatNumber(value));

/** The four traffic series of a chart, named in the page's language (uniques dashed). */
export function trafficSeries(points) {
  return [
    { label: t('coverageViews'), data: points.map((p) => p.views) },
    { label: t('coverageUniqueVisitors'), data: points.map((p) => p.uniqueViews), dashed: true },
    { label: t('coverageClones'), data: points.map((p) => p.clones) },
    { label: t('coverageUniqueCloners'), data: points.map((p) => p.uniqueClones), dashed: true },
  ];
}

/** The legend's name for a partly known slot: a partial day, or a week or month with days unknown. */
export const partialLabel = (unit) => t({ day: 'coveragePartialDay', week: 'coveragePartlyKnownWeek' }[unit] ?? 'coveragePartlyKnownMonth');

/** What is known of a point: a day's coverage, or how many of a week's or month's days are known. */
export function coverageOf(point) {
  if (point.coverage !== undefined) {
    return { known: point.coverage !== 'notCollected', partial: point.coverage === 'partial' };
  }
  return { known: point.knownDays > 0, partial: point.knownDays > 0 && (point.knownDays < point.days || point.partialDays > 0) };
}

export function describe(point, unit) {
  if (point.coverage !== undefined) {
    return t({ notCollected: 'coverageNotCollected', partial: 'coveragePartialDayWhy', complete: 'coverageCompleteDay' }[point.coverage]);
  }
  if (point.knownDays === 0) return tn('coverageNoneKnown', point.days);
  const known = tn(unit === 'week' ? 'coverageKnownOfWeek' : 'coverageKnownOfMonth', point.days, { known: point.knownDays });
  return point.partialDays > 0 ? t('coverageWithPartial', { text: known, partial: point.partialDays }) : known;
}

/** The date cell of a row: the date, and what is known of it, as text. */
export function dateCell(point, unit) {
  const { partial } = coverageOf(point);
  const day = el('time', { datetime: point.date }, formatDay(point.date));
  if (point.coverage !== undefined) {
    return el('th', { scope: 'row' }, day, partial
      ? el('span', { class: 'tag', title: describe(point, unit) }, t('coveragePartialTag'), el('span', { class: 'sr-only' }, t('coveragePartialTagWhy')))
      : '');
  }
  return el('th', { scope: 'row' }, day,
    point.knownDays < point.days || point.partialDays > 0 ? el('span', { class: 'coverage-of' }, describe(point, unit)) : '');
}

export function trafficRow(point, unit) {
  if (!coverageOf(point).known) {
    return el('tr', { class: 'not-collected', 'data-date': point.date, 'data-coverage': 'notCollected' },
      dateCell(point, unit),
      el('td', { class: 'gap', colspan: 4 }, t('coverageNotCollected')));
  }
  return el('tr', { 'data-date': point.date, 'data-coverage': point.coverage ?? (coverageOf(point).partial ? 'partial' : 'complete') },
    dateCell(point, unit),
    el('td', { class: 'num' }, formatNumber(point.views)),
    el('td', { class: 'num' }, na(point.uniqueViews)),
    el('td', { class: 'num' }, formatNumber(point.clones)),
    el('td', { class: 'num' }, na(point.uniqueClones)));
}

/** A sentence on what the range holds: "24 of 30 days known (2 partial days); 6 days not collected: Nov 17, 2026 to Nov 22, 2026." */
export function coverageSentence(traffic) {
  const { totals } = traffic;
  const missing = totals.days - totals.knownDays;
  const parts = [tn('coverageDaysKnown', totals.days, { known: totals.knownDays })
    + (totals.partialDays > 0 ? ` ${tn('coveragePartialDays', totals.partialDays)}` : '')];
  if (missing > 0 && traffic.per === 'day') {
    const gaps = [];
    traffic.points.forEach((p, i) => {
      if (p.coverage !== 'notCollected') return;
      const last = gaps.at(-1);
      if (last && last.end === i - 1) last.end = i;
      else gaps.push({ start: i, end: i });
    });
    const day = (index) => formatDay(traffic.points[index].date);
    const stretches = gaps.map((g) => (g.start === g.end ? day(g.start) : t('coverageStretch', { from: day(g.start), to: day(g.end) })));
    parts.push(tn('coverageMissingAt', missing, { stretches: stretches.join(t('coverageListSeparator')) }));
  } else if (missing > 0) {
    parts.push(tn('coverageMissing', missing));
  }
  return parts.join(t('coverageClauseSeparator')) + t('coverageSentenceEnd');
}
