// Repository page: release downloads per day (read once a day from GitHub's asset counts) and per release.
import { api, apiBase, el, fill, formatNumber, lineChart } from './ghstats.js';

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
    note.textContent = 'Releases not read yet: they are read once a day by the collection.';
  } else if (downloads.releases.length === 0) {
    note.textContent = `No releases (last read ${downloads.lastReadOn}).`;
  } else {
    note.textContent = `${formatNumber(downloads.downloadsInRange)} downloads in the range, read on ${formatNumber(downloads.readDays)} of ${formatNumber(downloads.points.length)} days; `
      + `${formatNumber(downloads.totalDownloads)} in total as last read (${downloads.lastReadOn}). Days not read are gaps, not zeros; `
      + 'a figure after such days counts every download since the previous read.';
  }

  downloadsChart?.destroy();
  downloadsChart = undefined;
  if (empty) {
    fill(document.querySelector('#downloads-table tbody'), []);
    return;
  }

  downloadsChart = lineChart(document.getElementById('downloads-chart'), downloads.points.map((p) => p.date), [
    { label: 'Downloads', data: downloads.points.map((p) => p.downloads) },
  ]);
  // A day not read is unknown: the line breaks there instead of joining its neighbours.
  downloadsChart.data.datasets.forEach((set) => { set.spanGaps = false; });
  downloadsChart.update();

  fill(document.querySelector('#downloads-table tbody'), downloads.releases.map((r) => el('tr', {},
    el('th', { scope: 'row' }, r.name === r.tag ? r.tag : `${r.name} (${r.tag})`),
    el('td', {}, r.publishedOn),
    el('td', {}, `${r.prerelease ? 'pre-release' : 'release'}${r.listed ? '' : ', deleted on GitHub'}`),
    el('td', { class: 'num' }, formatNumber(r.downloadsInRange)),
    el('td', { class: 'num' }, formatNumber(r.totalDownloads)))));
}
