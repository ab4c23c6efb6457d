// Entry point of the dashboard page: sign-in (token form, `#token=` link, or a demo person in development), then
// every section. Only aggregate queries are ever sent; the page never asks for a child.
import { gql } from './api.js';
import { renderAdopters } from './adopters.js';
import { renderAsglb } from './asglb.js';
import { today } from './csv.js';
import { renderJourney } from './adopter-journey.js';
import { failed, noFiguresSentence } from './roles.js';
import { renderScorecard } from './scorecard.js';
import { renderBreakdowns, renderStages, renderSupport } from './sections.js';
import { startSignIn } from './signin.js';
import { renderStageTrendPanel } from './stage-trend.js';

const $ = (id) => document.getElementById(id);

async function load(who) {
  const names = new Map(who.authorities.map((a) => [a.code, a.name]));
  const roles = who.me.roles;
  const ctx = {
    me: who.me, asOf: $('as-of').value, today: today(), nameOf: (code) => names.get(code) || code, csvNotes: [], rules: {},
  };
  $('audit-link').hidden = !roles.some((r) => r === 'auditor' || r === 'raa_manager');
  $('suppression-note').hidden = true;
  document.body.dataset.state = 'loading';
  $('no-figures').hidden = true;
  $('dashboard').hidden = false;
  const stagesBox = document.querySelector('#stages .body');
  let las;
  try {
    // The rules' wording first: every table names the rule its figures were published under.
    const { inferenceControlRules } = await gql('query DashboardRules { inferenceControlRules { control text } }');
    ctx.rules = Object.fromEntries(inferenceControlRules.map((r) => [r.control, r.text]));
    las = await renderStages(stagesBox, ctx);
  } catch (err) {
    if (err.code === 'FORBIDDEN') { showNoFigures(roles); return; }
    failed(stagesBox, err, 'the children by stage', roles);
    las = [];
  }
  renderAsglb(ctx);
  await Promise.all([
    renderScorecard(las, ctx),
    renderBreakdowns(ctx),
    renderStageTrendPanel(ctx),
    renderAdopters(ctx),
    renderJourney(ctx),
    renderSupport(document.querySelector('#support .body'), ctx)
      .catch((err) => failed(document.querySelector('#support .body'), err, 'the adoption support figures', roles)),
  ]);
  // The note on withheld figures, when any figure on the page is withheld.
  $('suppression-note').hidden = !document.querySelector('#dashboard td[data-suppressed="true"], #dashboard td.suppressed');
  document.body.dataset.state = 'ready';
}

/** A role with no figures here (an auditor, an integration account) gets a sentence and where to go instead. */
function showNoFigures(roles) {
  const { text, link } = noFiguresSentence(roles);
  $('dashboard').hidden = true;
  $('no-figures').hidden = false;
  $('no-figures-text').textContent = text;
  $('no-figures-link').hidden = !link;
  if (link) { $('no-figures-link').href = link.href; $('no-figures-link').textContent = link.text; }
  document.body.dataset.state = 'ready';
}

const signIn = startSignIn({ contentIds: ['dashboard', 'no-figures', 'audit-link'], onSignedIn: load });
$('as-of-form').addEventListener('submit', (e) => { e.preventDefault(); signIn.reload(); });
