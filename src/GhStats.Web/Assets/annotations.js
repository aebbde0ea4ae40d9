// Notes on the repository page: the chart markers of the range (notes and, once collected, releases) that every time
// chart draws, the list of notes with delete for owners, and the owners' form to add one to this repository or the
// whole tenant. Everything a person wrote is set as text.
import {
  api, el, fill, say, confirmAction, submitting, formatDay, t,
} from './ghstats.js';

const section = document.getElementById('notes');
const status = document.getElementById('notes-status');
const form = document.getElementById('note-form');
const canManage = section?.dataset.canManage === 'true';
let tenantSlug;

/** The repository's tenant, for notes on the whole tenant and for deleting: read once. */
async function tenantOf(repoId) {
  tenantSlug ??= (await api(`/repos/${repoId}`)).tenant;
  return encodeURIComponent(tenantSlug);
}

/** The markers of a repository's charts in a range; none (and a message) when they cannot be read, so the charts still draw. */
export async function loadMarkers(repoId, wanted) {
  try {
    return (await api(`/repos/${repoId}/annotations?from=${wanted.from}&to=${wanted.to}`)).items;
  } catch (error) {
    say(status, t('notesUnreadable', { message: error.message }), 'error');
    return [];
  }
}

async function remove(repoId, note, changed) {
  const values = { day: formatDay(note.date), title: note.title };
  const question = t(note.scope === 'tenant' ? 'notesDeleteTenantQuestion' : 'notesDeleteQuestion', values);
  if (!(await confirmAction(question, t('notesDeleteAction')))) return;
  try {
    await api(`/tenants/${await tenantOf(repoId)}/annotations/${note.id}`, { method: 'DELETE' });
    say(status, t('notesDeleted'), 'ok');
    await changed();
  } catch (error) {
    say(status, error.message, 'error');
  }
}

/** Lists the notes among the markers, each with who it is for, its text and link; owners get a delete button. */
export function showNotes(repoId, markers, changed) {
  if (!section) return;
  const notes = markers.filter((m) => m.kind === 'note');
  fill(document.getElementById('notes-list'), notes.length === 0
    ? el('li', { class: 'muted' }, t('notesNone'))
    : notes.map((note) => el('li', { 'data-note': note.id },
      el('time', { datetime: note.date }, formatDay(note.date)), ' ',
      el('span', { class: `tag marker-kind ${note.kind}` }, t(note.scope === 'tenant' ? 'notesTenantNote' : 'notesNote')), ' ',
      el('span', { class: 'note-text', translate: 'no' }, note.text),
      note.link ? [' ', el('a', { href: note.link, rel: 'noopener noreferrer nofollow', target: '_blank' }, t('notesReadMore'))] : '',
      canManage ? [' ', el('button', {
        type: 'button', class: 'danger', 'aria-label': t('notesDeleteLabel', { day: formatDay(note.date), title: note.title }), onclick: () => remove(repoId, note, changed),
      }, t('notesDelete'))] : '')));
}

/** Owners' form: posts the note to this repository or to the whole tenant, then redraws the page's charts. */
export function noteForm(repoId, changed) {
  if (!form) return;
  document.getElementById('note-date').value = new Date().toISOString().slice(0, 10);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const tenantWide = form.querySelector('input[name="note-scope"]:checked')?.value === 'tenant';
      const body = {
        date: document.getElementById('note-date').value,
        text: document.getElementById('note-text').value,
        link: document.getElementById('note-link').value.trim() || null,
      };
      const path = tenantWide ? `/tenants/${await tenantOf(repoId)}/annotations` : `/repos/${repoId}/annotations`;
      try {
        await api(path, { method: 'POST', body });
        document.getElementById('note-text').value = '';
        document.getElementById('note-link').value = '';
        say(status, t(tenantWide ? 'notesAddedTenant' : 'notesAdded'), 'ok');
        await changed();
      } catch (error) {
        say(status, error.message, 'error');
      }
    });
  });
}
