// Repositories (tenant owners): add by owner/name with feedback as you type, remove with a choice about the data,
// and track all repositories of an owner with filters.
import {
  api, el, fill, say, formatDate, ask, prefix, statusName, t,
} from './ghstats.js';

const tenant = document.getElementById('manage').dataset.tenant;
const slug = encodeURIComponent(tenant);
const reposBody = document.querySelector('#repos-table tbody');
const reposStatus = document.getElementById('repos-status');
const ownersBody = document.querySelector('#owners-table tbody');
const ownerStatus = document.getElementById('owner-status');
const fullName = document.getElementById('repo-full-name');
const hint = document.getElementById('repo-full-name-hint');
const dialog = document.getElementById('remove-dialog');

// GitHub's own rules: an owner is letters, digits and single hyphens inside (at most 39); a name is letters, digits, . _ - (at most 100).
const ownerPattern = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const namePattern = /^[A-Za-z0-9._-]{1,100}$/;

/** What is wrong with a full name, or null when GitHub would accept it. */
function problemWith(value) {
  const parts = value.trim().split('/');
  if (value.trim() === '') return t('reposEnterFullName');
  if (parts.length !== 2) return t('reposOneSlash');
  const [owner, name] = parts;
  if (!ownerPattern.test(owner)) return t('reposBadOwner', { owner });
  if (!namePattern.test(name) || name === '.' || name === '..') return t('reposBadName', { name });
  return null;
}

function validate() {
  const problem = problemWith(fullName.value);
  fullName.setAttribute('aria-invalid', problem && fullName.value !== '' ? 'true' : 'false');
  say(hint, fullName.value === '' ? '' : problem ?? t('reposLooksRight'), problem ? 'error' : 'ok');
  return problem;
}

async function loadConnections() {
  const connections = await api(`/tenants/${slug}/connections`);
  for (const select of document.querySelectorAll('select.connections')) {
    fill(select, el('option', { value: '' }, t('reposTenantDefault')),
      connections.map((c) => el('option', { value: c.id, translate: 'no' }, `${c.name} (${c.kind})`)));
  }
}

async function loadRepositories() {
  const repositories = (await api(`/repos?tenant=${slug}`)).filter((r) => r.tenant === tenant && !r.removedAt);
  repositories.sort((a, b) => a.fullName.localeCompare(b.fullName));
  fill(reposBody, repositories.length === 0
    ? el('tr', {}, el('td', { colspan: 5 }, t('reposNone')))
    : repositories.map((r) => el('tr', { 'data-repo-id': r.id },
      el('th', { scope: 'row', class: 'text' }, el('a', { href: `${prefix}/repos/${r.id}`, translate: 'no' }, r.fullName)),
      el('td', {}, formatDate(r.addedAt)),
      el('td', {}, r.lastCollectedAt ? formatDate(r.lastCollectedAt) : t('reposNever')),
      el('td', {}, r.lastStatus ? el('span', { class: `badge ${r.lastStatus === 'ok' ? 'ok' : 'failed'}`, 'data-wire': r.lastStatus }, statusName(r.lastStatus)) : ''),
      el('td', {}, el('button', { type: 'button', 'data-remove': r.id, 'aria-label': t('reposRemoveLabel', { name: r.fullName }), onclick: () => remove(r) }, t('reposRemove'))))));
}

async function remove(repository) {
  fill(document.getElementById('remove-name'), repository.fullName);
  const choice = await ask(dialog);
  if (!choice) return;
  try {
    await api(`/repos/${repository.id}?purge=${choice === 'purge'}`, { method: 'DELETE' });
    say(reposStatus, t(choice === 'purge' ? 'reposRemovedPurged' : 'reposRemovedKept', { name: repository.fullName }), 'ok');
    await loadRepositories();
  } catch (error) {
    say(reposStatus, error.message, 'error');
  }
}

document.getElementById('repo-add').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (validate()) {
    fullName.focus();
    return;
  }
  const connection = document.getElementById('repo-connection').value;
  try {
    const added = await api('/repos', {
      method: 'POST',
      body: { tenant, fullName: fullName.value.trim(), connectionId: connection ? Number(connection) : null },
    });
    say(hint, t('reposTracked', { name: added.fullName }), 'ok');
    fullName.value = '';
    fullName.setAttribute('aria-invalid', 'false');
    await loadRepositories();
  } catch (error) {
    fullName.setAttribute('aria-invalid', error.status === 400 || error.status === 409 ? 'true' : 'false');
    say(hint, error.message, 'error');
  }
});
fullName.addEventListener('input', validate);

async function loadOwners() {
  const owners = await api(`/tenants/${slug}/owners`);
  fill(ownersBody, owners.length === 0
    ? el('tr', {}, el('td', { colspan: 5 }, t('ownersNone')))
    : owners.map((o) => el('tr', {},
      el('th', { scope: 'row', class: 'text', translate: 'no' }, o.owner),
      el('td', { class: 'text' }, o.include ? el('code', { translate: 'no' }, o.include) : t('ownersIncludeAll')),
      el('td', { class: 'text' }, o.exclude ? el('code', { translate: 'no' }, o.exclude) : t('ownersExcludeNone')),
      el('td', {}, `${t(o.skipForks ? 'ownersNoForks' : 'ownersForksToo')}, ${t(o.skipArchived ? 'ownersNoArchived' : 'ownersArchivedToo')}`),
      el('td', {}, el('button', { type: 'button', 'aria-label': t('ownersStopLabel', { owner: o.owner }), onclick: () => removeOwner(o) }, t('ownersStop'))))));
}

async function removeOwner(owner) {
  try {
    await api(`/tenants/${slug}/owners/${owner.id}`, { method: 'DELETE' });
    say(ownerStatus, t('ownersUntracked', { owner: owner.owner }), 'ok');
    await loadOwners();
  } catch (error) {
    say(ownerStatus, error.message, 'error');
  }
}

document.getElementById('owner-add').addEventListener('submit', async (event) => {
  event.preventDefault();
  const login = document.getElementById('owner-login');
  if (!ownerPattern.test(login.value.trim())) {
    login.setAttribute('aria-invalid', 'true');
    say(ownerStatus, t('ownersEnterLogin'), 'error');
    login.focus();
    return;
  }
  const text = (id) => document.getElementById(id).value.trim() || null;
  const connection = document.getElementById('owner-connection').value;
  try {
    const owner = await api(`/tenants/${slug}/owners`, {
      method: 'POST',
      body: {
        owner: login.value.trim(),
        connectionId: connection ? Number(connection) : null,
        include: text('owner-include'),
        exclude: text('owner-exclude'),
        skipForks: document.getElementById('owner-skip-forks').checked,
        skipArchived: document.getElementById('owner-skip-archived').checked,
      },
    });
    login.setAttribute('aria-invalid', 'false');
    say(ownerStatus, t('ownersTracked', { owner: owner.owner }), 'ok');
    event.target.reset();
    await loadOwners();
  } catch (error) {
    say(ownerStatus, error.message, 'error');
  }
});

Promise.all([loadConnections(), loadRepositories(), loadOwners()]).catch((error) => say(reposStatus, error.message, 'error'));
