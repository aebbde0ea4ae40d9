// Stars before tracking, backfilled from GitHub's stargazers list: a dashed line and table rows in "Stars and forks", and a note that says what they are.
import {
  el, formatDay, formatNumber, t,
} from './ghstats.js';

/** Adds the backfilled days before the collected points: dates for the time axis, one dashed dataset, and table rows. */
export function withStarBackfill(points, history) {
  const backfill = history.points;
  const none = (count) => Array(count).fill(null);
  return {
    dates: [...backfill.map((p) => p.date), ...points.map((p) => p.date)],
    pad: (data) => [...none(backfill.length), ...data],
    dataset: { label: t('starsBackfilledLabel'), data: [...backfill.map((p) => p.stars), ...none(points.length)], dashed: true },
    rows: backfill.map((p) => el('tr', { class: 'backfilled' },
      el('th', { scope: 'row' }, el('time', { datetime: p.date }, formatDay(p.date)), el('span', { class: 'sr-only' }, t('starsBackfilledMark'))),
      el('td', { class: 'num' }, formatNumber(p.stars), ' ', el('abbr', { title: t('starsBackfilledTitle') }, '*')),
      el('td', { class: 'num' }, t('starsNa')),
      el('td', { class: 'num' }, t('starsNa')),
      el('td', { class: 'num' }, t('starsNa')))),
  };
}

/** What the backfilled stars are and where the series starts, from the API's state. */
export function starBackfillNote(history) {
  const day = (value) => (value ? formatDay(value) : null);
  const tracking = day(history.trackingFrom);
  const since = tracking ? t('starsSince', { day: tracking }) : '';
  const lowerBound = t('starsLowerBound');
  switch (history.state) {
    case 'notStarted':
      return t('starsNotStarted', { since });
    case 'inProgress':
      return t('starsInProgress', { since, through: day(history.knownThrough) ?? t('starsNoDayYet'), lowerBound });
    case 'limited':
      return history.starsRead === 0
        ? t('starsRefused', { reason: history.limitReason, start: tracking ?? t('starsFirstCollection') })
        : t('starsLimited', {
          reason: history.limitReason, start: day(history.seriesStart), through: day(history.knownThrough), tracking, lowerBound,
        });
    default:
      return t('starsBackfilled', { since, first: day(history.seriesStart) ?? t('starsRecord'), lowerBound });
  }
}
