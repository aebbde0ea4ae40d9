// Collection log: recent runs, one run's per-repository errors, and "Collect now" with live progress.
import {
  api, el, fill, say, formatDate, formatNumber, prefix, horizonBadge, horizonText,
} from './ghstats.js';

const tbody = document.querySelector('#runs-table tbody');
const runsStatus = document.getElementById('runs-status');
const collectNow = document.getElementById('collect-now');
const barField = document.getElementById('collect-bar-field');
const bar = document.getElementById('collect-bar');
const progressText = document.getElementById('collect-text');
const details = document.getElementById('run-details');
const detailsBody = document.getElementById('run-details-body');

const statusNames = {
  running: 'running', succeeded: 'succeeded', completedWithErrors: 'completed with errors',
  failed: 'failed', cancelled: 'cancelled', abandoned: 'abandoned', queued: 'queued for the worker',
};
const badgeKinds = {
  running: 'running', queued: 'running', succeeded: 'ok', completedWithErrors: 'warn', failed: 'failed', abandoned: 'failed',
};
// A queued run waits for a worker process to start it; both are followed until they end.
const isGoing = (run) => run.status === 'running' || run.status === 'queued';
const triggerNames = { cron: 'scheduler', schedule: 'schedule', manual: 'manual' };
// The API spells enumerations in camelCase (noPushAccess); people read words.
const words = (name) => name.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

let runs = [];
let following = null;

function duration(run) {
  const end = run.finishedAt ? new Date(run.finishedAt) : new Date();
  const seconds = Math.max(0, Math.round((end - new Date(run.startedAt)) / 1000));
  const text = seconds < 60 ? `${seconds} s`
    : seconds < 3600 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s`
      : `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return run.finishedAt ? text : `${text} so far`;
}

const badge = (status) => el('span', { class: `badge ${badgeKinds[status] ?? ''}`.trim() }, statusNames[status] ?? words(status));

// An email may break after its @ rather than anywhere: "boss@" over "example.com".
const breakable = (text) => text.split('@').flatMap((part, i) => (i === 0 ? [part] : ['@', el('wbr'), part]));

const row = (run) => el('tr', { 'data-run-id': run.id },
  el('th', { scope: 'row', class: 'num' }, run.id),
  el('td', {}, triggerNames[run.trigger] ?? words(run.trigger)),
  el('td', { class: 'text' }, breakable(run.requestedBy ?? '')),
  el('td', {}, formatDate(run.startedAt)),
  el('td', { class: 'nowrap' }, duration(run)),
  el('td', {}, badge(run.status)),
  el('td', { class: 'num' }, `${formatNumber(run.reposOk)} / ${formatNumber(run.reposFailed)} / ${formatNumber(run.reposTotal)}`),
  el('td', { class: 'num' }, formatNumber(run.apiCalls)),
  el('td', { class: 'num' }, run.rateLimitRemaining === null ? '–' : formatNumber(run.rateLimitRemaining)),
  el('td', {}, el('button', { type: 'button', 'data-run-details': run.id, 'aria-label': `Details of run ${run.id}` }, 'Details')));

function render() {
  // Redrawing the table must not throw keyboard focus off the Details button it was on.
  const focused = document.activeElement?.dataset?.runDetails;
  fill(tbody, runs.length === 0 ? el('tr', {}, el('td', { colspan: 10 }, 'No runs yet.')) : runs.map(row));
  if (focused) tbody.querySelector(`button[data-run-details="${focused}"]`)?.focus();
}

/** Puts a polled run's figures in its row, or a new run at the top. */
function update(run) {
  const known = runs.some((r) => r.id === run.id);
  runs = known ? runs.map((r) => (r.id === run.id ? run : r)) : [run, ...runs];
  const old = tbody.querySelector(`tr[data-run-id="${run.id}"]`);
  if (!old) render();
  else if (!old.contains(document.activeElement)) old.replaceWith(row(run));
}

const repositories = (count) => `${formatNumber(count)} ${count === 1 ? 'repository' : 'repositories'}`;

/** The counts of repositories at risk and losing days, and a link to each of them, worst first. */
async function loadHorizon() {
  const summary = document.getElementById('horizon-summary');
  try {
    const horizon = await api('/horizon');
    fill(document.getElementById('horizon-threshold'), formatNumber(horizon.atRiskAfterDays));
    const trouble = horizon.atRisk + horizon.losingDays;
    fill(summary,
      el('span', { id: 'horizon-losing-days' }, `${repositories(horizon.losingDays)} losing days`), ', ',
      el('span', { id: 'horizon-at-risk' }, `${repositories(horizon.atRisk)} at risk`), ', ',
      el('span', { id: 'horizon-fine' }, `${repositories(horizon.fine)} fine`),
      trouble === 0 ? '.' : ':');
    summary.className = `status ${trouble === 0 ? 'ok' : 'error'}`;
    fill(document.getElementById('horizon-list'), horizon.repositories.map((r) => el('li', { 'data-repo-id': r.repoId },
      el('a', { href: `${prefix}/repos/${r.repoId}` }, r.fullName), ' ', horizonBadge(r.horizon),
      el('span', { class: 'muted' }, ' ', horizonText(r.horizon), ` (tenant ${r.tenant})`))));
  } catch (error) {
    say(summary, error.message, 'error');
  }
}

async function load() {
  loadHorizon();
  try {
    runs = await api('/runs?limit=50');
    render();
    const going = runs.find(isGoing);
    if (going) follow(going);
  } catch (error) {
    say(runsStatus, error.message, 'error');
  }
}

function showProgress(run) {
  const done = run.reposOk + run.reposFailed;
  const counts = `${formatNumber(done)} of ${formatNumber(run.reposTotal)} repositories, ${formatNumber(run.reposFailed)} failed`;
  barField.classList.remove('hidden');
  fill(document.getElementById('collect-label'), `Progress of run ${run.id}`);
  if (run.reposTotal > 0) {
    bar.max = run.reposTotal;
    bar.value = done;
  } else if (isGoing(run)) {
    bar.removeAttribute('value'); // Not yet counted: an indeterminate bar.
  } else {
    bar.max = 1;
    bar.value = 1;
  }
  if (run.status === 'queued') {
    say(progressText, `Run ${run.id} is queued: the worker process starts it.`);
  } else if (run.status === 'running') {
    say(progressText, counts);
  } else {
    say(progressText, `Run ${run.id} ${statusNames[run.status] ?? words(run.status)}: ${counts}.`, run.status === 'succeeded' ? 'ok' : 'error');
  }
}

/** Polls a queued or running run every second until it ends, updating the bar and its row, then reloads the log. */
async function follow(run) {
  if (following === run.id) return;
  following = run.id;
  collectNow.disabled = true;
  let current = run;
  try {
    for (;;) {
      showProgress(current);
      update(current);
      if (!isGoing(current)) break;
      await sleep(1000);
      current = await api(`/runs/${current.id}`);
    }
  } catch (error) {
    say(progressText, `${error.message} Progress of run ${current.id} is no longer followed; refresh to see it.`, 'error');
  } finally {
    following = null;
    collectNow.disabled = false;
  }
  await load();
}

collectNow.addEventListener('click', async () => {
  collectNow.disabled = true;
  say(progressText, 'Starting a collection…');
  try {
    // The answer is the new run, or the run already going: either way it is the one to follow.
    follow(await api('/collect', { method: 'POST', body: {} }));
  } catch (error) {
    say(progressText, error.message, 'error');
    collectNow.disabled = false;
  }
});

async function showDetails(id) {
  try {
    const run = await api(`/runs/${id}`);
    const errors = run.errors ?? [];
    const facts = [
      ['Status', badge(run.status)],
      ['Trigger', triggerNames[run.trigger] ?? words(run.trigger)],
      ['Requested by', run.requestedBy ?? '–'],
      ['Started', formatDate(run.startedAt)],
      ['Finished', run.finishedAt ? formatDate(run.finishedAt) : 'not yet'],
      ['Repositories', `${formatNumber(run.reposOk)} ok, ${formatNumber(run.reposFailed)} failed, ${formatNumber(run.reposTotal)} in all`],
      ['API calls', formatNumber(run.apiCalls)],
      ['Rate limit left', run.rateLimitRemaining === null ? '–' : formatNumber(run.rateLimitRemaining)],
    ];
    fill(document.getElementById('run-details-heading'), `Run ${run.id}`);
    fill(detailsBody,
      el('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
      errors.length === 0 ? el('p', {}, 'No errors were recorded in this run.') : el('div', { class: 'table-wrap' },
        el('table', { id: 'run-errors-table' },
          el('caption', {}, `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in run ${run.id}`),
          el('thead', {}, el('tr', {}, ['Kind', 'Repository', 'Message', 'When'].map((name) => el('th', { scope: 'col' }, name)))),
          el('tbody', {}, errors.map((error) => el('tr', {},
            el('td', {}, words(error.kind)),
            el('th', { scope: 'row', class: 'text' }, error.repository ?? (error.repoId ? `repository ${error.repoId}` : 'the run')),
            el('td', { class: 'text' }, error.message),
            el('td', {}, formatDate(error.occurredAt))))))));
    details.classList.remove('hidden');
    document.getElementById('run-details-heading').focus();
  } catch (error) {
    say(runsStatus, error.message, 'error');
  }
}

tbody.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-run-details]');
  if (button) showDetails(button.dataset.runDetails);
});
document.getElementById('runs-refresh').addEventListener('click', load);
load();
