// Stars before tracking, backfilled from GitHub's stargazers list: a dashed line and table rows in "Stars and forks", and a note that says what they are.
import { el, formatNumber } from './ghstats.js';

/** Adds the backfilled days before the collected points: dates for the time axis, one dashed dataset, and table rows. */
export function withStarBackfill(points, history) {
  const backfill = history.points;
  const none = (count) => Array(count).fill(null);
  return {
    dates: [...backfill.map((p) => p.date), ...points.map((p) => p.date)],
    pad: (data) => [...none(backfill.length), ...data],
    dataset: { label: 'Stars before tracking (backfilled, a lower bound)', data: [...backfill.map((p) => p.stars), ...none(points.length)], dashed: true },
    rows: backfill.map((p) => el('tr', { class: 'backfilled' },
      el('th', { scope: 'row' }, p.date, el('span', { class: 'sr-only' }, ' (backfilled)')),
      el('td', { class: 'num' }, formatNumber(p.stars), ' ', el('abbr', { title: 'backfilled from GitHub\'s stargazers list; a lower bound' }, '*')),
      el('td', { class: 'num' }, 'n/a'),
      el('td', { class: 'num' }, 'n/a'),
      el('td', { class: 'num' }, 'n/a'))),
  };
}

/** What the backfilled stars are and where the series starts, from the API's state. */
export function starBackfillNote(history) {
  const since = history.trackingFrom ? ` (tracking started on ${history.trackingFrom})` : '';
  const lowerBound = 'They are a lower bound: people who starred and later unstarred are not in GitHub\'s list.';
  switch (history.state) {
    case 'notStarted':
      return `Stars before tracking${since} are read from GitHub's stargazers list at the next collection.`;
    case 'inProgress':
      return `Stars before tracking${since} are being backfilled from GitHub's stargazers list, the oldest first: known through ${history.knownThrough ?? 'no day yet'} so far; the next collection reads on. ${lowerBound}`;
    case 'limited':
      return history.starsRead === 0
        ? `GitHub refused this repository's stargazers list (${history.limitReason}): star history starts on ${history.trackingFrom ?? 'the first collection'}, when tracking started.`
        : `GitHub limited this repository's stargazers list (${history.limitReason}): the dashed stars before tracking start on ${history.seriesStart} and are known through ${history.knownThrough}; from then until tracking started on ${history.trackingFrom} star history is not collected, and the unbroken series starts there. ${lowerBound}`;
    default:
      return `The dashed line shows stars before tracking${since}, backfilled from GitHub's stargazers list from the first star on ${history.seriesStart ?? 'record'}. ${lowerBound}`;
  }
}
