// Charts (chart.js, loaded as a plain script from /dashboard/vendor/chart.umd.js). Each chart's data is also kept
// on window.__charts[id] ({type, labels, datasets: [{label, data}]}) so scripts and tests can read what is drawn.
// A suppressed figure is drawn as a gap (null), never as a number.
const instances = new Map();
window.__charts = window.__charts || {};

const PALETTE = ['#1f5f8b', '#e07b39', '#3a9d5d', '#b5446e', '#7a5cc2', '#c9a227', '#4aa3b5', '#8c564b', '#6b7785'];

/** Draws (or redraws) chart `id` inside `container`. */
export function drawChart(container, id, { type, labels, datasets, stacked = false, title }) {
  if (instances.has(id)) instances.get(id).destroy();
  const box = document.createElement('div');
  box.className = 'chart';
  const canvas = document.createElement('canvas');
  canvas.id = `${id}-chart`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', title || id);
  box.append(canvas);
  container.append(box);
  window.__charts[id] = { type, labels, datasets: datasets.map((d) => ({ label: d.label, data: d.data })) };
  if (typeof window.Chart !== 'function') return;
  const styled = datasets.map((d, i) => ({
    backgroundColor: PALETTE[i % PALETTE.length], borderColor: PALETTE[i % PALETTE.length], spanGaps: false, ...d,
  }));
  instances.set(id, new window.Chart(canvas, {
    type, data: { labels, datasets: styled },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { title: { display: Boolean(title), text: title }, legend: { position: 'bottom' } },
      scales: { x: { stacked }, y: { stacked, beginAtZero: true } },
    },
  }));
}
