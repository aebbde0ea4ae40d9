// Audit log: entries newest first from the API, filters, the same filters as a CSV download, and "load older" paging.
import {
  api, apiBase, el, fill, say, formatDate, t, tn, textOr,
} from './ghstats.js';

const root = document.getElementById('audit');
const tenant = root.dataset.tenant || '';
const showAddresses = root.dataset.addresses === 'true';
const form = document.getElementById('audit-filters');
const tbody = document.querySelector('#audit-table tbody');
const status = document.getElementById('audit-status');
const older = document.getElementById('audit-older');
const csv = document.getElementById('audit-csv');
const columns = 5 + (tenant ? 0 : 1) + (showAddresses ? 1 : 0);

const base = tenant ? `/tenants/${encodeURIComponent(tenant)}/audit` : '/audit';
let nextBefore = null;
let shown = 0;

/** The filters as a query string; empty fields are left out. */
function filters() {
  const query = new URLSearchParams();
  for (const name of ['action', 'actor', 'from', 'to']) {
    const value = form.elements[name].value.trim();
    if (value) query.set(name, value);
  }
  return query;
}

/** A wire name's words in the page's language (actions, actor and target kinds), or null when the page has none. */
const named = (prefix, wire) => textOr(`${prefix}.${wire}`, null);

/** The action in words, its wire name (what the filter and the CSV take) beside it as code. */
const action = (wire) => {
  const words = named('auditAction', wire);
  return words
    ? [el('span', { 'data-wire': wire }, words), ' ', el('code', { class: 'muted', translate: 'no' }, wire)]
    : el('code', { translate: 'no' }, wire);
};

const actor = (entry) => (entry.actorKind === 'user'
  ? el('span', { translate: 'no' }, entry.actor)
  : [el('span', { translate: 'no' }, entry.actor), ` (${named('auditActorKind', entry.actorKind) ?? entry.actorKind})`]);

const target = (entry) => {
  if (!entry.targetKind && !entry.targetName && !entry.targetId) return '';
  const name = el('span', { translate: 'no' }, entry.targetName ?? entry.targetId ?? '');
  return entry.targetKind
    ? [el('span', { 'data-wire': entry.targetKind }, named('auditTargetKind', entry.targetKind) ?? entry.targetKind), ': ', name] : name;
};

// Every value goes in as text through el(); GitHub- and user-supplied names are never parsed as markup.
const row = (entry) => el('tr', { 'data-audit-id': entry.id },
  el('td', {}, el('time', { datetime: entry.occurredAt }, formatDate(entry.occurredAt))),
  el('td', { class: 'text' }, actor(entry)),
  el('td', { 'data-action': entry.action }, action(entry.action)),
  tenant ? null : el('td', { class: 'text', translate: 'no' }, entry.tenant ?? ''),
  el('td', { class: 'text' }, target(entry)),
  // The details are the server's own record (key=value, as the CSV has them): data, not text to translate.
  el('td', { class: 'text', translate: 'no' }, entry.details ?? ''),
  showAddresses ? el('td', { translate: 'no' }, entry.clientAddress ?? '') : null);

async function load(append) {
  const query = filters();
  if (append && nextBefore) query.set('before', nextBefore);
  older.disabled = true;
  say(status, t('loading'));
  try {
    const page = await api(`${base}?${query}`);
    const rows = page.entries.map(row);
    if (append) tbody.append(...rows);
    else fill(tbody, rows.length === 0 ? el('tr', {}, el('td', { colspan: columns }, t('auditNoEntries'))) : rows);
    shown = (append ? shown : 0) + page.entries.length;
    nextBefore = page.nextBefore;
    older.classList.toggle('hidden', !nextBefore);
    say(status, tn(nextBefore ? 'auditShownMore' : 'auditShown', shown));
  } catch (error) {
    say(status, error.message, 'error');
  } finally {
    older.disabled = false;
  }
}

function updateCsv() {
  const query = filters().toString();
  csv.href = `${apiBase}${base}.csv${query ? `?${query}` : ''}`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  updateCsv();
  load(false);
});
form.addEventListener('input', updateCsv);
older.addEventListener('click', () => load(true));
updateCsv();
load(false);
