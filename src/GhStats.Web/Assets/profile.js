// Profile: who you are to GhStats, your personal API tokens (a new one is shown once, then only its row), and the
// notifications you receive by email from each tenant.
import { api, el, fill, say, formatDate, confirmAction, submitting, formatList, t } from './ghstats.js';

const profile = document.getElementById('profile');
const tbody = document.querySelector('#tokens-table tbody');
const tokensStatus = document.getElementById('tokens-status');
const form = document.getElementById('token-create');
const created = document.getElementById('token-created');
const secret = document.getElementById('token-secret');
const copyStatus = document.getElementById('token-copy-status');
// Roles in words of the page's language; the API's wire names (admin, owner ...) stay the keys.
const roleNames = {
  admin: t('profileRoleAdmin'), maintainer: t('profileRoleMaintainer'), owner: t('profileRoleOwner'), viewer: t('profileRoleViewer'),
};

async function loadProfile() {
  try {
    const me = await api('/me');
    const tenants = me.tenants.length === 0 ? t('profileNone') : el('ul', {}, me.tenants.map((tenant) => el('li', {},
      el('span', { translate: 'no' }, `${tenant.name} (${tenant.slug})`), ': ',
      tenant.role ? roleNames[tenant.role] ?? tenant.role : t('profileSomeRepositories'))));
    fill(profile,
      el('dt', {}, t('profileEmail')), el('dd', { id: 'profile-email', translate: 'no' }, me.email ?? '–'),
      el('dt', {}, t('profileDisplayName')), el('dd', { id: 'profile-name', translate: 'no' }, me.displayName ?? '–'),
      el('dt', {}, t('profileSystemRoles')),
      el('dd', { id: 'profile-roles' }, me.systemRoles.length === 0 ? t('profileNone') : formatList(me.systemRoles.map((role) => roleNames[role] ?? role))),
      el('dt', {}, t('profileTenants')), el('dd', { id: 'profile-tenants' }, tenants),
      me.developmentSignIn && [el('dt', {}, t('profileSignedInWith')), el('dd', {}, t('profileDevelopmentSignIn'))]);
  } catch (error) {
    say(document.getElementById('profile-status'), error.message, 'error');
  }
}

const stateNames = { active: t('profileTokenActive'), expired: t('profileTokenExpired'), revoked: t('profileTokenRevoked') };

function tokenState(token) {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

async function loadTokens() {
  try {
    const tokens = await api('/me/tokens');
    fill(tbody, tokens.length === 0 ? el('tr', {}, el('td', { colspan: 6 }, t('profileNoTokens'))) : tokens.map((token) => {
      const state = tokenState(token);
      return el('tr', { 'data-token-id': token.id },
        el('th', { scope: 'row', class: 'text', translate: 'no' }, token.name),
        el('td', {}, formatDate(token.createdAt)),
        el('td', {}, token.lastUsedAt ? formatDate(token.lastUsedAt) : t('profileNever')),
        el('td', {}, token.expiresAt ? formatDate(token.expiresAt) : t('profileNever')),
        el('td', {}, el('span', { class: `badge ${state === 'active' ? 'ok' : 'failed'}` }, stateNames[state])),
        el('td', {}, state === 'active' && el('button', {
          type: 'button', class: 'danger', 'data-revoke-token': token.id, 'data-name': token.name, 'aria-label': t('profileRevokeName', { name: token.name }),
        }, t('profileRevoke'))));
    }));
  } catch (error) {
    say(tokensStatus, error.message, 'error');
  }
}

async function revoke(button) {
  const { revokeToken: id, name } = button.dataset;
  if (!(await confirmAction(t('profileRevokeQuestion', { name }), t('profileRevoke')))) return;
  try {
    await api(`/me/tokens/${id}`, { method: 'DELETE' });
    say(tokensStatus, t('profileRevoked', { name }), 'ok');
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
      fill(document.getElementById('token-created-heading'), t('profileNewTokenNamed', { name: token.name }));
      created.classList.remove('hidden');
      say(copyStatus, '');
      say(createStatus, token.expiresAt
        ? t('profileCreatedUntil', { name: token.name, date: formatDate(token.expiresAt) }) : t('profileCreated', { name: token.name }), 'ok');
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
    say(copyStatus, t('profileCopied'), 'ok');
  } catch {
    say(copyStatus, t('profileCopyFailed'));
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
const topics = [['digest', t('profileTopicDigest')], ['spike', t('profileTopicSpike')], ['trouble', t('profileTopicTrouble')]];

async function loadSubscriptions() {
  try {
    const list = await api('/me/subscriptions');
    fill(subscriptions, list.length === 0 ? el('p', {}, t('profileNoTenant')) : list.map((subscription, index) => el('fieldset', { 'data-tenant': subscription.tenant },
      el('legend', { translate: 'no' }, `${subscription.tenantName} (${subscription.tenant})`),
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
      ? t('profileReceiveNothing', { tenant: saved.tenantName })
      : t('profileReceive', {
        tenant: saved.tenantName, topics: formatList(saved.topics.map((topic) => topics.find(([name]) => name === topic)?.[1] ?? topic)),
      }), 'ok');
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
