// The ASGLB quarterly return, for download: the RAA manager's whole return, or an LA social worker's or analyst's
// child tab for its LA. The hub lists the files this viewer may have (GET /export/asglb) and sends each as CSV; the
// download carries the token in its header, never in the address. Other roles get a sentence saying who sends it.
import { takeToken } from './api.js';

const ROLES = ['raa_manager', 'social_worker', 'la_analyst'];

/** The last complete quarter of the financial year (Q1 = April to June), as YYYYQn. */
export function lastQuarter(today = new Date()) {
  const m = today.getMonth(); // 0 = January
  const fq = m >= 3 ? Math.floor((m - 3) / 3) + 1 : 4; // the quarter today is in
  const startYear = m >= 3 ? today.getFullYear() : today.getFullYear() - 1;
  return fq === 1 ? `${startYear - 1}Q4` : `${startYear}Q${fq - 1}`;
}

async function fetchWithToken(url) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${takeToken()}` } });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new Error((body.error && body.error.message) || `The hub answered ${res.status}.`);
  }
  return res;
}

function panel() {
  const section = document.createElement('section');
  section.id = 'asglb';
  section.className = 'panel';
  section.innerHTML = `<h2>ASGLB quarterly return</h2>
    <p class="note">The return goes to the collector as it is: not suppressed. Every child row downloaded is recorded in the audit trail.</p>
    <form class="controls"><label>Quarter (financial year, e.g. 2025Q3 = October to December 2025)
      <input name="quarter" pattern="\\d{4}Q[1-4]" required></label>
      <button type="submit">List the files</button></form>
    <ul class="files"></ul><p class="error" role="alert"></p>`;
  return section;
}

/** For a role that does not send the return (a family finder): who does, in a sentence, and no form. */
function notYours() {
  const section = document.createElement('section');
  section.id = 'asglb';
  section.className = 'panel';
  section.innerHTML = `<h2>ASGLB quarterly return</h2>
    <p class="note">The quarterly return is downloaded by your agency's manager, and each council's own social workers
    and analysts download their council's children. Ask your manager for a copy.</p>`;
  return section;
}

/** Adds the panel to the dashboard: the downloads for the roles that send the return, a sentence for the others. */
export function renderAsglb(ctx) {
  document.getElementById('asglb')?.remove();
  if (!ctx.me.roles.some((r) => ROLES.includes(r))) {
    document.getElementById('dashboard').append(notYours());
    return;
  }
  const section = panel();
  document.getElementById('dashboard').append(section);
  const form = section.querySelector('form');
  const list = section.querySelector('.files');
  const error = section.querySelector('.error');
  form.quarter.value = lastQuarter();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    list.replaceChildren();
    error.textContent = '';
    try {
      const res = await fetchWithToken(`/export/asglb?quarter=${encodeURIComponent(form.quarter.value)}&owner=${encodeURIComponent(ctx.me.org)}`);
      const manifest = await res.json();
      if (!manifest.files.length) error.textContent = 'Your role has no file of this return to download.';
      for (const f of manifest.files) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `Download ${f.fileName}`;
        button.addEventListener('click', async () => {
          try {
            const blob = await (await fetchWithToken(f.url)).blob();
            const a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = f.fileName;
            a.click();
            URL.revokeObjectURL(a.href);
          } catch (err) { error.textContent = err.message; }
        });
        item.append(button);
        list.append(item);
      }
    } catch (err) { error.textContent = err.message; }
  });
}
