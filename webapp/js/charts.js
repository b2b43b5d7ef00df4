import uPlot from '../webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { t } from './i18n.js';

// Charts of the report pages, drawn with uPlot and hidden from screen readers: each stands beside a table with the
// same numbers (fillTable) and a caption that says in words what it shows.

/** Colours of the series: each has at least 3:1 contrast against white, as WCAG asks of graphics. */
export const COLOURS = ['#0b5cad', '#b3261e', '#116329', '#7a1f5c', '#8a5300', '#4d4d4d'];
const charts = new Map();
const number = new Intl.NumberFormat(document.documentElement.lang || 'en');

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

/**
 * A table with a caption, column headings, and each row's first cell as its heading; a missing value is a dash. A
 * table whose content did not change is left as it is, so that a reader's place in it stays when the page refreshes.
 */
export function fillTable(table, caption, headings, rows) {
  const signature = JSON.stringify([caption, headings, rows]);
  if (table.dataset.signature === signature) return;
  table.dataset.signature = signature;
  const head = element('thead', {}, element('tr', {}, ...headings.map((h) => element('th', { scope: 'col', textContent: h }))));
  const body = element('tbody', {}, ...rows.map((cells) => element('tr', {},
    ...cells.map((cell, i) => element(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : undefined,
      textContent: cell === null || cell === undefined ? t('report.none') : String(cell) })))));
  table.replaceChildren(element('caption', { textContent: caption }), head, body);
}

/** Draws (or draws again) a chart in the element with this id, as wide as it is. */
function draw(id, options, data) {
  const box = document.getElementById(id);
  charts.get(id)?.chart.destroy();
  const chart = new uPlot({ width: Math.max(280, box.clientWidth), height: 260, ...options }, data, box);
  charts.set(id, { chart, options, data });
}

/** Names each "Download as CSV" link by its section, so that the links say apart which table each one gives. */
export function nameCsvLinks() {
  document.querySelectorAll('a.csv').forEach((link) => {
    const heading = link.closest('section')?.querySelector('h2');
    if (heading) link.setAttribute('aria-label', t('report.downloadCsvOf', { table: heading.textContent.trim() }));
  });
}

/** A duration as people read it: "42 s", "12 min", "3.5 h"; null when there is none (a table shows a dash). */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return null;
  if (seconds < 120) return t('report.unit.seconds', { value: seconds });
  if (seconds < 2 * 3600) return t('report.unit.minutes', { value: Math.round(seconds / 60) });
  return t('report.unit.hours', { value: Math.round(seconds / 360) / 10 });
}

/** Removes a chart that has nothing to show any more. */
export function clearChart(id) {
  charts.get(id)?.chart.destroy();
  charts.delete(id);
}

/**
 * Draws every chart again at its box's width (a window resized, a phone turned); the tables, which do not depend on
 * the width, stay as they are, and so does a reader's place in them.
 */
export function redrawCharts() {
  for (const [id, { options, data }] of [...charts]) {
    if (document.getElementById(id)) draw(id, options, data); else charts.delete(id);
  }
}

const counts = { values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? number.format(v) : '')) };
const fromZero = (u, min, max) => [0, Math.max(1, Math.ceil(max * 1.1))];

/** Labels along an axis of categories (1 to n); long ones are cut there (the table has them whole). */
function categories(labels) {
  const cut = (label) => (label.length > 18 ? `${label.slice(0, 17)}…` : label);
  return { splits: () => labels.map((_, i) => i + 1), values: (u, splits) => splits.map((v) => cut(labels[v - 1] ?? '')) };
}

/** Bars of counts by label. */
export function barChart(id, labels, values, colour = COLOURS[0]) {
  draw(id, {
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [0.5, labels.length + 0.5] }, y: { range: fromZero } },
    axes: [categories(labels), counts],
    series: [{}, { label: '', fill: colour, stroke: colour, points: { show: false },
      paths: uPlot.paths.bars({ size: [0.6, 90] }) }],
  }, [labels.map((_, i) => i + 1), values]);
}

/**
 * Lines over categories (months, say, called {@code categoryName} in the legend): {label, values, scale?} each; a
 * series on scale 'right' is read on the right axis, titled {@code rightLabel}.
 */
export function categoryLines(id, labels, series, rightLabel = null, categoryName = '') {
  const right = series.some((s) => s.scale === 'right');
  draw(id, {
    scales: { x: { time: false, range: [0.5, labels.length + 0.5] }, y: { range: fromZero },
      ...(right ? { right: { range: fromZero } } : {}) },
    axes: [categories(labels), counts,
      ...(right ? [{ scale: 'right', side: 1, label: rightLabel, grid: { show: false } }] : [])],
    series: [{ label: categoryName, value: (u, v) => labels[v - 1] ?? '' }, ...series.map((s, i) => ({ label: s.label, stroke: COLOURS[i % COLOURS.length], width: 2,
      scale: s.scale === 'right' ? 'right' : 'y', dash: s.scale === 'right' ? [6, 4] : undefined,
      value: (u, v) => (v === null || v === undefined ? '–' : number.format(v)) }))],
  }, [labels.map((_, i) => i + 1), ...series.map((s) => s.values)]);
}

/**
 * Lines over time: {@code starts} in seconds since 1970, one per bucket of {@code bucketSeconds}; series as in
 * categoryLines. Half a bucket on either side, so a single bucket is shown as such, not spread over years. Times are
 * the reader's, or UTC ({@code utc}: days counted in UTC, which a reader west of it would see as the day before).
 */
export function timeLines(id, starts, bucketSeconds, series, rightLabel = null, leftLabel = null, utc = false) {
  const right = series.some((s) => s.scale === 'right');
  draw(id, {
    ...(utc ? { tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC') } : {}),
    scales: {
      x: { time: true, range: () => [starts[0] - bucketSeconds / 2, starts[starts.length - 1] + bucketSeconds / 2] },
      y: { range: fromZero },
      ...(right ? { right: { range: fromZero } } : {}),
    },
    axes: [{}, { label: leftLabel, ...counts },
      ...(right ? [{ scale: 'right', side: 1, label: rightLabel, grid: { show: false } }] : [])],
    series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: COLOURS[i % COLOURS.length], width: 2,
      scale: s.scale === 'right' ? 'right' : 'y', dash: s.scale === 'right' ? [6, 4] : undefined }))],
  }, [starts, ...series.map((s) => s.values)]);
}
