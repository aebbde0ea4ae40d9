// Collection log: recent runs, one run's per-repository errors, and "Collect now" with live progress.
import {
  api, el, fill, say, formatDate, formatNumber, prefix, horizonBadge, horizonText, lang, statusName, t, tn, textOr, wireWords,
} from './ghstats.js';

const tbody = document.querySelector('#runs-table tbody');
const runsStatus = document.getElementById('runs-status');
const collectNow = document.getElementById('collect-now');
const barField = document.getElementById('collect-bar-field');
const bar = document.getElementById('collect-bar');
const progressText = document.getElementById('collect-text');
const details = document.getElementById('run-details');
const detailsBody = document.getElementById('run-details-body');

const badgeKinds = {
  running: 'running', queued: 'running', succeeded: 'ok', completedWithErrors: 'warn', failed: 'failed', abandoned: 'failed',
};
// A queued run waits for a worker process to start it; both are followed until they end.
const isGoing = (run) => run.status === 'running' || run.status === 'queued';
// The API spells enumerations in camelCase (noPushAccess); people read words, in the page's language where it has them.
const named = (key, wire) => textOr(key, wireWords(wire));
const statusText = (status) => named(`runStatus.${status}`, status);
const triggerText = (trigger) => named(`runTrigger.${trigger}`, trigger);
// An error's kind is a collection status (noPushAccess, rateLimited ...): the shared names, keyed as the API's enum.
const kindText = (kind) => statusName(`${kind.charAt(0).toUpperCase()}${kind.slice(1)}`);
// Durations in the language's units: "5 s", "5 Sek.", "5 秒".
const unit = (name) => new Intl.NumberFormat(lang, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 });
const [secondsUnit, minutesUnit, hoursUnit] = ['second', 'minute', 'hour'].map(unit);
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

let runs = [];
let following = null;

function duration(run) {
  const end = run.finishedAt ? new Date(run.finishedAt) : new Date();
  const seconds = Math.max(0, Math.round((end - new Date(run.startedAt)) / 1000));
  const text = seconds < 60 ? secondsUnit.format(seconds)
    : seconds < 3600 ? `${minutesUnit.format(Math.floor(seconds / 60))} ${secondsUnit.format(seconds % 60)}`
      : `${hoursUnit.format(Math.floor(seconds / 3600))} ${minutesUnit.format(Math.floor((seconds % 3600) / 60))}`;
  return run.finishedAt ? text : t('runSoFar', { time: text });
}

// The status in words; its wire name (what the API and the CSV say) in the title.
const badge = (status) => el('span', { class: `badge ${badgeKinds[status] ?? ''}`.trim(), 'data-wire': status }, statusText(status));

// An email may break after its @ rather than anywhere: "boss@" over "example.com".
const breakable = (text) => text.split('@').flatMap((part, i) => (i === 0 ? [part] : ['@', el('wbr'), part]));

const row = (run) => el('tr', { 'data-run-id': run.id },
  el('th', { scope: 'row', class: 'num' }, run.id),
  el('td', { 'data-wire': run.trigger }, triggerText(run.trigger)),
  el('td', { class: 'text', translate: 'no' }, breakable(run.requestedBy ?? '')),
  el('td', {}, formatDate(run.startedAt)),
  el('td', { class: 'nowrap' }, duration(run)),
  el('td', {}, badge(run.status)),
  el('td', { class: 'num' }, `${formatNumber(run.reposOk)} / ${formatNumber(run.reposFailed)} / ${formatNumber(run.reposTotal)}`),
  el('td', { class: 'num' }, formatNumber(run.apiCalls)),
  el('td', { class: 'num' }, run.rateLimitRemaining === null ? '–' : formatNumber(run.rateLimitRemaining)),
  el('td', {}, el('button', { type: 'button', 'data-run-details': run.id, 'aria-label': t('runDetailsOf', { id: String(run.id) }) }, t('runDetailsButton'))));

function render() {
  // Redrawing the table must not throw keyboard focus off the Details button it was on.
  const focused = document.activeElement?.dataset?.runDetails;
  fill(tbody, runs.length === 0 ? el('tr', {}, el('td', { colspan: 10 }, t('runsNone'))) : runs.map(row));
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

/** The counts of repositories at risk and losing days, and a link to each of them, worst first. */
async function loadHorizon() {
  const summary = document.getElementById('horizon-summary');
  try {
    const horizon = await api('/horizon');
    fill(document.getElementById('horizon-threshold'), formatNumber(horizon.atRiskAfterDays));
    const trouble = horizon.atRisk + horizon.losingDays;
    fill(summary,
      el('span', { id: 'horizon-losing-days' }, tn('runLosingDays', horizon.losingDays)), t('runListSeparator'),
      el('span', { id: 'horizon-at-risk' }, tn('runAtRisk', horizon.atRisk)), t('runListSeparator'),
      el('span', { id: 'horizon-fine' }, tn('runFine', horizon.fine)),
      trouble === 0 ? '.' : ':');
    summary.className = `status ${trouble === 0 ? 'ok' : 'error'}`;
    fill(document.getElementById('horizon-list'), horizon.repositories.map((r) => el('li', { 'data-repo-id': r.repoId },
      el('a', { href: `${prefix}/repos/${r.repoId}`, translate: 'no' }, r.fullName), ' ', horizonBadge(r.horizon),
      el('span', { class: 'muted' }, ' ', horizonText(r.horizon), ' ', t('runOfTenant', { tenant: r.tenant })))));
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
  const counts = t('runCounts', { done, total: run.reposTotal, failed: run.reposFailed });
  barField.classList.remove('hidden');
  fill(document.getElementById('collect-label'), t('runProgressOf', { id: String(run.id) }));
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
    say(progressText, t('runQueued', { id: String(run.id) }));
  } else if (run.status === 'running') {
    say(progressText, counts);
  } else {
    say(progressText, t('runEnded', { id: String(run.id), status: statusText(run.status), counts }), run.status === 'succeeded' ? 'ok' : 'error');
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
    say(progressText, t('runNotFollowed', { message: error.message, id: String(current.id) }), 'error');
  } finally {
    following = null;
    collectNow.disabled = false;
  }
  await load();
}

collectNow.addEventListener('click', async () => {
  collectNow.disabled = true;
  say(progressText, t('runStarting'));
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
      [t('runFactStatus'), badge(run.status)],
      [t('runFactTrigger'), el('span', { 'data-wire': run.trigger }, triggerText(run.trigger))],
      [t('runFactRequestedBy'), el('span', { translate: 'no' }, run.requestedBy ?? '–')],
      [t('runFactStarted'), formatDate(run.startedAt)],
      [t('runFactFinished'), run.finishedAt ? formatDate(run.finishedAt) : t('runNotYet')],
      [t('runFactRepositories'), t('runRepositoryCounts', { ok: run.reposOk, failed: run.reposFailed, total: run.reposTotal })],
      [t('runFactApiCalls'), formatNumber(run.apiCalls)],
      [t('runFactRateLimitLeft'), run.rateLimitRemaining === null ? '–' : formatNumber(run.rateLimitRemaining)],
    ];
    fill(document.getElementById('run-details-heading'), t('runHeading', { id: String(run.id) }));
    fill(detailsBody,
      el('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
      errors.length === 0 ? el('p', {}, t('runNoErrors')) : el('div', { class: 'table-wrap' },
        el('table', { id: 'run-errors-table' },
          el('caption', {}, tn('runErrorsCaption', errors.length, { id: String(run.id) })),
          el('thead', {}, el('tr', {}, [t('runErrorKind'), t('runErrorRepository'), t('runErrorMessage'), t('runErrorWhen')].map((name) => el('th', { scope: 'col' }, name)))),
          el('tbody', {}, errors.map((error) => el('tr', {},
            el('td', { 'data-wire': error.kind }, kindText(error.kind)),
            el('th', { scope: 'row', class: 'text' }, error.repository ? el('span', { translate: 'no' }, error.repository)
              : error.repoId ? t('runRepositoryId', { id: String(error.repoId) }) : t('runItself')),
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
