// Tenant: rename it, give emails roles (or invite them), add, test and delete its GitHub connections and its
// notification channels, and read the delivery log.
import { api, el, fill, say, formatDate, formatNumber, confirmAction, submitting } from './ghstats.js';
import './dashboards.js';

const slug = document.getElementById('tenant').dataset.slug;
const base = `/tenants/${encodeURIComponent(slug)}`;
const roleName = { owner: 'Owner', viewer: 'Viewer' };
const kindName = { pat: 'Personal access token', app: 'GitHub App' };

// Rename ---------------------------------------------------------------------------------------------------------
const renameForm = document.getElementById('tenant-rename');
renameForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const renameStatus = document.getElementById('tenant-rename-status');
  await submitting(renameForm, async () => {
    try {
      const tenant = await api(base, { method: 'PUT', body: { name: renameForm.elements.name.value.trim() } });
      fill(document.getElementById('page-title'), tenant.name);
      document.title = `${tenant.name} - GhStats`;
      renameForm.elements.name.value = tenant.name;
      say(renameStatus, `Renamed to ${tenant.name}.`, 'ok');
    } catch (error) {
      say(renameStatus, error.message, 'error');
    }
  });
});

// Members and invitations ------------------------------------------------------------------------------------------
const membersStatus = document.getElementById('members-status');
const membersBody = document.querySelector('#members-table tbody');
const invitationsBody = document.querySelector('#invitations-table tbody');

const emptyRow = (columns, text) => el('tr', {}, el('td', { colspan: columns }, text));

async function loadMembers() {
  try {
    const { members, invitations } = await api(`${base}/members`);
    fill(membersBody, members.length === 0 ? emptyRow(4, 'No members.') : members.map((member) => el('tr', {},
      el('th', { scope: 'row', class: 'text' }, member.email ?? `user ${member.userId}`),
      el('td', { class: 'text' }, member.displayName ?? ''),
      el('td', {}, roleName[member.role] ?? member.role),
      el('td', {}, member.email && el('button', {
        type: 'button', 'data-remove-member': member.email, 'aria-label': `Remove ${member.email}`,
      }, 'Remove')))));
    fill(invitationsBody, invitations.length === 0 ? emptyRow(4, 'No pending invitations.') : invitations.map((invitation) => el('tr', {},
      el('th', { scope: 'row', class: 'text' }, invitation.email),
      el('td', {}, roleName[invitation.role] ?? invitation.role),
      el('td', {}, formatDate(invitation.createdAt)),
      el('td', {}, el('button', {
        type: 'button', 'data-cancel-invitation': invitation.email, 'aria-label': `Cancel invitation of ${invitation.email}`,
      }, 'Cancel invitation')))));
  } catch (error) {
    say(membersStatus, error.message, 'error');
  }
}

async function removeMember(email, invitation) {
  if (!invitation && !(await confirmAction(`Remove ${email} from this tenant? They lose access to its traffic.`, 'Remove'))) return;
  try {
    await api(`${base}/members/${encodeURIComponent(email)}`, { method: 'DELETE' });
    say(membersStatus, invitation ? `Cancelled the invitation of ${email}.` : `Removed ${email}.`, 'ok');
  } catch (error) {
    say(membersStatus, error.message, 'error');
  }
  await loadMembers();
}

membersBody.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-remove-member]');
  if (button) removeMember(button.dataset.removeMember, false);
});
invitationsBody.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-cancel-invitation]');
  if (button) removeMember(button.dataset.cancelInvitation, true);
});

const memberForm = document.getElementById('member-add');
memberForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const addStatus = document.getElementById('member-add-status');
  const email = memberForm.elements.email.value.trim();
  const role = memberForm.elements.role.value;
  await submitting(memberForm, async () => {
    try {
      const result = await api(`${base}/members/${encodeURIComponent(email)}`, { method: 'PUT', body: { role } });
      const as = (roleName[result.role] ?? result.role).toLowerCase();
      say(addStatus, result.status === 'invited'
        ? `Invited ${result.email} as ${as}: they join when they next sign in with that email.`
        : `${result.email} is now a member, as ${as}.`, 'ok');
      memberForm.elements.email.value = '';
    } catch (error) {
      say(addStatus, error.message, 'error');
    }
  });
  await loadMembers();
});

// GitHub connections -------------------------------------------------------------------------------------------------
const connectionsStatus = document.getElementById('connections-status');
const connectionsBody = document.querySelector('#connections-table tbody');
const testResult = document.getElementById('connection-test-result');
const connectionForm = document.getElementById('connection-add');
const kind = document.getElementById('connection-kind');
const names = new Map();

async function loadConnections() {
  try {
    const connections = await api(`${base}/connections`);
    names.clear();
    for (const connection of connections) names.set(String(connection.id), connection.name);
    fill(connectionsBody, connections.length === 0 ? emptyRow(6, 'No connections yet: add one below, or GhStats cannot collect this tenant.') : connections.map((c) => el('tr', {},
      el('th', { scope: 'row', class: 'text' }, c.name),
      el('td', {}, kindName[c.kind] ?? c.kind),
      el('td', { class: 'text' }, c.apiBaseUrl),
      el('td', {}, c.kind === 'app' ? `${c.appId ?? '?'} / ${c.installationId ?? '?'}` : '–'),
      el('td', {}, formatDate(c.createdAt)),
      el('td', {}, el('div', { class: 'actions' },
        el('button', { type: 'button', 'data-test-connection': c.id, 'aria-label': `Test ${c.name}` }, 'Test'),
        el('button', { type: 'button', class: 'danger', 'data-delete-connection': c.id, 'aria-label': `Delete ${c.name}` }, 'Delete'))))));
  } catch (error) {
    say(connectionsStatus, error.message, 'error');
  }
}

function headline(result) {
  if (result.reachable === false) return ['Could not reach GitHub', 'error'];
  if (result.credentialsAccepted === false) return ['GitHub refused the credentials', 'error'];
  if (result.traffic?.canRead === true) return [`Can read traffic (checked on ${result.traffic.repository})`, 'ok'];
  if (result.traffic?.canRead === false) return [`Cannot read traffic of ${result.traffic.repository}`, 'error'];
  return ['Could not check whether it can read traffic', ''];
}

/** Who GitHub says the credentials belong to: a user's login, or an App's slug and installation. */
function identityOf(identity) {
  if (!identity) return null;
  if (identity.login) return identity.login;
  if (identity.appSlug) return `App ${identity.appSlug}${identity.installationId ? `, installation ${identity.installationId}` : ''}`;
  return null;
}

function showTest(name, result) {
  const [text, kindOfResult] = headline(result);
  const facts = [];
  const fact = (term, value) => facts.push(el('dt', {}, term), el('dd', {}, value));
  fact('GitHub reached', result.reachable ? 'yes' : 'no');
  const identity = identityOf(result.identity);
  if (identity) fact('Signed in to GitHub as', identity);
  if (Array.isArray(result.scopes)) fact('Token scopes', result.scopes.length ? result.scopes.join(', ') : 'none');
  const limit = result.rateLimit;
  if (limit) {
    fact('Rate limit', `${formatNumber(limit.remaining)} of ${formatNumber(limit.limit)} calls left, resets ${formatDate(limit.resetsAt)}`);
  }
  const findings = Array.isArray(result.findings) ? result.findings : [];
  fill(testResult, el('div', { class: 'card' },
    el('h3', {}, `Test of ${name}: `, el('span', { class: kindOfResult, id: 'connection-test-headline' }, text)),
    facts.length > 0 && el('dl', { class: 'facts' }, facts),
    findings.length > 0 && el('ul', { class: 'findings' }, findings.map((finding) => el('li', {}, finding)))));
}

async function testConnection(button) {
  const id = button.dataset.testConnection;
  const name = names.get(id) ?? `connection ${id}`;
  button.disabled = true;
  fill(testResult, el('p', { class: 'status' }, `Testing ${name}…`));
  try {
    showTest(name, (await api(`${base}/connections/${id}/test`, { method: 'POST', body: {} })) ?? {});
  } catch (error) {
    fill(testResult, el('div', { class: 'card' },
      el('h3', {}, `Test of ${name}: `, el('span', { class: 'error', id: 'connection-test-headline' }, 'could not check')),
      el('p', { class: 'error' }, error.message)));
  } finally {
    button.disabled = false;
  }
}

async function deleteConnection(button) {
  const id = button.dataset.deleteConnection;
  const name = names.get(id) ?? `connection ${id}`;
  const question = `Delete the connection “${name}”? Repositories that use it will be collected with the tenant's first remaining connection, or not at all if none is left.`;
  if (!(await confirmAction(question, 'Delete connection'))) return;
  try {
    await api(`${base}/connections/${id}`, { method: 'DELETE' });
    say(connectionsStatus, `Deleted ${name}.`, 'ok');
  } catch (error) {
    say(connectionsStatus, error.message, 'error');
  }
  await loadConnections();
}

connectionsBody.addEventListener('click', (event) => {
  const test = event.target.closest('button[data-test-connection]');
  const remove = event.target.closest('button[data-delete-connection]');
  if (test) testConnection(test);
  if (remove) deleteConnection(remove);
});

// A disabled fieldset is neither validated nor submitted, so only the chosen kind's fields are required.
function showKind() {
  for (const [value, fieldset] of [['pat', 'connection-pat-fields'], ['app', 'connection-app-fields']]) {
    const element = document.getElementById(fieldset);
    element.disabled = kind.value !== value;
    element.classList.toggle('hidden', kind.value !== value);
  }
}

connectionForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const addStatus = document.getElementById('connection-add-status');
  const fields = connectionForm.elements;
  const request = { name: fields.name.value.trim() || null, kind: kind.value, apiBaseUrl: fields.apiBaseUrl.value.trim() || null };
  if (kind.value === 'pat') {
    request.token = fields.token.value.trim();
  } else {
    request.appId = Number(fields.appId.value);
    request.installationId = Number(fields.installationId.value);
    request.privateKey = fields.privateKey.value.trim();
  }
  await submitting(connectionForm, async () => {
    try {
      const created = await api(`${base}/connections`, { method: 'POST', body: request });
      // The secret has been handed over; it must not linger in the page.
      connectionForm.reset();
      showKind();
      say(addStatus, `Added ${created.name}. Test it to see whether it can read traffic.`, 'ok');
    } catch (error) {
      say(addStatus, error.message, 'error');
    }
  });
  await loadConnections();
});

kind.addEventListener('change', showKind);
showKind();

// Notification channels -------------------------------------------------------------------------------------------
const channelsStatus = document.getElementById('channels-status');
const channelsBody = document.querySelector('#channels-table tbody');
const channelTestResult = document.getElementById('channel-test-result');
const channelForm = document.getElementById('channel-add');
const channelKind = document.getElementById('channel-kind');
const channelCreated = document.getElementById('channel-created');
const channelSecret = document.getElementById('channel-secret');
const channelCopyStatus = document.getElementById('channel-secret-copy-status');
const channelKindName = { webhook: 'Webhook', slack: 'Slack', email: 'Email' };
const topicName = { digest: 'Weekly digest', spike: 'Traffic spikes', trouble: 'Collection trouble' };
const eventName = {
  'digest.weekly': 'Weekly digest', 'traffic.spike': 'Traffic spike', 'trouble.started': 'Trouble started',
  'trouble.resolved': 'Trouble resolved', 'channel.test': 'Test',
};
const channelNames = new Map();

async function loadChannels() {
  try {
    const channels = await api(`${base}/channels`);
    channelNames.clear();
    for (const channel of channels) channelNames.set(String(channel.id), channel.name);
    fill(channelsBody, channels.length === 0 ? emptyRow(5, 'No channels yet: add one below.') : channels.map((c) => el('tr', {},
      el('th', { scope: 'row', class: 'text' }, c.name),
      el('td', {}, channelKindName[c.kind] ?? c.kind),
      el('td', { class: 'text' }, c.target ?? '–'),
      el('td', {}, c.topics.map((topic) => topicName[topic] ?? topic).join(', ')),
      el('td', {}, el('div', { class: 'actions' },
        el('button', { type: 'button', 'data-test-channel': c.id, 'aria-label': `Send a test to ${c.name}` }, 'Send a test'),
        el('button', { type: 'button', class: 'danger', 'data-delete-channel': c.id, 'aria-label': `Delete ${c.name}` }, 'Delete'))))));
  } catch (error) {
    say(channelsStatus, error.message, 'error');
  }
}

async function testChannel(button) {
  const id = button.dataset.testChannel;
  const name = channelNames.get(id) ?? `channel ${id}`;
  button.disabled = true;
  fill(channelTestResult, el('p', { class: 'status' }, `Sending a test to ${name}…`));
  try {
    const delivery = await api(`${base}/channels/${id}/test`, { method: 'POST', body: {} });
    fill(channelTestResult, el('div', { class: 'card' },
      el('h3', {}, `Test of ${name}: `, el('span', { class: delivery.succeeded ? 'ok' : 'error', id: 'channel-test-headline' },
        delivery.succeeded ? 'delivered' : 'not delivered')),
      el('p', {}, delivery.outcome)));
  } catch (error) {
    fill(channelTestResult, el('div', { class: 'card' },
      el('h3', {}, `Test of ${name}: `, el('span', { class: 'error', id: 'channel-test-headline' }, 'could not send')),
      el('p', { class: 'error' }, error.message)));
  } finally {
    button.disabled = false;
  }
  await loadDeliveries();
}

async function deleteChannel(button) {
  const id = button.dataset.deleteChannel;
  const name = channelNames.get(id) ?? `channel ${id}`;
  if (!(await confirmAction(`Delete the channel “${name}”? Messages not yet delivered to it are dropped; its delivery log stays.`, 'Delete channel'))) return;
  try {
    await api(`${base}/channels/${id}`, { method: 'DELETE' });
    say(channelsStatus, `Deleted ${name}.`, 'ok');
  } catch (error) {
    say(channelsStatus, error.message, 'error');
  }
  await loadChannels();
}

channelsBody.addEventListener('click', (event) => {
  const test = event.target.closest('button[data-test-channel]');
  const remove = event.target.closest('button[data-delete-channel]');
  if (test) testChannel(test);
  if (remove) deleteChannel(remove);
});

// A disabled fieldset is neither validated nor submitted, so only the chosen kind's fields are required.
function showChannelKind() {
  const email = channelKind.value === 'email';
  for (const [shown, fieldset] of [[!email, 'channel-url-fields'], [email, 'channel-email-fields']]) {
    const element = document.getElementById(fieldset);
    element.disabled = !shown;
    element.classList.toggle('hidden', !shown);
  }
  document.getElementById('channel-url').placeholder = channelKind.value === 'slack'
    ? 'https://hooks.slack.com/services/…' : 'https://example.com/ghstats-hook';
}

function hideChannelSecret() {
  channelSecret.value = '';
  say(channelCopyStatus, '');
  channelCreated.classList.add('hidden');
}

channelForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const addStatus = document.getElementById('channel-add-status');
  const fields = channelForm.elements;
  const request = {
    name: fields.name.value.trim(),
    kind: channelKind.value,
    topics: [...channelForm.querySelectorAll('input[name="topics"]:checked')].map((box) => box.value),
  };
  if (request.kind === 'email') {
    request.recipients = fields.recipients.value.split(/[\s,;]+/).filter((address) => address.length > 0);
  } else {
    request.url = fields.url.value.trim();
  }
  await submitting(channelForm, async () => {
    try {
      const created = await api(`${base}/channels`, { method: 'POST', body: request });
      // The URL has been handed over; it must not linger in the page.
      channelForm.reset();
      showChannelKind();
      say(addStatus, `Added ${created.name}. Send a test to check that it arrives.`, 'ok');
      if (created.signingSecret) {
        // The secret lives only in this input until the page is left or "Done" is pressed.
        channelSecret.value = created.signingSecret;
        fill(document.getElementById('channel-created-heading'), `Signing secret of “${created.name}”`);
        channelCreated.classList.remove('hidden');
        say(channelCopyStatus, '');
        channelSecret.focus();
        channelSecret.select();
      } else {
        hideChannelSecret();
      }
    } catch (error) {
      say(addStatus, error.message, 'error');
    }
  });
  await loadChannels();
});

document.getElementById('channel-secret-copy').addEventListener('click', async () => {
  channelSecret.focus();
  channelSecret.select();
  try {
    await navigator.clipboard.writeText(channelSecret.value);
    say(channelCopyStatus, 'Copied to the clipboard.', 'ok');
  } catch {
    say(channelCopyStatus, 'Could not copy here: the secret is selected, press Ctrl+C (⌘C on a Mac).');
  }
});
document.getElementById('channel-secret-done').addEventListener('click', () => {
  hideChannelSecret();
  channelForm.elements.name.focus();
});
window.addEventListener('pagehide', hideChannelSecret);

// Delivery log: pages of 25, newest first; "Older" follows nextBefore. -----------------------------------------------
const deliveriesBody = document.querySelector('#deliveries-table tbody');
const deliveriesStatus = document.getElementById('deliveries-status');
const olderButton = document.getElementById('deliveries-older');
let nextBefore = null;

function outcomeOf(delivery) {
  const state = delivery.succeeded ? 'delivered' : delivery.willRetry ? 'will retry' : 'failed';
  return el('span', {}, el('span', { class: `badge ${delivery.succeeded ? 'ok' : 'failed'}` }, state), ' ', delivery.outcome);
}

async function loadDeliveries(before = null) {
  try {
    const page = await api(`${base}/deliveries?limit=25${before ? `&before=${before}` : ''}`);
    nextBefore = page.nextBefore;
    olderButton.disabled = nextBefore === null;
    fill(deliveriesBody, page.deliveries.length === 0 ? emptyRow(5, before ? 'No older deliveries.' : 'Nothing delivered yet.') : page.deliveries.map((d) => el('tr', {},
      el('td', {}, formatDate(d.at)),
      el('td', { class: 'text' }, d.channelName ?? (d.channelId ? `channel ${d.channelId} (deleted)` : 'a subscriber')),
      el('td', {}, eventName[d.event] ?? d.event),
      el('td', {}, formatNumber(d.attempt)),
      el('td', { class: 'text' }, outcomeOf(d)))));
  } catch (error) {
    say(deliveriesStatus, error.message, 'error');
  }
}

olderButton.addEventListener('click', () => loadDeliveries(nextBefore));
document.getElementById('deliveries-newest').addEventListener('click', () => loadDeliveries());
channelKind.addEventListener('change', showChannelKind);
showChannelKind();
loadMembers();
loadConnections();
loadChannels();
loadDeliveries();
