// Tenants: the tenants the caller manages; admins also create tenants (with a first owner) and delete them.
import { api, el, fill, say, formatDate, confirmAction, submitting, prefix, t } from './ghstats.js';

const isAdmin = document.getElementById('tenants').dataset.admin === 'true';
const tbody = document.querySelector('#tenants-table tbody');
const status = document.getElementById('tenants-status');
const form = document.getElementById('tenant-create');
const columns = isAdmin ? 4 : 3;

const slugPath = (slug) => `/tenants/${encodeURIComponent(slug)}`;

function render(tenants) {
  if (tenants.length === 0) {
    fill(tbody, el('tr', {}, el('td', { colspan: columns }, t(isAdmin ? 'tenantsNoneAdmin' : 'tenantsNoneOwned'))));
    return;
  }
  fill(tbody, tenants.map((tenant) => el('tr', { 'data-slug': tenant.slug },
    el('th', { scope: 'row', class: 'text' }, el('a', { href: `${prefix}/manage/tenants/${encodeURIComponent(tenant.slug)}`, translate: 'no' }, tenant.name)),
    el('td', {}, el('code', { translate: 'no' }, tenant.slug)),
    el('td', {}, formatDate(tenant.createdAt)),
    isAdmin && el('td', {}, el('button', {
      type: 'button', class: 'danger', 'data-delete-tenant': tenant.slug, 'data-name': tenant.name, 'aria-label': t('tenantsDeleteName', { name: tenant.name }),
    }, t('tenantsDelete'))))));
}

async function load() {
  try {
    const tenants = await api('/tenants');
    // Owners see only what they own here; viewers' tenants are not theirs to manage (the page route checks the same).
    render(isAdmin ? tenants : tenants.filter((tenant) => tenant.role === 'owner'));
  } catch (error) {
    say(status, error.message, 'error');
  }
}

async function remove(button) {
  const { deleteTenant: slug, name } = button.dataset;
  if (!(await confirmAction(t('tenantsDeleteQuestion', { name, slug }), t('tenantsDeleteName', { name })))) return;
  try {
    await api(slugPath(slug), { method: 'DELETE' });
    say(status, t('tenantsDeleted', { name }), 'ok');
    await load();
  } catch (error) {
    say(status, error.message, 'error');
  }
}

async function create(event) {
  event.preventDefault();
  const createStatus = document.getElementById('tenant-create-status');
  const slug = form.elements.slug.value.trim();
  const name = form.elements.name.value.trim();
  const owner = form.elements.owner.value.trim();
  await submitting(form, async () => {
    say(createStatus, t('tenantsCreating'));
    try {
      await api('/tenants', { method: 'POST', body: { slug, name } });
    } catch (error) {
      say(createStatus, error.message, 'error');
      return;
    }
    await load();
    if (owner) {
      try {
        const member = await api(`${slugPath(slug)}/members/${encodeURIComponent(owner)}`, { method: 'PUT', body: { role: 'owner' } });
        say(createStatus, t(member.status === 'invited' ? 'tenantsCreatedInvited' : 'tenantsCreatedOwner', { name, email: member.email }), 'ok');
      } catch (error) {
        // The tenant exists now, so only the owner field is kept for another try on the tenant's own page.
        say(createStatus, t('tenantsOwnerFailed', { name, owner, error: error.message }), 'error');
        form.elements.slug.value = '';
        form.elements.name.value = '';
        return;
      }
    } else {
      say(createStatus, t('tenantsCreated', { name }), 'ok');
    }
    form.reset();
  });
}

tbody.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-delete-tenant]');
  if (button) remove(button);
});
form?.addEventListener('submit', create);
load();
