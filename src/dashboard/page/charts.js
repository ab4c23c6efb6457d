// Charts (chart.js, loaded as a plain script from /dashboard/vendor/chart.umd.js). Each chart's data is also kept
// on window.__charts[id] ({type, labels, datasets: [{label, data, suppressed}], marks}) so scripts and tests can read
// what is drawn. A suppressed figure is never drawn as a number (its bar or point is a gap) but it is not dropped
// either: a "[c]" mark in its series' colour stands where it would be, and `marks` records where each was drawn.
import { el, SUPPRESSED_TEXT } from './tables.js';

const instances = new Map();
window.__charts = window.__charts || {};
// A printed page is narrower than the screen: redraw every chart to the print width before printing.
window.addEventListener('beforeprint', () => { for (const chart of instances.values()) chart.resize(); });
window.addEventListener('afterprint', () => { for (const chart of instances.values()) chart.resize(); });

const PALETTE = ['#1f5f8b', '#e07b39', '#3a9d5d', '#b5446e', '#7a5cc2', '#c9a227', '#4aa3b5', '#8c564b', '#6b7785'];
const MARK_H = 14;

function drawMark(g, x, y, colour) {
  g.save();
  g.font = '600 10px system-ui, sans-serif';
  const w = g.measureText(SUPPRESSED_TEXT).width + 6;
  g.fillStyle = '#ffffff';
  g.strokeStyle = colour;
  g.lineWidth = 1.5;
  g.setLineDash([]);
  g.beginPath();
  g.rect(x - w / 2, y - MARK_H / 2, w, MARK_H);
  g.fill();
  g.stroke();
  g.fillStyle = '#1d2731';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(SUPPRESSED_TEXT, x, y + 0.5);
  g.restore();
}

/**
 * Draws a "[c]" mark for every suppressed value: on a bar chart just above the bars shown at that place, on a line
 * chart on the axis where the point would be (the line has a gap there). Marks at one place sit side by side, in as
 * many rows as the place's width needs.
 */
const suppressedMarks = {
  id: 'suppressedMarks',
  afterDatasetsDraw(chart) {
    const { ctx: g, chartArea, scales } = chart;
    const record = window.__charts[chart.canvas.dataset.chartId];
    const isBar = chart.config.type === 'bar';
    const places = new Map();
    chart.data.datasets.forEach((ds, di) => {
      if (!ds.suppressed || !chart.isDatasetVisible(di)) return;
      const meta = chart.getDatasetMeta(di);
      ds.suppressed.forEach((hidden, i) => {
        if (!hidden) return;
        const element = meta.data[i];
        const x = element && Number.isFinite(element.x) ? element.x : scales.x.getPixelForValue(i);
        let base = scales.y.getPixelForValue(0);
        let width = chart.chartArea.width / Math.max(1, chart.data.labels.length);
        if (isBar) {
          if (element && Number.isFinite(element.width)) width = element.width;
          // Above the tallest bar shown at this place (all datasets when stacked, this one's group otherwise).
          for (let dj = 0; dj < chart.data.datasets.length; dj += 1) {
            const other = chart.getDatasetMeta(dj).data[i];
            if (chart.isDatasetVisible(dj) && other && Number.isFinite(other.y) && Math.abs(other.x - x) < 1) base = Math.min(base, other.y);
          }
        }
        const key = `${Math.round(x)}`;
        if (!places.has(key)) places.set(key, { x, base, width, items: [] });
        places.get(key).items.push({ ds, i });
      });
    });
    const marks = [];
    g.save();
    g.font = '600 10px system-ui, sans-serif';
    const w = g.measureText(SUPPRESSED_TEXT).width + 6;
    g.restore();
    for (const place of places.values()) {
      const perRow = Math.max(1, Math.floor(Math.max(place.width, w + 2) / (w + 2)));
      place.items.forEach(({ ds, i }, n) => {
        const row = Math.floor(n / perRow);
        const inRow = Math.min(perRow, place.items.length - row * perRow);
        const x = place.x + ((n % perRow) - (inRow - 1) / 2) * (w + 2);
        const y = Math.max(chartArea.top + MARK_H / 2, place.base - MARK_H / 2 - 3 - row * (MARK_H + 2));
        drawMark(g, x, y, ds.borderColor || '#6b7785');
        marks.push({ dataset: ds.label, index: i, label: chart.data.labels[i], x, y });
      });
    }
    if (record) record.marks = marks;
  },
};

/**
 * Draws (or redraws) chart `id` inside `container`. Each dataset is {label, data, suppressed?}: `data` holds null
 * where `suppressed[i]` is true. Returns the chart's box.
 */
export function drawChart(container, id, { type, labels, datasets, stacked = false, title, yTitle, extraPlugins = [] }) {
  if (instances.has(id)) instances.get(id).destroy();
  const box = el('div', 'chart');
  const canvas = el('canvas');
  canvas.id = `${id}-chart`;
  canvas.dataset.chartId = id;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', title || id);
  box.append(canvas);
  const figure = el('figure', 'chart-figure');
  figure.append(box);
  const anySuppressed = datasets.some((d) => d.suppressed && d.suppressed.some(Boolean));
  const allWithheld = datasets.length > 0 && datasets.every((d) => d.suppressed && d.suppressed.length > 0 && d.suppressed.every(Boolean));
  if (anySuppressed) {
    figure.append(el('figcaption', 'chart-note', `${SUPPRESSED_TEXT} marks a suppressed figure in the series of its colour: `
      + `it is withheld, not zero, so ${type === 'bar' ? 'no bar is' : 'the line is not'} drawn for it.`));
  }
  window.__charts[id] = {
    type, labels, marks: [],
    datasets: datasets.map((d) => ({ label: d.label, data: d.data, suppressed: d.suppressed || d.data.map(() => false) })),
  };
  // Nothing to draw when every figure is withheld: a sentence says so instead of a chart of marks alone.
  window.__charts[id].allWithheld = allWithheld;
  if (allWithheld) {
    figure.replaceChildren(el('p', 'chart-note all-withheld', `${title ? `${title}: e` : 'E'}very figure is withheld for your role, so there is nothing to draw; the table lists them as ${SUPPRESSED_TEXT}.`));
    container.append(figure);
    return figure;
  }
  container.append(figure);
  if (typeof window.Chart !== 'function') return figure;
  const styled = datasets.map((d, i) => ({
    backgroundColor: PALETTE[i % PALETTE.length], borderColor: PALETTE[i % PALETTE.length], spanGaps: false, ...d,
  }));
  instances.set(id, new window.Chart(canvas, {
    type, data: { labels, datasets: styled },
    plugins: [suppressedMarks, ...extraPlugins],
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      layout: { padding: { top: anySuppressed ? 8 : 0 } },
      plugins: { title: { display: Boolean(title), text: title }, legend: { position: 'bottom' } },
      scales: {
        x: { stacked },
        y: { stacked, beginAtZero: true, grace: anySuppressed ? '12%' : 0, title: { display: Boolean(yTitle), text: yTitle } },
      },
    },
  }));
  return figure;
}

/** One dataset's values and suppressed flags from cells ({count, suppressed}). */
export function series(label, cells, extra = {}) {
  return { label, data: cells.map((c) => (c.suppressed ? null : c.count)), suppressed: cells.map((c) => Boolean(c.suppressed)), ...extra };
}
