// A real OpenID Connect provider (oidc-provider, a certified implementation) for GhStats tests, on loopback HTTP.
//
//   node server.mjs [--port N] [--parent-pid PID]
//
// Port 0 (the default) picks a free port. Once ready it prints one line, `listening http://127.0.0.1:PORT`,
// and the issuer is that address. Clients and accounts are added at run time through the test admin API:
//
//   POST /_test/clients   {"client_id", "client_secret", "redirect_uris": [], "post_logout_redirect_uris": []}
//   POST /_test/accounts  {"subject", "email", "email_verified": true, "name"}
//
// The login page is a plain HTML form (#login-form, #login, #login-submit, #login-error); consent is granted
// without asking. The process exits when its stdin closes, when --parent-pid is gone, and on SIGTERM or SIGINT,
// so a killed test run leaves no provider behind.

import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';

// oidc-provider 9 needs Node.js 20.19 or later; say so plainly instead of failing inside its imports.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`oidc-provider 9 needs Node.js 20.19 or later; this is Node.js ${process.versions.node}.`);
  process.exit(1);
}

const { default: Provider } = await import('oidc-provider');

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'parent-pid': { type: 'string' },
  },
});

const clients = new Map();
const accounts = new Map();
const AdminPrefix = '/_test/';
const InteractionPrefix = '/interaction/';
const MaxBodyBytes = 64 * 1024;

exitWhenOrphaned(options['parent-pid']);

// The issuer must name the real port, known only once the socket is bound, so the provider is made after listen;
// nobody learns the port before that, so no request arrives earlier.
let provider;
let providerCallback;
const server = http.createServer((req, res) => {
  handle(req, res).catch((error) => {
    // oidc-provider's own errors (an expired interaction, a missing cookie) carry their HTTP status.
    const status = Number.isInteger(error.statusCode) ? error.statusCode : 500;
    if (status >= 500) {
      console.error(`server error on ${req.method} ${req.url}:`, error);
    }
    if (!res.headersSent) {
      sendText(res, status, `${error.message}${error.error_description ? `: ${error.error_description}` : ''}`);
    } else {
      res.destroy();
    }
  });
});

server.listen(Number(options.port), '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  provider = new Provider(issuer, configuration());
  providerCallback = provider.callback();
  logProviderErrors(provider);
  console.log(`listening ${issuer}`);
});

server.on('error', (error) => {
  console.error(`could not listen on 127.0.0.1:${options.port}: ${error.message}`);
  process.exit(1);
});

function configuration() {
  // A fresh signing key and cookie keys per run: nothing secret is committed, and no two runs share tokens.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };

  return {
    adapter: MemoryAdapter,
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // By default a code flow id_token carries only `sub`; relying parties that skip the userinfo call (ASP.NET
    // Core's default) would then never see email or name, so the scope's claims go into the id_token too.
    conformIdTokenClaims: false,
    findAccount,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `${InteractionPrefix}${interaction.uid}` },
    renderError,
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 300,
      ClientCredentials: 600,
      Grant: 86400,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 86400,
      Session: 86400,
    },
  };
}

async function handle(req, res) {
  const path = new URL(req.url, 'http://127.0.0.1').pathname;
  if (path.startsWith(AdminPrefix)) {
    return handleAdmin(req, res, path.slice(AdminPrefix.length));
  }

  if (path.startsWith(InteractionPrefix)) {
    return handleInteraction(req, res, path.slice(InteractionPrefix.length).split('/'));
  }

  return providerCallback(req, res);
}

async function handleAdmin(req, res, route) {
  // The server only binds 127.0.0.1; this check keeps the admin API loopback-only even behind a forwarded port.
  if (!isLoopback(req.socket.remoteAddress)) {
    return sendText(res, 403, 'the test admin API answers loopback callers only');
  }

  if (req.method !== 'POST') {
    return sendText(res, 405, 'use POST');
  }

  let body;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    return sendText(res, 400, `the body must be JSON: ${error.message}`);
  }

  switch (route) {
    case 'clients':
      return addClient(res, body);
    case 'accounts':
      return addAccount(res, body);
    default:
      return sendText(res, 404, `unknown admin route /_test/${route}; use /_test/clients or /_test/accounts`);
  }
}

async function addClient(res, body) {
  const metadata = {
    client_id: body.client_id,
    client_secret: body.client_secret,
    redirect_uris: body.redirect_uris ?? [],
    post_logout_redirect_uris: body.post_logout_redirect_uris ?? [],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  };

  if (typeof metadata.client_id !== 'string' || metadata.client_id.length === 0) {
    return sendText(res, 400, 'client_id is required');
  }

  try {
    // Invalid metadata is reported to the test now rather than as a confusing failure at sign-in.
    await provider.Client.validate(metadata);
  } catch (error) {
    return sendText(res, 400, `invalid client ${metadata.client_id}: ${error.error_description ?? error.message}`);
  }

  const replaced = clients.has(metadata.client_id);
  clients.set(metadata.client_id, metadata);
  return sendJson(res, replaced ? 200 : 201, { client_id: metadata.client_id });
}

function addAccount(res, body) {
  const account = {
    subject: body.subject,
    email: body.email,
    email_verified: body.email_verified === true,
    name: body.name,
  };

  if (typeof account.subject !== 'string' || account.subject.length === 0) {
    return sendText(res, 400, 'subject is required');
  }

  if (typeof account.email !== 'string' || typeof account.name !== 'string') {
    return sendText(res, 400, 'email and name are required strings');
  }

  const replaced = accounts.has(account.subject);
  accounts.set(account.subject, account);
  return sendJson(res, replaced ? 200 : 201, { subject: account.subject });
}

async function handleInteraction(req, res, [uid, action]) {
  const interaction = await provider.interactionDetails(req, res);
  if (interaction.uid !== uid) {
    return sendText(res, 400, 'this interaction belongs to another browser session; start the sign-in again');
  }

  const prompt = interaction.prompt.name;
  if (req.method === 'GET' && action === undefined && prompt === 'login') {
    return sendHtml(res, 200, loginPage(uid, interaction.params.login_hint ?? '', null));
  }

  if (req.method === 'POST' && action === 'login' && prompt === 'login') {
    const login = new URLSearchParams(await readBody(req)).get('login')?.trim() ?? '';
    const account = lookUpAccount(login);
    if (!account) {
      return sendHtml(res, 200, loginPage(uid, login, `No account matches "${login}".`));
    }

    return provider.interactionFinished(req, res, { login: { accountId: account.subject } }, { mergeWithLastSubmission: false });
  }

  if (req.method === 'GET' && action === undefined && prompt === 'consent') {
    return grantConsent(req, res, interaction);
  }

  return sendText(res, 400, `unexpected ${req.method} for the "${prompt}" prompt of interaction ${uid}`);
}

// Consent is part of the protocol but not of what GhStats tests: grant whatever the client asked for.
async function grantConsent(req, res, interaction) {
  const { details } = interaction.prompt;
  const grant = interaction.grantId
    ? await provider.Grant.find(interaction.grantId)
    : new provider.Grant({ accountId: interaction.session.accountId, clientId: interaction.params.client_id });

  if (details.missingOIDCScope) {
    grant.addOIDCScope(details.missingOIDCScope.join(' '));
  }

  if (details.missingOIDCClaims) {
    grant.addOIDCClaims(details.missingOIDCClaims);
  }

  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }

  const grantId = await grant.save();
  const consent = interaction.grantId ? {} : { grantId };
  return provider.interactionFinished(req, res, { consent }, { mergeWithLastSubmission: true });
}

function lookUpAccount(login) {
  if (accounts.has(login)) {
    return accounts.get(login);
  }

  const email = login.toLowerCase();
  return [...accounts.values()].find((account) => account.email.toLowerCase() === email);
}

async function findAccount(_ctx, id) {
  const account = accounts.get(id);
  if (!account) {
    return undefined;
  }

  return {
    accountId: id,
    async claims() {
      return { sub: id, email: account.email, email_verified: account.email_verified, name: account.name };
    },
  };
}

function loginPage(uid, login, error) {
  const errorLine = error ? `<p id="login-error" role="alert">${escapeHtml(error)}</p>` : '';
  return page('Sign in', `
    <h1>Sign in to the GhStats test provider</h1>
    ${errorLine}
    <form id="login-form" method="post" action="${InteractionPrefix}${escapeHtml(uid)}/login">
      <label for="login">Subject or email</label>
      <input id="login" name="login" type="text" autocomplete="username" autofocus required value="${escapeHtml(login)}">
      <button id="login-submit" type="submit">Sign in</button>
    </form>`);
}

// oidc-provider hands over its own confirmation form (#op.logoutForm, with an xsrf field); the button says yes.
async function logoutSource(ctx, form) {
  ctx.type = 'html';
  ctx.body = page('Sign out', `
    <h1>Sign out of the GhStats test provider?</h1>
    ${form}
    <button id="logout-confirm" type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`);
}

async function postLogoutSuccessSource(ctx) {
  ctx.type = 'html';
  ctx.body = page('Signed out', '<h1 id="logout-success">You are signed out.</h1>');
}

async function renderError(ctx, out) {
  ctx.type = 'html';
  const lines = Object.entries(out).map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(String(value))}</p>`);
  ctx.body = page('Error', `<h1 id="error">The provider refused the request</h1>${lines.join('')}`);
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>${body}
</body>
</html>`;
}

function logProviderErrors(target) {
  for (const event of ['server_error', 'authorization.error', 'grant.error', 'end_session.error', 'userinfo.error', 'discovery.error']) {
    target.on(event, (...args) => {
      const error = args.find((arg) => arg instanceof Error);
      console.error(`${event}: ${error?.message ?? 'unknown'}${error?.error_description ? ` (${error.error_description})` : ''}`);
    });
  }
}

function exitWhenOrphaned(parentPid) {
  // The parent holds our stdin pipe; when it dies, the pipe closes, even on SIGKILL.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
    process.on(signal, () => process.exit(0));
  }

  if (parentPid) {
    const pid = Number(parentPid);
    setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        process.exit(0);
      }
    }, 1000).unref();
  }
}

// The documented adapter interface, kept in this process: clients come from the admin API, the rest expire.
class MemoryAdapter {
  static #stores = new Map();

  constructor(model) {
    this.model = model;
    if (!MemoryAdapter.#stores.has(model)) {
      MemoryAdapter.#stores.set(model, new Map());
    }
    this.store = MemoryAdapter.#stores.get(model);
  }

  async upsert(id, payload, expiresIn) {
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
    this.store.set(id, { payload, expiresAt });
  }

  async find(id) {
    if (this.model === 'Client') {
      return clients.get(id);
    }

    const entry = this.store.get(id);
    if (!entry) {
      return undefined;
    }

    if (entry.expiresAt <= Date.now()) {
      this.store.delete(id);
      return undefined;
    }

    return entry.payload;
  }

  async findByUid(uid) {
    for (const [id, { payload }] of this.store) {
      if (payload.uid === uid) {
        return this.find(id);
      }
    }
    return undefined;
  }

  async findByUserCode(userCode) {
    for (const [id, { payload }] of this.store) {
      if (payload.userCode === userCode) {
        return this.find(id);
      }
    }
    return undefined;
  }

  async consume(id) {
    const entry = this.store.get(id);
    if (entry) {
      entry.payload.consumed = Math.floor(Date.now() / 1000);
    }
  }

  async destroy(id) {
    this.store.delete(id);
  }

  async revokeByGrantId(grantId) {
    for (const store of MemoryAdapter.#stores.values()) {
      for (const [id, { payload }] of store) {
        if (payload.grantId === grantId) {
          store.delete(id);
        }
      }
    }
  }
}

function isLoopback(address) {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MaxBodyBytes) {
        reject(new Error(`request body larger than ${MaxBodyBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendHtml(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

function sendJson(res, status, value) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}

function sendText(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function escapeHtml(value) {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
