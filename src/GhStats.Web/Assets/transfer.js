// Import and export: the export download, import and restore uploads that run as background jobs, each followed every
// second (phase, done of total) until its report, drawn as tables; "Run it for real" after a dry run; the tenant's
// recent jobs. Everything read from files and reports is set as text (el(), say()), never as markup.
import {
  api, upload, el, fill, say, formatDate, formatNumber, prefix, submitting,
} from './ghstats.js';

const root = document.getElementById('transfer');
const slug = root.dataset.slug;
const base = `/tenants/${encodeURIComponent(slug)}`;
const maxBytes = Number(root.dataset.maxBytes || 0);

const stateNames = { queued: 'queued', running: 'running', succeeded: 'succeeded', failed: 'failed' };
const badgeKinds = { queued: 'running', running: 'running', succeeded: 'ok', failed: 'failed' };
const outcomeNames = {
  existing: 'merged into the one tracked here',
  createdTracked: 'created, tracked',
  createdHistoryOnly: 'created, history only',
  rejected: 'rejected',
};
const isGoing = (job) => job.state === 'queued' || job.state === 'running';
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
const plural = (n, one, many) => `${formatNumber(n)} ${n === 1 ? one : many}`;
const words = (name) => String(name).replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);

const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
function formatBytes(bytes) {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? plural(bytes, 'byte', 'bytes') : `${decimal.format(value)} ${units[unit]}`;
}

/** "Dry run of an import of repostats.csv (ibm-csv)", as a job's name in headings and lists. */
function describe(job) {
  const what = job.kind === 'restore' ? `restore of ${job.fileName}` : `import of ${job.fileName} (${job.source})`;
  return job.dryRun ? `Dry run of the ${what}` : `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
}

const badge = (state) => el('span', { class: `badge ${badgeKinds[state] ?? ''}`.trim() }, stateNames[state] ?? words(state));

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
  fill(heading, `Uploading ${file.name}`);
  fill(summary, `${formatBytes(file.size)}; the job starts once the whole file is on the server.`);
  fill(barLabel, `Upload of ${file.name}`);
  progress(sent, total);
  say(status, total > 0 ? `Uploading: ${formatBytes(sent)} of ${formatBytes(total)}` : 'Uploading…');
  again.classList.add('hidden');
  fill(report);
}

function showJob(job) {
  shown = job;
  section.classList.remove('hidden');
  section.dataset.jobId = job.id;
  section.dataset.state = job.state;
  fill(heading, describe(job));
  fill(summary, `Uploaded ${formatDate(job.createdAt)} by ${job.requestedBy}, ${formatBytes(job.fileBytes)}. `, badge(job.state));
  fill(barLabel, `Progress of job ${job.id}`);
  const { phase, done, total } = job.progress ?? { phase: '', done: 0, total: 0 };
  if (job.state === 'queued') {
    progress(0, 0);
    say(status, 'Queued: it starts when the jobs uploaded before it have ended.');
  } else if (job.state === 'running') {
    progress(done, total);
    say(status, total > 0 ? `${phase}: ${formatNumber(done)} of ${formatNumber(total)}` : `${phase}…`);
  } else if (job.state === 'succeeded') {
    progress(1, 1);
    say(status, job.dryRun ? 'The dry run has finished: nothing was written. Its report:' : 'Finished. Its report:', 'ok');
  } else {
    barField.classList.add('hidden');
    say(status, `It failed: ${job.error ?? 'no reason was given.'}`, 'error');
  }
  again.classList.toggle('hidden', !(job.dryRun && job.state === 'succeeded'));
  say(againStatus, '');
  if (job.dryRun && job.state === 'succeeded') {
    fill(againNote, `Running it for real uploads the file chosen in the ${job.kind === 'restore' ? 'Restore' : 'Import'} form above again, with the options there: if you changed or cleared it, choose ${job.fileName} again first.`);
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
    say(status, `${error.message} Job ${current.id} is no longer followed; refresh to see it.`, 'error');
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

const number = (value) => el('td', { class: 'num' }, formatNumber(value ?? 0));

function repositoriesTable(id, repositories) {
  if (repositories.length === 0) return el('p', { class: 'note' }, 'No repositories.');
  return table(id, 'Per repository: days new, days raised, days the same, days lower than GhStats has (GhStats keeps its own), snapshot rows new, rows rejected', [
    ['Repository'], ['Outcome'], ['Days new', true], ['Days raised', true], ['Days unchanged', true], ['Days lower (kept)', true], ['Snapshots new', true], ['Rows rejected', true],
  ], repositories.map((repository) => el('tr', { 'data-repository': repository.fullName },
    el('th', { scope: 'row', class: 'text' }, repository.fullName,
      (repository.sourceKeys ?? []).length > 0 ? el('span', { class: 'cell-note' }, `source ${repository.sourceKeys.length === 1 ? 'key' : 'keys'} ${repository.sourceKeys.join(', ')}`) : null),
    el('td', {}, outcomeNames[repository.outcome] ?? words(repository.outcome)),
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
    ...(loose ?? []).map((rejection) => ['no repository', rejection]),
  ];
  if (rows.length === 0) return [el('h3', {}, 'Rejected rows'), el('p', { class: 'note', id: `${id}-none` }, 'No row was rejected.')];
  return [
    el('h3', {}, 'Rejected rows'),
    table(id, `${plural(rows.length, 'row', 'rows')} left out, with where and why`, [['Repository'], ['Where'], ['Reason']],
      rows.map(([repository, rejection]) => el('tr', {},
        el('td', { class: 'text' }, repository),
        el('td', { class: 'text' }, el('code', {}, rejection.where)),
        el('td', { class: 'text' }, rejection.reason)))),
  ];
}

function notesPart(notes) {
  if (!notes || notes.length === 0) return [];
  return [el('h3', {}, 'Notes'), el('ul', { id: 'report-notes', class: 'report-notes' }, notes.map((note) => el('li', {}, note)))];
}

function importReport(data) {
  const repositories = data.repositories ?? [];
  const users = data.users ?? [];
  return [
    el('h3', {}, 'Repositories'),
    repositoriesTable('report-repositories', repositories),
    data.dryRun || repositories.length === 0 ? [] : el('p', {}, 'The repositories are listed on ',
      el('a', { href: `${prefix}/manage/repositories?tenant=${encodeURIComponent(slug)}` }, 'the Repositories page'), ', each with a link to its traffic.'),
    rejectionsPart('report-rejections', repositories, data.rejections),
    users.length === 0 ? [] : [
      el('h3', {}, 'People to invite'),
      el('p', { class: 'note' }, 'The source let these people in. Nothing was granted here: invite those who should see this tenant on ',
        el('a', { href: `${prefix}/manage/tenants/${encodeURIComponent(slug)}` }, 'the tenant page'), '.'),
      table('report-people', `${plural(users.length, 'person', 'people')} with their roles in the source`, [['Email'], ['Name'], ['Roles']],
        users.map((user) => el('tr', {},
          el('td', { class: 'text' }, user.email),
          el('td', { class: 'text' }, user.name ?? ''),
          el('td', { class: 'text' }, (user.roles ?? []).join('; '))))),
    ],
    notesPart(data.notes),
  ];
}

function restoreReport(data) {
  const manifest = data.manifest ?? {};
  const facts = (pairs) => el('dl', { class: 'facts' }, pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  return [
    el('h3', {}, 'Archive'),
    facts([
      ['Holds', manifest.scope === 'installation' ? 'the whole installation' : String(manifest.scope ?? '').replace(/^tenant:/, 'tenant ')],
      ['Exported', formatDate(manifest.exportedAt)],
      ['By GhStats', `${manifest.productVersion ?? '?'} (database schema ${manifest.schemaVersion ?? '?'})`],
    ]),
    (data.tenants ?? []).map((tenant, index) => [
      el('h3', {}, `Tenant ${tenant.slug}`),
      facts([
        ['Tenant', tenant.created ? 'created' : 'existing: the archive merges into it'],
        ['Connections new', `${formatNumber(tenant.connectionsNew)}${tenant.connectionsNew > 0 ? ', each without its token or key: enter it again on the tenant page' : ''}`],
        ['Owners tracked whole, new', formatNumber(tenant.ownersNew)],
        ['Days of stars and other counters, new or raised', formatNumber(tenant.statsDaysWritten)],
        ['Notes new', formatNumber(tenant.annotationsNew)],
        ['Public dashboards new', formatNumber(tenant.dashboardsNew)],
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
  if (!file) problem = expectedName ? `No file is chosen: choose ${expectedName} again in the form above, then press Run it for real.` : 'Choose a file to upload.';
  else if (expectedName && file.name !== expectedName) problem = `The dry run read ${expectedName}; the form holds ${file.name}. Choose ${expectedName} again, then press Run it for real.`;
  else if (maxBytes > 0 && file.size > maxBytes) problem = `${file.name} is ${formatBytes(file.size)}, over the largest upload here (${formatBytes(maxBytes)}).`;
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
      say(formStatus, `${describe(job)} has started: its progress and report are below.`, 'ok');
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
  el('td', {}, job.kind === 'restore' ? 'Restore' : `Import (${job.source})`, job.dryRun ? el('span', { class: 'tag' }, 'dry run') : null),
  el('td', { class: 'text' }, job.fileName),
  el('td', { class: 'num nowrap' }, formatBytes(job.fileBytes)),
  el('td', { class: 'text' }, job.requestedBy),
  el('td', {}, badge(job.state), job.state === 'running' && job.progress?.total > 0
    ? el('span', { class: 'cell-note' }, `${job.progress.phase}: ${formatNumber(job.progress.done)} of ${formatNumber(job.progress.total)}`) : null),
  el('td', {}, el('button', { type: 'button', 'data-show-job': job.id, 'aria-label': `Show job ${job.id}: ${describe(job)}` }, 'Show')));

async function loadJobs() {
  try {
    const jobs = await api(`${base}/transfers`);
    const focused = document.activeElement?.dataset?.showJob;
    fill(jobsBody, jobs.length === 0 ? el('tr', {}, el('td', { colspan: 7 }, 'No imports or restores yet.')) : jobs.map(jobRow));
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
