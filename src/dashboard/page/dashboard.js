// Entry point of the dashboard page: sign-in (token form, `#token=` link, or a demo person in development), then
// every section. Only aggregate queries are ever sent; the page never asks for a child.
import { clearToken, demoPeople, demoToken, gql, setToken, takeToken } from './api.js';
import { renderScorecard } from './scorecard.js';
import { failed, renderAdopters, renderBreakdowns, renderStages, renderSupport } from './sections.js';

const $ = (id) => document.getElementById(id);

async function showSignIn(message = '') {
  $('dashboard').hidden = true;
  $('viewer').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  const people = await demoPeople().catch(() => null);
  if (!people) return;
  $('demo-person').replaceChildren(...people.map((p) => {
    const o = document.createElement('option');
    o.value = `${p.role}|${p.org}`;
    o.textContent = `${p.name}: ${p.role} at ${p.org}`;
    return o;
  }));
  $('demo-form').hidden = false;
}

async function load() {
  let who;
  try {
    who = await gql('query DashboardViewer { me { sub name org roles } authorities { code name kind } }');
  } catch (err) {
    clearToken();
    await showSignIn(err.code === 'UNAUTHENTICATED' ? 'That token was not accepted (expired or not for this hub).' : err.message);
    return;
  }
  const names = new Map(who.authorities.map((a) => [a.code, a.name]));
  const ctx = { me: who.me, asOf: $('as-of').value, nameOf: (code) => names.get(code) || code };
  $('sign-in').hidden = true;
  $('dashboard').hidden = false;
  $('viewer').hidden = false;
  $('sign-out').hidden = false;
  $('viewer').textContent = `${who.me.name || who.me.sub} · ${who.me.roles.join(', ')} · ${ctx.nameOf(who.me.org)}`;
  $('suppression-note').hidden = !who.me.roles.every((r) => r === 'la_analyst');
  document.body.dataset.state = 'loading';
  const stages = renderStages(document.querySelector('#stages .body'), ctx)
    .catch((err) => { failed(document.querySelector('#stages .body'), err); return []; });
  await Promise.all([
    stages.then((las) => renderScorecard(las, ctx)),
    renderBreakdowns(ctx),
    renderAdopters(ctx),
    renderSupport(document.querySelector('#support .body'), ctx).catch((err) => failed(document.querySelector('#support .body'), err)),
  ]);
  document.body.dataset.state = 'ready';
}

$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  setToken($('token-input').value);
  $('token-input').value = '';
  load();
});

$('demo-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const [role, org] = $('demo-person').value.split('|');
  try {
    setToken(await demoToken(role, org));
    await load();
  } catch (err) { $('sign-in-error').textContent = err.message; }
});

$('sign-out').addEventListener('click', () => { clearToken(); showSignIn(); });
$('as-of-form').addEventListener('submit', (e) => { e.preventDefault(); load(); });

if (takeToken()) load(); else showSignIn();
