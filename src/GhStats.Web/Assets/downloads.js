// Repository page: release downloads per day (read once a day from GitHub's asset counts) and per release.
import {
  api, apiBase, el, fill, formatDay, formatNumber, lineChart, t,
} from './ghstats.js';

let downloadsChart;

/** Loads the "Release downloads" section for a range; days not read stay gaps in the chart and "not read" in the table. */
export async function loadDownloads(id, wanted) {
  const section = document.getElementById('downloads');
  if (!section) {
    return;
  }

  const query = `from=${wanted.from}&to=${wanted.to}`;
  document.getElementById('csv-downloads').href = `${apiBase}/repos/${id}/downloads.csv?${query}`;
  const downloads = await api(`/repos/${id}/downloads?${query}`);
  const note = document.getElementById('downloads-note');
  const empty = downloads.lastReadOn === null || downloads.releases.length === 0;
  document.getElementById('downloads-data').hidden = empty;
  if (downloads.lastReadOn === null) {
    note.textContent = t('downloadsNotRead');
  } else if (downloads.releases.length === 0) {
    note.textContent = t('downloadsNone', { day: formatDay(downloads.lastReadOn) });
  } else {
    note.textContent = t('downloadsSummary', {
      inRange: downloads.downloadsInRange,
      read: downloads.readDays,
      days: downloads.points.length,
      total: downloads.totalDownloads,
      day: formatDay(downloads.lastReadOn),
    });
  }

  downloadsChart?.destroy();
  downloadsChart = undefined;
  if (empty) {
    fill(document.querySelector('#downloads-table tbody'), []);
    return;
  }

  downloadsChart = lineChart(document.getElementById('downloads-chart'), downloads.points.map((p) => p.date), [
    { label: t('downloadsLabel'), data: downloads.points.map((p) => p.downloads) },
  ]);
  // A day not read is unknown: the line breaks there instead of joining its neighbours.
  downloadsChart.data.datasets.forEach((set) => { set.spanGaps = false; });
  downloadsChart.update();

  fill(document.querySelector('#downloads-table tbody'), downloads.releases.map((r) => el('tr', {},
    el('th', { scope: 'row', translate: 'no' }, r.name === r.tag ? r.tag : `${r.name} (${r.tag})`),
    el('td', {}, r.publishedOn ? el('time', { datetime: r.publishedOn }, formatDay(r.publishedOn)) : ''),
    el('td', {}, t(`downloads${r.prerelease ? 'PreRelease' : 'Release'}${r.listed ? '' : 'Deleted'}`)),
    el('td', { class: 'num' }, formatNumber(r.downloadsInRange)),
    el('td', { class: 'num' }, formatNumber(r.totalDownloads)))));
}
