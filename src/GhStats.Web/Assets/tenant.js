// Tenant: rename it, give emails roles (or invite them), add, test and delete its GitHub connections and its
// notification channels, and read the delivery log.
import { api, el, fill, say, formatDate, formatDay, formatNumber, confirmAction, submitting, formatList, t } from './ghstats.js';
import './dashboards.js';

const slug = document.getElementById('tenant').dataset.slug;
const base = `/tenants/${encodeURIComponent(slug)}`;
// Roles and kinds in words of the page's language; the API's wire names (owner, pat ...) stay the values sent.
const roleName = { owner: t('tenantRoleOwner'), viewer: t('tenantRoleViewer') };
const roleInSentence = { owner: t('tenantAsOwner'), viewer: t('tenantAsViewer') };
const kindName = { pat: t('tenantKindPat'), app: t('tenantKindApp') };

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
      say(renameStatus, t('tenantRenamed', { name: tenant.name }), 'ok');
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
    fill(membersBody, members.length === 0 ? emptyRow(4, t('tenantNoMembers')) : members.map((member) => el('tr', {},
      el('th', { scope: 'row', class: 'text' }, member.email ? el('span', { translate: 'no' }, member.email) : t('tenantUserId', { id: String(member.userId) })),
      el('td', { class: 'text', translate: 'no' }, member.displayName ?? ''),
      el('td', {}, roleName[member.role] ?? member.role),
      el('td', {}, member.email && el('button', {
        type: 'button', 'data-remove-member': member.email, 'aria-label': t('tenantRemoveLabel', { email: member.email }),
      }, t('tenantRemove'))))));
    fill(invitationsBody, invitations.length === 0 ? emptyRow(4, t('tenantNoInvitations')) : invitations.map((invitation) => el('tr', {},
      el('th', { scope: 'row', class: 'text', translate: 'no' }, invitation.email),
      el('td', {}, roleName[invitation.role] ?? invitation.role),
      el('td', {}, formatDate(invitation.createdAt)),
      el('td', {}, el('button', {
        type: 'button', 'data-cancel-invitation': invitation.email, 'aria-label': t('tenantCancelInvitationLabel', { email: invitation.email }),
      }, t('tenantCancelInvitation'))))));
  } catch (error) {
    say(membersStatus, error.message, 'error');
  }
}

async function removeMember(email, invitation) {
  if (!invitation && !(await confirmAction(t('tenantRemoveQuestion', { email }), t('tenantRemove')))) return;
  try {
    await api(`${base}/members/${encodeURIComponent(email)}`, { method: 'DELETE' });
    say(membersStatus, t(invitation ? 'tenantInvitationCancelled' : 'tenantMemberRemoved', { email }), 'ok');
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
      const named = roleInSentence[result.role] ?? result.role;
      say(addStatus, t(result.status === 'invited' ? 'tenantInvited' : 'tenantMemberNow', { email: result.email, role: named }), 'ok');
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
    fill(connectionsBody, connections.length === 0 ? emptyRow(6, t('tenantNoConnections')) : connections.map((c) => el('tr', {},
      el('th', { scope: 'row', class: 'text', translate: 'no' }, c.name),
      el('td', {}, kindName[c.kind] ?? c.kind),
      el('td', { class: 'text', translate: 'no' }, c.apiBaseUrl),
      el('td', {}, c.kind === 'app' ? `${c.appId ?? '?'} / ${c.installationId ?? '?'}` : '–'),
      el('td', {}, formatDate(c.createdAt)),
      el('td', {}, el('div', { class: 'actions' },
        el('button', { type: 'button', 'data-test-connection': c.id, 'aria-label': t('tenantTestLabel', { name: c.name }) }, t('tenantTest')),
        el('button', { type: 'button', class: 'danger', 'data-delete-connection': c.id, 'aria-label': t('tenantDeleteLabel', { name: c.name }) }, t('tenantDelete')))))));
  } catch (error) {
    say(connectionsStatus, error.message, 'error');
  }

  await loadPlan();
}

// Collection plan: what each connection's budget keeps fresh, worst case -------------------------------------------
const planStatus = document.getElementById('plan-status');
const planSummary = document.getElementById('plan-summary');
const planBody = document.querySelector('#plan-table tbody');
const runsFrom = { schedule: 'tenantPlanRunsSchedule', recentRuns: 'tenantPlanRunsRecent', assumed: 'tenantPlanRunsAssumed' };

async function loadPlan() {
  // Shown only where this process has the collector, which makes the plan.
  if (!document.getElementById('collection-plan')) return;
  try {
    const plan = await api(`${base}/collection-plan`);
    const lines = [
      t(runsFrom[plan.runsPerDaySource] ?? 'tenantPlanRunsAssumed', { runs: plan.runsPerDay }),
      t(plan.nextDayReadsWeekly ? 'tenantPlanNextDayWeekly' : 'tenantPlanNextDay', { day: formatDay(plan.nextDay) }),
    ];
    if (plan.repositoriesWithoutConnection > 0) lines.push(t('tenantPlanWithoutConnection', { count: plan.repositoriesWithoutConnection }));
    fill(planSummary, ...lines.map((line) => el('li', {}, line)));
    fill(planBody, plan.connections.length === 0 ? emptyRow(8, t('tenantNoConnections')) : plan.connections.map((c) => el('tr', { 'data-connection': c.connectionId },
      el('th', { scope: 'row', class: 'text', translate: 'no' }, c.name),
      el('td', {}, formatNumber(c.repositories)),
      el('td', { class: 'text' }, t(c.hourlyLimitObserved ? 'tenantPlanLimitSeen' : 'tenantPlanLimitAssumed', { limit: c.hourlyLimit })),
      el('td', {}, formatNumber(c.callsPerRepositoryPerDay)),
      el('td', {}, formatNumber(c.hourlyCapacity)),
      el('td', {}, formatNumber(c.dailyCapacity)),
      el('td', { class: c.nextDayFits ? 'text' : 'text error' }, t(c.nextDayFits ? 'tenantPlanFits' : 'tenantPlanTooMany', { calls: c.nextDayCalls, budget: c.dailyBudget })),
      el('td', { class: 'text' }, c.lastRunCalls === null ? t('tenantPlanNoRunYet') : t('tenantPlanLastRun', { calls: c.lastRunCalls, when: formatDate(c.lastRunAt) })))));
  } catch (error) {
    say(planStatus, error.message, 'error');
  }
}

function headline(result) {
  if (result.reachable === false) return [t('tenantUnreachable'), 'error'];
  if (result.credentialsAccepted === false) return [t('tenantRefused'), 'error'];
  if (result.traffic?.canRead === true) return [t('tenantCanRead', { repository: result.traffic.repository }), 'ok'];
  if (result.traffic?.canRead === false) return [t('tenantCannotRead', { repository: result.traffic.repository }), 'error'];
  return [t('tenantReadUnknown'), ''];
}

/** Who GitHub says the credentials belong to: a user's login, or an App's slug and installation. */
function identityOf(identity) {
  if (!identity) return null;
  if (identity.login) return identity.login;
  if (identity.appSlug) {
    return identity.installationId
      ? t('tenantAppInstallationIdentity', { app: identity.appSlug, installation: String(identity.installationId) })
      : t('tenantAppIdentity', { app: identity.appSlug });
  }
  return null;
}

function showTest(name, result) {
  const [text, kindOfResult] = headline(result);
  const facts = [];
  const fact = (term, value) => facts.push(el('dt', {}, term), el('dd', {}, value));
  fact(t('tenantFactReached'), t(result.reachable ? 'tenantYes' : 'tenantNo'));
  const identity = identityOf(result.identity);
  if (identity) fact(t('tenantFactSignedInAs'), el('span', { translate: 'no' }, identity));
  if (Array.isArray(result.scopes)) {
    fact(t('tenantFactScopes'), result.scopes.length ? el('span', { translate: 'no' }, formatList(result.scopes)) : t('tenantNone'));
  }
  const limit = result.rateLimit;
  if (limit) {
    fact(t('tenantFactRateLimit'), t('tenantRateLimit', { remaining: limit.remaining, limit: limit.limit, resets: formatDate(limit.resetsAt) }));
  }
  const findings = Array.isArray(result.findings) ? result.findings : [];
  fill(testResult, el('div', { class: 'card' },
    el('h3', {}, t('tenantTestOf', { name }), el('span', { class: kindOfResult, id: 'connection-test-headline' }, text)),
    facts.length > 0 && el('dl', { class: 'facts' }, facts),
    findings.length > 0 && el('ul', { class: 'findings' }, findings.map((finding) => el('li', {}, finding)))));
}

async function testConnection(button) {
  const id = button.dataset.testConnection;
  const name = names.get(id) ?? t('tenantConnectionN', { id });
  button.disabled = true;
  fill(testResult, el('p', { class: 'status' }, t('tenantTesting', { name })));
  try {
    showTest(name, (await api(`${base}/connections/${id}/test`, { method: 'POST', body: {} })) ?? {});
  } catch (error) {
    fill(testResult, el('div', { class: 'card' },
      el('h3', {}, t('tenantTestOf', { name }), el('span', { class: 'error', id: 'connection-test-headline' }, t('tenantCouldNotCheck'))),
      el('p', { class: 'error' }, error.message)));
  } finally {
    button.disabled = false;
  }
}

async function deleteConnection(button) {
  const id = button.dataset.deleteConnection;
  const name = names.get(id) ?? t('tenantConnectionN', { id });
  if (!(await confirmAction(t('tenantDeleteConnectionQuestion', { name }), t('tenantDeleteConnection')))) return;
  try {
    await api(`${base}/connections/${id}`, { method: 'DELETE' });
    say(connectionsStatus, t('tenantDeleted', { name }), 'ok');
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
      say(addStatus, t('tenantConnectionAdded', { name: created.name }), 'ok');
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
const channelKindName = { webhook: t('tenantChannelWebhook'), slack: t('tenantChannelSlack'), email: t('tenantChannelEmail') };
const topicName = { digest: t('tenantTopicDigest'), spike: t('tenantTopicSpike'), trouble: t('tenantTopicTrouble') };
const eventName = {
  'digest.weekly': t('tenantEventDigest'), 'traffic.spike': t('tenantEventSpike'), 'trouble.started': t('tenantEventTroubleStarted'),
  'trouble.resolved': t('tenantEventTroubleResolved'), 'channel.test': t('tenantEventTest'),
};
const channelNames = new Map();

async function loadChannels() {
  try {
    const channels = await api(`${base}/channels`);
    channelNames.clear();
    for (const channel of channels) channelNames.set(String(channel.id), channel.name);
    fill(channelsBody, channels.length === 0 ? emptyRow(5, t('tenantNoChannels')) : channels.map((c) => el('tr', {},
      el('th', { scope: 'row', class: 'text', translate: 'no' }, c.name),
      el('td', {}, channelKindName[c.kind] ?? c.kind),
      el('td', { class: 'text', translate: 'no' }, c.target ?? '–'),
      el('td', {}, formatList(c.topics.map((topic) => topicName[topic] ?? topic))),
      el('td', {}, el('div', { class: 'actions' },
        el('button', { type: 'button', 'data-test-channel': c.id, 'aria-label': t('tenantSendTestLabel', { name: c.name }) }, t('tenantSendTest')),
        el('button', { type: 'button', class: 'danger', 'data-delete-channel': c.id, 'aria-label': t('tenantDeleteLabel', { name: c.name }) }, t('tenantDelete')))))));
  } catch (error) {
    say(channelsStatus, error.message, 'error');
  }
}

async function testChannel(button) {
  const id = button.dataset.testChannel;
  const name = channelNames.get(id) ?? t('tenantChannelN', { id });
  button.disabled = true;
  fill(channelTestResult, el('p', { class: 'status' }, t('tenantSendingTest', { name })));
  try {
    const delivery = await api(`${base}/channels/${id}/test`, { method: 'POST', body: {} });
    fill(channelTestResult, el('div', { class: 'card' },
      el('h3', {}, t('tenantTestOf', { name }), el('span', { class: delivery.succeeded ? 'ok' : 'error', id: 'channel-test-headline' },
        t(delivery.succeeded ? 'tenantDelivered' : 'tenantNotDelivered'))),
      el('p', {}, delivery.outcome)));
  } catch (error) {
    fill(channelTestResult, el('div', { class: 'card' },
      el('h3', {}, t('tenantTestOf', { name }), el('span', { class: 'error', id: 'channel-test-headline' }, t('tenantCouldNotSend'))),
      el('p', { class: 'error' }, error.message)));
  } finally {
    button.disabled = false;
  }
  await loadDeliveries();
}

async function deleteChannel(button) {
  const id = button.dataset.deleteChannel;
  const name = channelNames.get(id) ?? t('tenantChannelN', { id });
  if (!(await confirmAction(t('tenantDeleteChannelQuestion', { name }), t('tenantDeleteChannel')))) return;
  try {
    await api(`${base}/channels/${id}`, { method: 'DELETE' });
    say(channelsStatus, t('tenantDeleted', { name }), 'ok');
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
      say(addStatus, t('tenantChannelAdded', { name: created.name }), 'ok');
      if (created.signingSecret) {
        // The secret lives only in this input until the page is left or "Done" is pressed.
        channelSecret.value = created.signingSecret;
        fill(document.getElementById('channel-created-heading'), t('tenantSigningSecretOf', { name: created.name }));
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
    say(channelCopyStatus, t('tenantCopied'), 'ok');
  } catch {
    say(channelCopyStatus, t('tenantCopyFailed'));
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
  const state = t(delivery.succeeded ? 'tenantDelivered' : delivery.willRetry ? 'tenantWillRetry' : 'tenantFailed');
  return el('span', {}, el('span', { class: `badge ${delivery.succeeded ? 'ok' : 'failed'}` }, state), ' ', delivery.outcome);
}

async function loadDeliveries(before = null) {
  try {
    const page = await api(`${base}/deliveries?limit=25${before ? `&before=${before}` : ''}`);
    nextBefore = page.nextBefore;
    olderButton.disabled = nextBefore === null;
    fill(deliveriesBody, page.deliveries.length === 0 ? emptyRow(5, t(before ? 'tenantNoOlder' : 'tenantNothingDelivered')) : page.deliveries.map((d) => el('tr', {},
      el('td', {}, formatDate(d.at)),
      el('td', { class: 'text' }, d.channelName ? el('span', { translate: 'no' }, d.channelName)
        : d.channelId ? t('tenantChannelDeleted', { id: String(d.channelId) }) : t('tenantSubscriber')),
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
