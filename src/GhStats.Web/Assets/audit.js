// Audit log: entries newest first from the API, filters, the same filters as a CSV download, and "load older" paging.
import { api, apiBase, el, fill, say, formatDate } from './ghstats.js';

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

const target = (entry) => {
  if (!entry.targetKind && !entry.targetName && !entry.targetId) return '';
  const name = entry.targetName ?? entry.targetId ?? '';
  return entry.targetKind ? `${entry.targetKind}: ${name}` : name;
};

// Every value goes in as text through el(); GitHub- and user-supplied names are never parsed as markup.
const row = (entry) => el('tr', { 'data-audit-id': entry.id },
  el('td', {}, el('time', { datetime: entry.occurredAt }, formatDate(entry.occurredAt))),
  el('td', { class: 'text' }, entry.actorKind === 'user' ? entry.actor : `${entry.actor} (${entry.actorKind})`),
  el('td', {}, el('code', {}, entry.action)),
  tenant ? null : el('td', { class: 'text' }, entry.tenant ?? ''),
  el('td', { class: 'text' }, target(entry)),
  el('td', { class: 'text' }, entry.details ?? ''),
  showAddresses ? el('td', {}, entry.clientAddress ?? '') : null);

async function load(append) {
  const query = filters();
  if (append && nextBefore) query.set('before', nextBefore);
  older.disabled = true;
  say(status, 'Loading…');
  try {
    const page = await api(`${base}?${query}`);
    const rows = page.entries.map(row);
    if (append) tbody.append(...rows);
    else fill(tbody, rows.length === 0 ? el('tr', {}, el('td', { colspan: columns }, 'No entries match.')) : rows);
    shown = (append ? shown : 0) + page.entries.length;
    nextBefore = page.nextBefore;
    older.classList.toggle('hidden', !nextBefore);
    say(status, `${shown} ${shown === 1 ? 'entry' : 'entries'} shown${nextBefore ? '; older ones remain' : ''}.`);
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
