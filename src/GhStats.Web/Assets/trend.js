// The change against the previous period of the same length, in words (never only a colour or an arrow).
import {
  formatDay, formatNumber, lang, t,
} from './ghstats.js';

const percent = new Intl.NumberFormat(lang, {
  style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero',
});

/**
 * previous: the API's "previous" object; key: 'views' or 'clones'. Says "+12.5% vs 2026-10-01 to 2026-10-30",
 * "no change", "up from 0", or why no percentage is given.
 */
export function changeText(previous, key, current) {
  if (!previous) return t('noPreviousPeriod');
  if (previous.state === 'previousIncomplete') return t('previousIncomplete');
  if (previous.state === 'currentIncomplete') return t('currentIncomplete');
  const change = previous[`${key}Change`];
  if (change === null || change === undefined) return current > 0 ? t('upFromZero') : t('noChangeZero');
  return change === 0 ? t('noChange') : percent.format(change / 100);
}

/** "vs 1,234 from 2026-10-01 to 2026-10-30 (28 of 30 days known)": what the change is measured against. */
export function previousText(previous, key) {
  if (!previous) return '';
  const range = { value: formatNumber(previous[key]), from: formatDay(previous.from), to: formatDay(previous.to) };
  return previous.knownDays < previous.days
    ? t('previousPartly', { ...range, known: previous.knownDays, days: previous.days })
    : t('previousWhole', range);
}

/** data-trend for styling: up, down, flat or unknown; the text above always says the same in words. */
export function trendOf(previous, key) {
  const change = previous?.state === 'comparable' ? previous[`${key}Change`] : null;
  if (change === null || change === undefined) return 'unknown';
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}
