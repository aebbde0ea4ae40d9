// Tenant page, Public dashboards: make, edit, unpublish, publish and delete the tenant's public pages; copy a page's
// address or an iframe snippet for it.
import { api, el, fill, say, confirmAction, submitting, formatList, lang, t } from './ghstats.js';

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
const both = new Intl.ListFormat(lang, { type: 'conjunction' });

const address = (dashboard) => new URL(dashboard.path, window.location.origin).href;
const snippet = (dashboard) => `<iframe src="${address(dashboard)}" title="${dashboard.title.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" width="100%" height="900" loading="lazy"></iframe>`;

/** A read-only field with a copy button; texts: its label, the button's text, and what the page says on success or refusal. */
function copyable(id, texts, value) {
  const field = el(value.includes('\n') || value.startsWith('<') ? 'textarea' : 'input', {
    id, readonly: true, class: 'secret', spellcheck: 'false', ...(value.startsWith('<') ? {} : { type: 'text' }),
  });
  field.value = value;
  const copy = el('button', { type: 'button', 'aria-describedby': id }, texts.copy);
  copy.addEventListener('click', async () => {
    try {
      // navigator.clipboard exists only in secure contexts (https or localhost).
      await navigator.clipboard.writeText(value);
      say(status, texts.copied, 'ok');
    } catch {
      field.select();
      say(status, texts.refused, 'error');
    }
  });
  return el('div', { class: 'field' }, el('label', { for: id }, texts.label), field, el('div', { class: 'actions' }, copy));
}

function card(dashboard) {
  const names = repositories.filter((r) => dashboard.repositoryIds.includes(r.id)).map((r) => r.fullName);
  const state = t(dashboard.published ? 'dashboardPublished' : 'dashboardUnpublished');
  const extras = [dashboard.showReferrers && t('dashboardExtraReferrers'), dashboard.showPopularContent && t('dashboardExtraPopular')].filter(Boolean);
  return el('article', { class: 'card', 'data-dashboard': dashboard.id, 'aria-labelledby': `dashboard-${dashboard.id}-title` },
    el('h3', { id: `dashboard-${dashboard.id}-title` }, el('span', { translate: 'no' }, dashboard.title), ' ',
      el('span', { class: `badge ${dashboard.published ? 'ok' : 'warn'}` }, state)),
    el('dl', { class: 'facts' },
      el('dt', {}, t('dashboardFactRepositories')),
      el('dd', {}, names.length === 0 ? t('dashboardNoneLeft') : el('span', { translate: 'no' }, formatList(names))),
      el('dt', {}, t('dashboardFactAlsoShows')), el('dd', {}, extras.length === 0 ? t('dashboardTotalsOnly') : both.format(extras)),
      el('dt', {}, t('dashboardFactFramedBy')),
      el('dd', {}, dashboard.frameOrigins.length === 0 ? t('dashboardNoSite') : el('span', { translate: 'no' }, formatList(dashboard.frameOrigins)))),
    copyable(`dashboard-${dashboard.id}-address`, {
      label: t('dashboardAddress'), copy: t('dashboardCopyAddress'), copied: t('dashboardAddressCopied'), refused: t('dashboardAddressRefused'),
    }, address(dashboard)),
    copyable(`dashboard-${dashboard.id}-snippet`, {
      label: t('dashboardSnippet'), copy: t('dashboardCopySnippet'), copied: t('dashboardSnippetCopied'), refused: t('dashboardSnippetRefused'),
    }, snippet(dashboard)),
    el('div', { class: 'actions' },
      el('a', { href: dashboard.path, class: 'button', target: '_blank', rel: 'noopener' }, t('dashboardOpen')),
      el('button', { type: 'button', onclick: () => edit(dashboard) }, t('dashboardEdit', { title: dashboard.title })),
      el('button', { type: 'button', onclick: () => publish(dashboard, !dashboard.published) },
        t(dashboard.published ? 'dashboardUnpublishButton' : 'dashboardPublishButton', { title: dashboard.title })),
      el('button', { type: 'button', class: 'danger', onclick: () => remove(dashboard) }, t('dashboardDeleteButton', { title: dashboard.title }))));
}

async function load() {
  try {
    const dashboards = await api(base);
    fill(list, dashboards.length === 0 ? el('p', { class: 'muted' }, t('dashboardNone')) : dashboards.map(card));
  } catch (error) {
    say(status, error.message, 'error');
  }
}

async function loadRepositories() {
  try {
    repositories = (await api(`/repos?tenant=${encodeURIComponent(slug)}`)).filter((r) => r.tenant === slug && !r.removedAt);
    fill(choices, repositories.length === 0 ? el('p', { class: 'muted' }, t('dashboardTrackFirst')) : repositories.map((r) => el('label', {},
      el('input', { type: 'checkbox', name: 'repositoryIds', value: r.id }), ' ', el('span', { translate: 'no' }, r.fullName))));
  } catch (error) {
    say(status, error.message, 'error');
  }
}

function reset() {
  editing = null;
  form.reset();
  fill(heading, t('dashboardNewHeading'));
  fill(save, t('dashboardCreateAndPublish'));
  cancel.classList.add('hidden');
}

function edit(dashboard) {
  editing = dashboard;
  form.elements.title.value = dashboard.title;
  for (const box of form.querySelectorAll('input[name="repositoryIds"]')) box.checked = dashboard.repositoryIds.includes(Number(box.value));
  form.elements.showReferrers.checked = dashboard.showReferrers;
  form.elements.showPopularContent.checked = dashboard.showPopularContent;
  form.elements.frameOrigins.value = dashboard.frameOrigins.join('\n');
  fill(heading, t('dashboardEdit', { title: dashboard.title }));
  fill(save, t('dashboardSaveChanges'));
  cancel.classList.remove('hidden');
  form.elements.title.focus();
}

async function publish(dashboard, published) {
  if (!published && !(await confirmAction(t('dashboardUnpublishQuestion', { title: dashboard.title }), t('dashboardUnpublishAction')))) return;
  try {
    await api(`${base}/${dashboard.id}/published`, { method: 'PUT', body: { published } });
    say(status, t(published ? 'dashboardIsPublished' : 'dashboardIsUnpublished', { title: dashboard.title }), 'ok');
    await load();
  } catch (error) {
    say(status, error.message, 'error');
  }
}

async function remove(dashboard) {
  if (!(await confirmAction(t('dashboardDeleteQuestion', { title: dashboard.title }), t('dashboardDeleteAction')))) return;
  try {
    await api(`${base}/${dashboard.id}`, { method: 'DELETE' });
    say(status, t('dashboardIsDeleted', { title: dashboard.title }), 'ok');
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
      say(formStatus, t(editing ? 'dashboardIsSaved' : 'dashboardIsPublished', { title: saved.title }), 'ok');
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
