// The change against the previous period of the same length, in words (never only a colour or an arrow).
import { formatNumber } from './ghstats.js';

const percent = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/**
 * previous: the API's "previous" object; key: 'views' or 'clones'. Says "+12.5% vs 2026-10-01 to 2026-10-30",
 * "no change", "up from 0", or why no percentage is given.
 */
export function changeText(previous, key, current) {
  if (!previous) return 'no previous period';
  if (previous.state === 'previousIncomplete') return 'previous period incomplete';
  if (previous.state === 'currentIncomplete') return 'this period incomplete';
  const change = previous[`${key}Change`];
  if (change === null || change === undefined) return current > 0 ? 'up from 0' : 'no change (0)';
  return change === 0 ? 'no change' : `${percent.format(change)}%`;
}

/** "vs 1,234 from 2026-10-01 to 2026-10-30 (28 of 30 days known)": what the change is measured against. */
export function previousText(previous, key) {
  if (!previous) return '';
  const known = previous.knownDays < previous.days ? ` (${formatNumber(previous.knownDays)} of ${formatNumber(previous.days)} days known)` : '';
  return `vs ${formatNumber(previous[key])} from ${previous.from} to ${previous.to}${known}`;
}

/** data-trend for styling: up, down, flat or unknown; the text above always says the same in words. */
export function trendOf(previous, key) {
  const change = previous?.state === 'comparable' ? previous[`${key}Change`] : null;
  if (change === null || change === undefined) return 'unknown';
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}
