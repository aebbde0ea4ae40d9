// Profile: who you are to GhStats, your personal API tokens (a new one is shown once, then only its row), and the
// notifications you receive by email from each tenant.
import { api, el, fill, say, formatDate, confirmAction, submitting } from './ghstats.js';

const profile = document.getElementById('profile');
const tbody = document.querySelector('#tokens-table tbody');
const tokensStatus = document.getElementById('tokens-status');
const form = document.getElementById('token-create');
const created = document.getElementById('token-created');
const secret = document.getElementById('token-secret');
const copyStatus = document.getElementById('token-copy-status');
const roleNames = { admin: 'Admin', maintainer: 'Maintainer', owner: 'owner', viewer: 'viewer' };

async function loadProfile() {
  try {
    const me = await api('/me');
    const tenants = me.tenants.length === 0 ? 'none' : el('ul', {}, me.tenants.map((tenant) => el('li', {},
      `${tenant.name} (${tenant.slug}): `, tenant.role ? roleNames[tenant.role] ?? tenant.role : 'some repositories only')));
    fill(profile,
      el('dt', {}, 'Email'), el('dd', { id: 'profile-email' }, me.email ?? '–'),
      el('dt', {}, 'Display name'), el('dd', { id: 'profile-name' }, me.displayName ?? '–'),
      el('dt', {}, 'System roles'), el('dd', { id: 'profile-roles' }, me.systemRoles.length === 0 ? 'none' : me.systemRoles.map((role) => roleNames[role] ?? role).join(', ')),
      el('dt', {}, 'Tenants'), el('dd', { id: 'profile-tenants' }, tenants),
      me.developmentSignIn && [el('dt', {}, 'Signed in with'), el('dd', {}, 'the development sign-in')]);
  } catch (error) {
    say(document.getElementById('profile-status'), error.message, 'error');
  }
}

function tokenState(token) {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

async function loadTokens() {
  try {
    const tokens = await api('/me/tokens');
    fill(tbody, tokens.length === 0 ? el('tr', {}, el('td', { colspan: 6 }, 'No tokens yet.')) : tokens.map((token) => {
      const state = tokenState(token);
      return el('tr', { 'data-token-id': token.id },
        el('th', { scope: 'row', class: 'text' }, token.name),
        el('td', {}, formatDate(token.createdAt)),
        el('td', {}, token.lastUsedAt ? formatDate(token.lastUsedAt) : 'never'),
        el('td', {}, token.expiresAt ? formatDate(token.expiresAt) : 'never'),
        el('td', {}, el('span', { class: `badge ${state === 'active' ? 'ok' : 'failed'}` }, state)),
        el('td', {}, state === 'active' && el('button', {
          type: 'button', class: 'danger', 'data-revoke-token': token.id, 'data-name': token.name, 'aria-label': `Revoke ${token.name}`,
        }, 'Revoke')));
    }));
  } catch (error) {
    say(tokensStatus, error.message, 'error');
  }
}

async function revoke(button) {
  const { revokeToken: id, name } = button.dataset;
  if (!(await confirmAction(`Revoke the token “${name}”? Scripts that use it stop working at once.`, 'Revoke'))) return;
  try {
    await api(`/me/tokens/${id}`, { method: 'DELETE' });
    say(tokensStatus, `Revoked ${name}.`, 'ok');
  } catch (error) {
    say(tokensStatus, error.message, 'error');
  }
  await loadTokens();
}

function hideSecret() {
  secret.value = '';
  say(copyStatus, '');
  created.classList.add('hidden');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const createStatus = document.getElementById('token-create-status');
  const name = form.elements.name.value.trim();
  const days = Number(form.elements.days.value);
  await submitting(form, async () => {
    try {
      const token = await api('/me/tokens', { method: 'POST', body: { name, expiresInDays: days } });
      // The secret lives only in this input until the page is left or "Done" is pressed: never stored, never in the URL.
      secret.value = token.token;
      fill(document.getElementById('token-created-heading'), `Your new token “${token.name}”`);
      created.classList.remove('hidden');
      say(copyStatus, '');
      say(createStatus, `Created ${token.name}${token.expiresAt ? `, valid until ${formatDate(token.expiresAt)}` : ''}.`, 'ok');
      form.reset();
      secret.focus();
      secret.select();
    } catch (error) {
      say(createStatus, error.message, 'error');
    }
  });
  await loadTokens();
});

document.getElementById('token-copy').addEventListener('click', async () => {
  secret.focus();
  secret.select();
  try {
    // navigator.clipboard exists only in secure contexts (https or localhost).
    await navigator.clipboard.writeText(secret.value);
    say(copyStatus, 'Copied to the clipboard.', 'ok');
  } catch {
    say(copyStatus, 'Could not copy here: the token is selected, press Ctrl+C (⌘C on a Mac).');
  }
});
document.getElementById('token-done').addEventListener('click', () => {
  hideSecret();
  form.elements.name.focus(); // The button pressed is now hidden; keep the keyboard somewhere useful.
});
tbody.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-revoke-token]');
  if (button) revoke(button);
});
// Leaving the page (or the back-forward cache) must not keep the secret in the input.
window.addEventListener('pagehide', hideSecret);
// Email subscriptions: one fieldset per tenant, a checkbox per topic, saved when it changes. -----------------------------
const subscriptions = document.getElementById('subscriptions');
const subscriptionsStatus = document.getElementById('subscriptions-status');
const topics = [['digest', 'Weekly digest'], ['spike', 'Traffic spikes'], ['trouble', 'Collection trouble']];

async function loadSubscriptions() {
  try {
    const list = await api('/me/subscriptions');
    fill(subscriptions, list.length === 0 ? el('p', {}, 'You see no tenant yet.') : list.map((subscription, index) => el('fieldset', { 'data-tenant': subscription.tenant },
      el('legend', {}, `${subscription.tenantName} (${subscription.tenant})`),
      el('div', { class: 'checks' }, topics.map(([topic, label]) => el('label', {},
        el('input', {
          type: 'checkbox', id: `subscription-${index}-${topic}`, value: topic, checked: subscription.topics.includes(topic),
        }),
        ` ${label}`))))));
  } catch (error) {
    say(subscriptionsStatus, error.message, 'error');
  }
}

subscriptions.addEventListener('change', async (event) => {
  const fieldset = event.target.closest('fieldset[data-tenant]');
  if (!fieldset) return;
  const tenant = fieldset.dataset.tenant;
  const chosen = [...fieldset.querySelectorAll('input[type="checkbox"]:checked')].map((box) => box.value);
  fieldset.disabled = true;
  try {
    const saved = await api(`/me/subscriptions/${encodeURIComponent(tenant)}`, { method: 'PUT', body: { topics: chosen } });
    say(subscriptionsStatus, saved.topics.length === 0
      ? `You receive nothing from ${saved.tenantName} now.`
      : `From ${saved.tenantName} you receive: ${saved.topics.map((topic) => topics.find(([t]) => t === topic)?.[1] ?? topic).join(', ')}.`, 'ok');
  } catch (error) {
    say(subscriptionsStatus, error.message, 'error');
    await loadSubscriptions();
  } finally {
    fieldset.disabled = false;
  }
});

loadProfile();
loadTokens();
loadSubscriptions();
