// Import and export: the export download, import and restore uploads that run as background jobs, each followed every
// second (phase, done of total) until its report, drawn as tables; "Run it for real" after a dry run; the tenant's
// recent jobs. Everything read from files and reports is set as text (el(), say()), never as markup.
import {
  api, upload, el, fill, say, formatDate, formatNumber, prefix, submitting, lang, t, tn, textOr, wireWords,
} from './ghstats.js';

const root = document.getElementById('transfer');
const slug = root.dataset.slug;
const base = `/tenants/${encodeURIComponent(slug)}`;
const maxBytes = Number(root.dataset.maxBytes || 0);

const badgeKinds = { queued: 'running', running: 'running', succeeded: 'ok', failed: 'failed' };
const isGoing = (job) => job.state === 'queued' || job.state === 'running';
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
/** A wire name's words in the page's language (states, outcomes), or its own words where the page has none. */
const named = (key, wire) => textOr(key, wireWords(wire));

// The importer and the restorer name their phases in English (GhStats.Transfer); the page says them in its language.
const phaseKeys = {
  'checking the file': 'checkingFile',
  'writing repositories': 'writingRepositories',
  'comparing repositories': 'comparingRepositories',
  'checking the archive': 'checkingArchive',
  'restoring rows': 'restoringRows',
  'comparing rows': 'comparingRows',
};
const phaseName = (phase) => (phaseKeys[phase] ? t(`transferPhase.${phaseKeys[phase]}`) : phase);

const units = [null, 'KB', 'MB', 'GB', 'TB'];
const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
function formatBytes(bytes) {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? tn('transferBytes', bytes) : `${decimal.format(value)} ${units[unit]}`;
}

/** "Dry run of an import of repostats.csv (ibm-csv)", as a job's name in headings and lists. */
function describe(job) {
  const values = { file: job.fileName, source: job.source };
  if (job.kind === 'restore') return t(job.dryRun ? 'transferDryRunOfRestore' : 'transferRestoreOf', values);
  return t(job.dryRun ? 'transferDryRunOfImport' : 'transferImportOf', values);
}

// The state in words; its wire name in the title.
const badge = (state) => el('span', { class: `badge ${badgeKinds[state] ?? ''}`.trim(), 'data-wire': state }, named(`transferState.${state}`, state));

// The job panel ----------------------------------------------------------------------------------------------------
const section = document.getElementById('job');
const heading = document.getElementById('job-heading');
const summary = document.getElementById('job-summary');
const barField = document.getElementById('job-progress-field');
const bar = document.getElementById('job-progress');
const barLabel = document.getElementById('job-progress-label');
const status = document.getElementById('job-status');
const again = document.getElementById('job-again');
const againNote = document.getElementById('job-again-note');
const report = document.getElementById('job-report');
let shown = null;
let following = null;

/** The bar at done of total, or moving without a value while the total is not known yet. */
function progress(done, total) {
  barField.classList.remove('hidden');
  if (total > 0) {
    bar.max = total;
    bar.value = Math.min(done, total);
  } else {
    bar.removeAttribute('value');
  }
}

/** The panel while a file uploads, before there is a job. */
function showUpload(file, sent, total) {
  section.classList.remove('hidden');
  fill(heading, t('transferUploading', { file: file.name }));
  fill(summary, t('transferUploadSummary', { size: formatBytes(file.size) }));
  fill(barLabel, t('transferUploadOf', { file: file.name }));
  progress(sent, total);
  say(status, total > 0 ? t('transferUploadProgress', { sent: formatBytes(sent), total: formatBytes(total) }) : t('transferUploadingPlain'));
  again.classList.add('hidden');
  fill(report);
}

function showJob(job) {
  shown = job;
  section.classList.remove('hidden');
  section.dataset.jobId = job.id;
  section.dataset.state = job.state;
  fill(heading, describe(job));
  fill(summary, t('transferUploadedBy', { when: formatDate(job.createdAt), who: job.requestedBy, size: formatBytes(job.fileBytes) }), ' ', badge(job.state));
  fill(barLabel, t('transferProgressOf', { id: String(job.id) }));
  const { phase, done, total } = job.progress ?? { phase: '', done: 0, total: 0 };
  if (job.state === 'queued') {
    progress(0, 0);
    say(status, t('transferQueued'));
  } else if (job.state === 'running') {
    progress(done, total);
    say(status, total > 0 ? t('transferPhaseProgress', { phase: phaseName(phase), done, total }) : `${phaseName(phase)}…`);
  } else if (job.state === 'succeeded') {
    progress(1, 1);
    say(status, t(job.dryRun ? 'transferDryRunDone' : 'transferFinished'), 'ok');
  } else {
    barField.classList.add('hidden');
    say(status, t('transferFailed', { reason: job.error ?? t('transferNoReason') }), 'error');
  }
  again.classList.toggle('hidden', !(job.dryRun && job.state === 'succeeded'));
  say(againStatus, '');
  if (job.dryRun && job.state === 'succeeded') {
    fill(againNote, t(job.kind === 'restore' ? 'transferAgainRestore' : 'transferAgainImport', { file: job.fileName }));
  }
  if (!isGoing(job) && job.report) renderReport(job);
  else fill(report);
}

/** Polls a job every second until it ends, then lists the jobs again; showing another job stops it. */
async function follow(job) {
  following = job.id;
  let current = job;
  try {
    for (;;) {
      if (following !== current.id) return;
      showJob(current);
      if (!isGoing(current)) break;
      await sleep(1000);
      if (following !== current.id) return;
      current = await api(`${base}/transfers/${current.id}`);
    }
  } catch (error) {
    say(status, t('transferNotFollowed', { message: error.message, id: String(current.id) }), 'error');
  }
  if (following === current.id) following = null;
  await loadJobs();
}

// Reports ----------------------------------------------------------------------------------------------------------
const table = (id, caption, columns, rows) => el('div', { class: 'table-wrap', tabindex: '0' },
  el('table', { id },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, columns.map(([name, numeric]) => el('th', { scope: 'col', class: numeric ? 'num' : null }, name)))),
    el('tbody', {}, rows)));

/** A translated sentence with a link at its {link}: the words around it where the language puts them. */
function withLink(text, link) {
  const [before, after = ''] = text.split('{link}');
  return [before, link, after];
}

const number = (value) => el('td', { class: 'num' }, formatNumber(value ?? 0));

function repositoriesTable(id, repositories) {
  if (repositories.length === 0) return el('p', { class: 'note' }, t('transferNoRepositories'));
  return table(id, t('transferRepositoriesCaption'), [
    [t('transferColRepository')], [t('transferColOutcome')], [t('transferColDaysNew'), true], [t('transferColDaysRaised'), true],
    [t('transferColDaysUnchanged'), true], [t('transferColDaysLower'), true], [t('transferColSnapshotsNew'), true], [t('transferColRowsRejected'), true],
  ], repositories.map((repository) => el('tr', { 'data-repository': repository.fullName },
    el('th', { scope: 'row', class: 'text' }, el('span', { translate: 'no' }, repository.fullName),
      (repository.sourceKeys ?? []).length > 0
        ? el('span', { class: 'cell-note' }, tn('transferSourceKeys', repository.sourceKeys.length, { keys: repository.sourceKeys.join(', ') })) : null),
    el('td', { 'data-wire': repository.outcome }, named(`transferOutcome.${repository.outcome}`, repository.outcome)),
    number(repository.daysNew),
    number(repository.daysRaised),
    number(repository.daysUnchanged),
    number(repository.daysLower),
    number(repository.snapshotsNew),
    number((repository.rejections ?? []).length))));
}

function rejectionsPart(id, repositories, loose) {
  const rows = [
    ...repositories.flatMap((repository) => (repository.rejections ?? []).map((rejection) => [repository.fullName, rejection])),
    ...(loose ?? []).map((rejection) => [null, rejection]),
  ];
  if (rows.length === 0) return [el('h3', {}, t('transferRejectedRows')), el('p', { class: 'note', id: `${id}-none` }, t('transferNoRowRejected'))];
  return [
    el('h3', {}, t('transferRejectedRows')),
    table(id, tn('transferRowsLeftOut', rows.length), [[t('transferColRepository')], [t('transferColWhere')], [t('transferColReason')]],
      rows.map(([repository, rejection]) => el('tr', {},
        repository === null ? el('td', { class: 'text' }, t('transferNoRepository')) : el('td', { class: 'text', translate: 'no' }, repository),
        el('td', { class: 'text' }, el('code', { translate: 'no' }, rejection.where)),
        // The importer gives its reasons in English (GhStats.Transfer); they are shown as it wrote them.
        el('td', { class: 'text' }, rejection.reason)))),
  ];
}

function notesPart(notes) {
  if (!notes || notes.length === 0) return [];
  return [el('h3', {}, t('transferNotes')), el('ul', { id: 'report-notes', class: 'report-notes' }, notes.map((note) => el('li', {}, note)))];
}

function importReport(data) {
  const repositories = data.repositories ?? [];
  const users = data.users ?? [];
  return [
    el('h3', {}, t('transferRepositoriesHeading')),
    repositoriesTable('report-repositories', repositories),
    data.dryRun || repositories.length === 0 ? [] : el('p', {}, withLink(t('transferListedOn'),
      el('a', { href: `${prefix}/manage/repositories?tenant=${encodeURIComponent(slug)}` }, t('transferRepositoriesPage')))),
    rejectionsPart('report-rejections', repositories, data.rejections),
    users.length === 0 ? [] : [
      el('h3', {}, t('transferPeopleHeading')),
      el('p', { class: 'note' }, withLink(t('transferPeopleNote'),
        el('a', { href: `${prefix}/manage/tenants/${encodeURIComponent(slug)}` }, t('transferTenantPage')))),
      table('report-people', tn('transferPeopleCaption', users.length), [[t('transferColEmail')], [t('transferColName')], [t('transferColRoles')]],
        users.map((user) => el('tr', {},
          el('td', { class: 'text', translate: 'no' }, user.email),
          el('td', { class: 'text', translate: 'no' }, user.name ?? ''),
          // The source's own role names: data.
          el('td', { class: 'text', translate: 'no' }, (user.roles ?? []).join('; '))))),
    ],
    notesPart(data.notes),
  ];
}

function restoreReport(data) {
  const manifest = data.manifest ?? {};
  const facts = (pairs) => el('dl', { class: 'facts' }, pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  return [
    el('h3', {}, t('transferArchiveHeading')),
    facts([
      [t('transferHolds'), manifest.scope === 'installation' ? t('transferWholeInstallation')
        : String(manifest.scope ?? '').startsWith('tenant:') ? t('transferTenantScope', { slug: manifest.scope.slice('tenant:'.length) })
          : String(manifest.scope ?? '')],
      [t('transferExported'), formatDate(manifest.exportedAt)],
      [t('transferByGhStats'), t('transferVersion', { version: manifest.productVersion ?? '?', schema: String(manifest.schemaVersion ?? '?') })],
    ]),
    (data.tenants ?? []).map((tenant, index) => [
      el('h3', {}, t('transferTenantHeading', { slug: tenant.slug })),
      facts([
        [t('transferTenant'), tenant.created ? t('transferTenantCreated') : t('transferTenantExisting')],
        [t('transferConnectionsNew'), tenant.connectionsNew > 0 ? t('transferConnectionsNoToken', { count: tenant.connectionsNew }) : formatNumber(tenant.connectionsNew)],
        [t('transferOwnersNew'), formatNumber(tenant.ownersNew)],
        [t('transferStatsDays'), formatNumber(tenant.statsDaysWritten)],
        [t('transferNotesNew'), formatNumber(tenant.annotationsNew)],
        [t('transferDashboardsNew'), formatNumber(tenant.dashboardsNew)],
      ]),
      repositoriesTable(index === 0 ? 'report-repositories' : `report-repositories-${index + 1}`, tenant.repositories ?? []),
      rejectionsPart(index === 0 ? 'report-rejections' : `report-rejections-${index + 1}`, tenant.repositories ?? [], []),
    ]),
    notesPart(data.notes),
  ];
}

function renderReport(job) {
  // The parts nest arrays of nodes (a part may be empty); el() and fill() flatten one level only.
  fill(report, (job.kind === 'restore' ? restoreReport(job.report) : importReport(job.report)).flat(Infinity));
}

// Starting jobs ----------------------------------------------------------------------------------------------------
const importForm = document.getElementById('import-form');
const restoreForm = document.getElementById('restore-form');
const sourceSelect = document.getElementById('import-source');

function showSourceHelp() {
  for (const help of document.querySelectorAll('[data-source-help]')) {
    help.classList.toggle('hidden', help.dataset.sourceHelp !== sourceSelect.value);
  }
}

/** The chosen file, or null after saying what is wrong with it next to the form. */
function chosenFile(input, formStatus, expectedName) {
  const file = input.files?.[0];
  let problem = null;
  if (!file) problem = expectedName ? t('transferNoFileChosen', { file: expectedName }) : t('transferChooseFile');
  else if (expectedName && file.name !== expectedName) problem = t('transferOtherFile', { expected: expectedName, file: file.name });
  else if (maxBytes > 0 && file.size > maxBytes) problem = t('transferTooLarge', { file: file.name, size: formatBytes(file.size), largest: formatBytes(maxBytes) });
  input.setAttribute('aria-invalid', problem ? 'true' : 'false');
  if (problem) {
    say(formStatus, problem, 'error');
    input.focus();
    return null;
  }
  return file;
}

/** Uploads a form's file as a new job (dry run or not) and follows it. */
async function start(form, formStatus, path, fields, dryRun, expectedName) {
  const input = form.querySelector('input[type=file]');
  const file = chosenFile(input, formStatus, expectedName);
  if (!file) return;
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('dryRun', dryRun ? 'true' : 'false');
  body.append('file', file, file.name);
  say(formStatus, '');
  following = null;
  await submitting(form, async () => {
    try {
      showUpload(file, 0, file.size);
      const job = await upload(path, body, (sent, total) => showUpload(file, sent, total));
      say(formStatus, t('transferStarted', { job: describe(job) }), 'ok');
      history.replaceState(null, '', `${location.pathname}?job=${encodeURIComponent(job.id)}`);
      heading.focus();
      follow(job);
    } catch (error) {
      section.classList.add('hidden');
      say(formStatus, error.message, 'error');
    }
  });
  loadJobs();
}

const importFields = (source) => ({
  source,
  historyOnly: importForm.elements.historyOnly.checked ? 'true' : 'false',
  repositoryNames: importForm.elements.repositoryNames.value,
});

// "Run it for real" says what is wrong next to itself, where the person who pressed it is looking.
const againStatus = document.getElementById('job-again-status');

function startImport(dryRun, expectedName, source) {
  const formStatus = expectedName ? againStatus : document.getElementById('import-status');
  return start(importForm, formStatus, `${base}/imports`, importFields(source ?? sourceSelect.value), dryRun, expectedName);
}

function startRestore(dryRun, expectedName) {
  const formStatus = expectedName ? againStatus : document.getElementById('restore-status');
  return start(restoreForm, formStatus, `${base}/restore`, {}, dryRun, expectedName);
}

// The jobs list ----------------------------------------------------------------------------------------------------
const jobsBody = document.querySelector('#jobs-table tbody');
const jobsStatus = document.getElementById('jobs-status');

const jobRow = (job) => el('tr', { 'data-job-id': job.id },
  el('td', {}, el('time', { datetime: job.createdAt }, formatDate(job.createdAt))),
  el('td', {}, job.kind === 'restore' ? t('transferKindRestore') : [t('transferKindImport'), ' (', el('span', { translate: 'no' }, job.source), ')'],
    job.dryRun ? el('span', { class: 'tag' }, t('transferDryRunTag')) : null),
  el('td', { class: 'text', translate: 'no' }, job.fileName),
  el('td', { class: 'num nowrap' }, formatBytes(job.fileBytes)),
  el('td', { class: 'text', translate: 'no' }, job.requestedBy),
  el('td', {}, badge(job.state), job.state === 'running' && job.progress?.total > 0
    ? el('span', { class: 'cell-note' }, t('transferPhaseProgress', { phase: phaseName(job.progress.phase), done: job.progress.done, total: job.progress.total })) : null),
  el('td', {}, el('button', { type: 'button', 'data-show-job': job.id, 'aria-label': t('transferShowJobLabel', { id: String(job.id), job: describe(job) }) }, t('transferShow'))));

async function loadJobs() {
  try {
    const jobs = await api(`${base}/transfers`);
    const focused = document.activeElement?.dataset?.showJob;
    fill(jobsBody, jobs.length === 0 ? el('tr', {}, el('td', { colspan: 7 }, t('transferNoJobs'))) : jobs.map(jobRow));
    if (focused) jobsBody.querySelector(`button[data-show-job="${focused}"]`)?.focus();
    say(jobsStatus, '');
    return jobs;
  } catch (error) {
    say(jobsStatus, error.message, 'error');
    return [];
  }
}

async function show(id, focus) {
  try {
    const job = await api(`${base}/transfers/${encodeURIComponent(id)}`);
    history.replaceState(null, '', `${location.pathname}?job=${encodeURIComponent(job.id)}`);
    following = null;
    if (isGoing(job)) follow(job);
    else showJob(job);
    if (focus) heading.focus();
  } catch (error) {
    say(jobsStatus, error.message, 'error');
  }
}

// Wiring -----------------------------------------------------------------------------------------------------------
if (importForm) {
  sourceSelect.addEventListener('change', showSourceHelp);
  showSourceHelp();
  importForm.addEventListener('submit', (event) => {
    event.preventDefault();
    startImport(importForm.elements.dryRun.checked);
  });
  restoreForm.addEventListener('submit', (event) => {
    event.preventDefault();
    startRestore(restoreForm.elements.dryRun.checked);
  });
  const runForReal = document.getElementById('job-run-for-real');
  runForReal.addEventListener('click', async () => {
    const dry = shown;
    if (!dry) return;
    runForReal.disabled = true;
    try {
      if (dry.kind === 'restore') await startRestore(false, dry.fileName);
      else await startImport(false, dry.fileName, dry.source);
    } finally {
      runForReal.disabled = false;
    }
  });
  jobsBody.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-show-job]');
    if (button) show(button.dataset.showJob, true);
  });
  document.getElementById('jobs-refresh').addEventListener('click', loadJobs);

  const asked = new URLSearchParams(location.search).get('job');
  loadJobs().then((jobs) => {
    if (asked) show(asked, false);
    else {
      const going = jobs.find(isGoing);
      if (going) follow(going);
    }
  });
}
