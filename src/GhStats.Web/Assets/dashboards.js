// Tenant page, Public dashboards: make, edit, unpublish, publish and delete the tenant's public pages; copy a page's
// address or an iframe snippet for it.
import { api, el, fill, say, confirmAction, submitting } from './ghstats.js';

const slug = document.getElementById('tenant').dataset.slug;
const base = `/tenants/${encodeURIComponent(slug)}/dashboards`;
const status = document.getElementById('dashboards-status');
const list = document.getElementById('dashboards-list');
const form = document.getElementById('dashboard-form');
const formStatus = document.getElementById('dashboard-form-status');
const heading = document.getElementById('dashboard-form-heading');
const save = document.getElementById('dashboard-save');
const cancel = document.getElementById('dashboard-cancel');
const choices = document.getElementById('dashboard-repositories');
let repositories = [];
let editing = null;

const address = (dashboard) => new URL(dashboard.path, window.location.origin).href;
const snippet = (dashboard) => `<iframe src="${address(dashboard)}" title="${dashboard.title.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" width="100%" height="900" loading="lazy"></iframe>`;

function copyable(id, label, value) {
  const field = el(value.includes('\n') || value.startsWith('<') ? 'textarea' : 'input', {
    id, readonly: true, class: 'secret', spellcheck: 'false', ...(value.startsWith('<') ? {} : { type: 'text' }),
  });
  field.value = value;
  const copy = el('button', { type: 'button', 'aria-describedby': id }, `Copy ${label.toLowerCase()}`);
  copy.addEventListener('click', async () => {
    try {
      // navigator.clipboard exists only in secure contexts (https or localhost).
      await navigator.clipboard.writeText(value);
      say(status, `${label} copied.`, 'ok');
    } catch {
      field.select();
      say(status, `Copying was refused; the ${label.toLowerCase()} is selected, press Ctrl+C.`, 'error');
    }
  });
  return el('div', { class: 'field' }, el('label', { for: id }, label), field, el('div', { class: 'actions' }, copy));
}

function card(dashboard) {
  const names = repositories.filter((r) => dashboard.repositoryIds.includes(r.id)).map((r) => r.fullName);
  const state = dashboard.published ? 'Published' : 'Unpublished';
  const extras = [dashboard.showReferrers && 'referrers', dashboard.showPopularContent && 'popular content'].filter(Boolean);
  return el('article', { class: 'card', 'data-dashboard': dashboard.id, 'aria-labelledby': `dashboard-${dashboard.id}-title` },
    el('h3', { id: `dashboard-${dashboard.id}-title` }, dashboard.title, ' ',
      el('span', { class: `badge ${dashboard.published ? 'ok' : 'warn'}` }, state)),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Repositories'), el('dd', {}, names.length === 0 ? 'none left (untracked)' : names.join(', ')),
      el('dt', {}, 'Also shows'), el('dd', {}, extras.length === 0 ? 'totals and charts only' : extras.join(' and ')),
      el('dt', {}, 'May be framed by'), el('dd', {}, dashboard.frameOrigins.length === 0 ? 'no site' : dashboard.frameOrigins.join(', '))),
    copyable(`dashboard-${dashboard.id}-address`, 'Address', address(dashboard)),
    copyable(`dashboard-${dashboard.id}-snippet`, 'Iframe snippet', snippet(dashboard)),
    el('div', { class: 'actions' },
      el('a', { href: dashboard.path, class: 'button', target: '_blank', rel: 'noopener' }, 'Open'),
      el('button', { type: 'button', onclick: () => edit(dashboard) }, `Edit ${dashboard.title}`),
      el('button', { type: 'button', onclick: () => publish(dashboard, !dashboard.published) }, dashboard.published ? `Unpublish ${dashboard.title}` : `Publish ${dashboard.title}`),
      el('button', { type: 'button', class: 'danger', onclick: () => remove(dashboard) }, `Delete ${dashboard.title}`)));
}

async function load() {
  try {
    const dashboards = await api(base);
    fill(list, dashboards.length === 0 ? el('p', { class: 'muted' }, 'No public dashboards yet.') : dashboards.map(card));
  } catch (error) {
    say(status, error.message, 'error');
  }
}

async function loadRepositories() {
  try {
    repositories = (await api(`/repos?tenant=${encodeURIComponent(slug)}`)).filter((r) => r.tenant === slug && !r.removedAt);
    fill(choices, repositories.length === 0 ? el('p', { class: 'muted' }, 'Track a repository first.') : repositories.map((r) => el('label', {},
      el('input', { type: 'checkbox', name: 'repositoryIds', value: r.id }), ` ${r.fullName}`)));
  } catch (error) {
    say(status, error.message, 'error');
  }
}

function reset() {
  editing = null;
  form.reset();
  fill(heading, 'New public dashboard');
  fill(save, 'Create and publish');
  cancel.classList.add('hidden');
}

function edit(dashboard) {
  editing = dashboard;
  form.elements.title.value = dashboard.title;
  for (const box of form.querySelectorAll('input[name="repositoryIds"]')) box.checked = dashboard.repositoryIds.includes(Number(box.value));
  form.elements.showReferrers.checked = dashboard.showReferrers;
  form.elements.showPopularContent.checked = dashboard.showPopularContent;
  form.elements.frameOrigins.value = dashboard.frameOrigins.join('\n');
  fill(heading, `Edit ${dashboard.title}`);
  fill(save, 'Save changes');
  cancel.classList.remove('hidden');
  form.elements.title.focus();
}

async function publish(dashboard, published) {
  if (!published && !(await confirmAction(`Unpublish ${dashboard.title}? Its address stops answering at once; you can publish it again later.`, 'Unpublish'))) return;
  try {
    await api(`${base}/${dashboard.id}/published`, { method: 'PUT', body: { published } });
    say(status, published ? `${dashboard.title} is published.` : `${dashboard.title} is unpublished.`, 'ok');
    await load();
  } catch (error) {
    say(status, error.message, 'error');
  }
}

async function remove(dashboard) {
  if (!(await confirmAction(`Delete ${dashboard.title}? Its address stops answering for good.`, 'Delete dashboard'))) return;
  try {
    await api(`${base}/${dashboard.id}`, { method: 'DELETE' });
    say(status, `${dashboard.title} is deleted.`, 'ok');
    if (editing?.id === dashboard.id) reset();
    await load();
  } catch (error) {
    say(status, error.message, 'error');
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = {
    title: form.elements.title.value.trim(),
    repositoryIds: [...form.querySelectorAll('input[name="repositoryIds"]:checked')].map((box) => Number(box.value)),
    showReferrers: form.elements.showReferrers.checked,
    showPopularContent: form.elements.showPopularContent.checked,
    frameOrigins: form.elements.frameOrigins.value.split(/\s+/).filter(Boolean),
    published: editing ? editing.published : true,
  };
  await submitting(form, async () => {
    try {
      const saved = await api(editing ? `${base}/${editing.id}` : base, { method: editing ? 'PUT' : 'POST', body });
      say(formStatus, editing ? `${saved.title} is saved.` : `${saved.title} is published.`, 'ok');
      reset();
      await load();
    } catch (error) {
      say(formStatus, error.message, 'error');
    }
  });
});
cancel.addEventListener('click', reset);

// Repositories first: a dashboard's card names its repositories.
loadRepositories().then(load);
