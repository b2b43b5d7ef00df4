import { api, requireStaff, showError, clearErrors, whileBusy, formatWhen, logout } from './api.js';
import { categoryLines, clearChart, duration, fillTable, nameCsvLinks, redrawCharts, timeLines } from './charts.js';
import { downloadsWithProgress } from './downloads.js';
import { t } from './i18n.js';

// Sessions compared, for communicators and admins: trends by month, every session (two to four side by side), sums
// by facility and presenter, how long compliance review took, and how often published highlights were read. The
// filter is in the address, so a view can be bookmarked and shared.
const form = document.getElementById('filter');
const problem = document.getElementById('problem');
const status = document.getElementById('reports-status');
const MAX_COMPARED = 4;
const number = new Intl.NumberFormat(document.documentElement.lang || 'en');
let overview = null;
const compared = new Set();

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

function percent(value) {
  return value === null || value === undefined ? null : t('report.unit.percent', { value: number.format(value) });
}

function thisMonth() {
  return new Date().toISOString().slice(0, 7);
}

function monthsBefore(month, count) {
  const [year, m] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, m - 1 - count, 1));
  return date.toISOString().slice(0, 7);
}

/** The filter as a query string, from the form (or the address, before the form is filled). */
function query() {
  const f = form.elements;
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'facility', 'presenter', 'days']) {
    if (f[name].value.trim()) params.set(name, f[name].value.trim());
  }
  return params.toString();
}

function fillForm() {
  const asked = new URLSearchParams(location.search);
  const f = form.elements;
  f.to.value = asked.get('to') || thisMonth();
  f.from.value = asked.get('from') || monthsBefore(f.to.value, 11);
  f.facility.value = asked.get('facility') || '';
  f.presenter.value = asked.get('presenter') || '';
  if (asked.get('days')) f.days.value = asked.get('days');
}

const TREND_HEADINGS = () => [t('reports.trend.sessions'), t('report.participation.joined'),
  t('report.participation.active'), t('report.tile.engagement'), t('report.series.questions'), t('report.series.votes'),
  t('report.series.pollAnswers'), t('report.series.feedback'), t('report.series.feedbackAverage')];

function trendRow(trend, name) {
  return [name, trend.sessions, trend.joined, trend.active, percent(trend.engagementRatePercent), trend.questions,
    trend.votes, trend.pollAnswers, trend.feedback, trend.feedbackAverage];
}

function months(o) {
  const rows = o.byMonth;
  const caption = document.getElementById('months-caption');
  if (!rows.length) {
    clearChart('months-chart');
    caption.textContent = t('reports.months.none');
  } else {
    categoryLines('months-chart', rows.map((m) => m.key), [
      { label: t('reports.trend.sessions'), values: rows.map((m) => m.sessions) },
      { label: t('report.participation.joined'), values: rows.map((m) => m.joined) },
      { label: t('report.participation.active'), values: rows.map((m) => m.active) },
      { label: t('report.tile.engagement'), values: rows.map((m) => m.engagementRatePercent), scale: 'right' },
    ], t('reports.months.rateAxis'), t('reports.trend.month'));
    const sessions = rows.reduce((sum, m) => sum + m.sessions, 0);
    const joined = rows.reduce((sum, m) => sum + m.joined, 0);
    const active = rows.reduce((sum, m) => sum + m.active, 0);
    caption.textContent = t('reports.months.summary', { count: sessions, sessions, joined, active,
      rate: percent(joined ? Math.round((active * 1000) / joined) / 10 : null) ?? t('report.none') });
  }
  fillTable(document.getElementById('months-table'), t('reports.months.caption'),
    [t('reports.trend.month'), ...TREND_HEADINGS()], rows.map((m) => trendRow(m, m.key)));
}

function sessions(o) {
  document.getElementById('sessions-count').textContent = `(${o.sessions.length})`;
  const table = document.getElementById('sessions-table');
  fillTable(table, t('reports.sessions.caption'), [t('reports.sessions.session'), t('reports.sessions.compare'),
    t('reports.sessions.facility'), t('reports.sessions.presenter'), t('reports.sessions.when'),
    t('report.participation.joined'), t('report.participation.active'), t('report.tile.engagement'),
    t('report.series.questions'), t('report.series.votes'), t('report.series.feedbackAverage')],
  o.sessions.map((s) => [s.title, '', s.facility, s.presenter, formatWhen(s.at), s.joined, s.active,
    percent(s.engagementRatePercent), s.questions, s.votes, s.feedbackAverage]));
  // each row's title links to its report, and a box ticks it for comparison
  table.querySelectorAll('tbody tr').forEach((row, i) => {
    const s = o.sessions[i];
    const title = row.firstElementChild;
    title.replaceChildren(element('a', { href: `report.html?id=${encodeURIComponent(s.id)}`, textContent: s.title }));
    const box = element('input', { type: 'checkbox', checked: compared.has(s.id) });
    box.setAttribute('aria-label', t('reports.sessions.compareLabel', { title: s.title }));
    box.addEventListener('change', () => {
      if (box.checked && compared.size >= MAX_COMPARED) {
        box.checked = false;
        status.textContent = t('reports.compare.tooMany', { count: MAX_COMPARED });
        return;
      }
      if (box.checked) compared.add(s.id); else compared.delete(s.id);
      comparison(o);
    });
    row.children[1].replaceChildren(box);
  });
  comparison(o);
}

/** The ticked sessions side by side: a column each, a row per figure. */
function comparison(o) {
  const chosen = o.sessions.filter((s) => compared.has(s.id));
  const box = document.getElementById('comparison');
  box.hidden = chosen.length < 2;
  if (chosen.length < 2) return;
  const figures = [
    [t('reports.sessions.facility'), (s) => s.facility],
    [t('reports.sessions.presenter'), (s) => s.presenter],
    [t('reports.sessions.when'), (s) => formatWhen(s.at)],
    [t('report.participation.joined'), (s) => s.joined],
    [t('report.participation.active'), (s) => s.active],
    [t('report.tile.engagement'), (s) => percent(s.engagementRatePercent)],
    [t('report.series.questions'), (s) => s.questions],
    [t('report.series.votes'), (s) => s.votes],
    [t('report.series.pollAnswers'), (s) => s.pollAnswers],
    [t('report.series.feedback'), (s) => s.feedback],
    [t('report.series.feedbackAverage'), (s) => s.feedbackAverage],
    [t('report.tile.peakViewers'), (s) => s.peakViewers],
  ];
  fillTable(document.getElementById('comparison-table'), t('reports.compare.caption', { count: chosen.length }),
    [t('reports.compare.figure'), ...chosen.map((s) => s.title)],
    figures.map(([label, value]) => [label, ...chosen.map(value)]));
}

function trendTable(id, caption, keyHeading, rows, blank) {
  fillTable(document.getElementById(id), caption, [keyHeading, ...TREND_HEADINGS()],
    rows.map((r) => trendRow(r, r.key || blank)));
}

function reviews(o) {
  const rows = o.reviewTurnaround;
  const caption = document.getElementById('reviews-caption');
  if (!rows.length) {
    clearChart('reviews-chart');
    caption.textContent = t('reports.reviews.none');
  } else {
    categoryLines('reviews-chart', rows.map((m) => m.month), [
      { label: t('reports.reviews.medianMinutes'), values: rows.map((m) => Math.round(m.medianSeconds / 6) / 10) },
      { label: t('reports.reviews.p90Minutes'), values: rows.map((m) => Math.round(m.p90Seconds / 6) / 10) },
    ], null, t('reports.trend.month'));
    const last = rows[rows.length - 1];
    caption.textContent = t('reports.reviews.summary', { month: last.month, count: last.decisions,
      median: duration(last.medianSeconds), p90: duration(last.p90Seconds) });
  }
  fillTable(document.getElementById('reviews-table'), t('reports.reviews.caption'),
    [t('reports.trend.month'), t('reports.reviews.decisions'), t('reports.reviews.approved'),
      t('reports.reviews.rejected'), t('reports.reviews.median'), t('reports.reviews.p90')],
    rows.map((m) => [m.month, m.decisions, m.approved, m.rejected, duration(m.medianSeconds), duration(m.p90Seconds)]));
}

function reach(o) {
  const days = o.filter.days;
  const caption = document.getElementById('reach-caption');
  const totals = new Map();
  for (const h of o.reach) {
    for (const d of h.days) {
      const day = totals.get(d.day) || { pages: 0, feeds: 0, embeds: 0 };
      day.pages += d.pages;
      day.feeds += d.feeds;
      day.embeds += d.embeds;
      totals.set(d.day, day);
    }
  }
  // every day of the window, those without reads as 0: a line from one day with reads to the next is not drawn
  // across days that had none
  const today = Date.parse(`${new Date(o.generatedAt).toISOString().slice(0, 10)}T00:00:00Z`);
  const dayList = Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * 86400000)
    .toISOString().slice(0, 10));
  const perDay = dayList.map((d) => [d, totals.get(d) || { pages: 0, feeds: 0, embeds: 0 }]);
  const sum = (key) => perDay.reduce((s, [, day]) => s + day[key], 0);
  if (!totals.size) {
    clearChart('reach-chart');
    caption.textContent = o.reach.length ? t('reports.reach.noReads', { count: days }) : t('reports.reach.none');
  } else {
    timeLines('reach-chart', dayList.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000), 86400, [
      { label: t('reports.reach.pages'), values: perDay.map(([, day]) => day.pages) },
      { label: t('reports.reach.feeds'), values: perDay.map(([, day]) => day.feeds) },
      { label: t('reports.reach.embeds'), values: perDay.map(([, day]) => day.embeds) },
    ], null, null, true);
    caption.textContent = t('reports.reach.summary', { count: days, pages: sum('pages'), feeds: sum('feeds'),
      embeds: sum('embeds') });
  }
  // the chart's numbers, day by day (days with reads only: a year of empty rows says nothing)
  fillTable(document.getElementById('reach-days-table'), t('reports.reach.daysCaption', { count: days }),
    [t('reports.reach.day'), t('reports.reach.pages'), t('reports.reach.feeds'), t('reports.reach.embeds')],
    perDay.filter(([, day]) => day.pages + day.feeds + day.embeds > 0)
      .map(([d, day]) => [d, day.pages, day.feeds, day.embeds]));
  fillTable(document.getElementById('reach-table'), t('reports.reach.caption', { count: days }),
    [t('reports.reach.highlight'), t('reports.reach.session'), t('reports.reach.state'), t('reports.reach.published'),
      t('reports.reach.pages'), t('reports.reach.feeds'), t('reports.reach.embeds')],
    o.reach.map((h) => [h.title, h.sessionTitle, t(`reports.reach.stateName.${h.state}`), formatWhen(h.publishedAt),
      h.pages, h.feeds, h.embeds]));
}

function render(o) {
  overview = o;
  months(o);
  sessions(o);
  trendTable('facilities-table', t('reports.facilities.caption'), t('reports.sessions.facility'), o.byFacility,
    t('reports.facilities.none'));
  trendTable('presenters-table', t('reports.presenters.caption'), t('reports.sessions.presenter'), o.byPresenter, '');
  reviews(o);
  reach(o);
  const facilities = [...new Set(o.sessions.map((s) => s.facility).filter(Boolean))].sort();
  document.getElementById('facilities').replaceChildren(...facilities.map((f) => element('option', { value: f })));
  const q = query();
  document.getElementById('xlsx').href = `api/reports/tables.xlsx?${q}`;
  document.querySelectorAll('a.csv').forEach((a) => { a.href = `api/reports/${a.dataset.table}.csv?${q}`; });
}

async function load() {
  const q = query();
  history.replaceState(null, '', `${location.pathname}?${q}`);
  render(await api('GET', `api/reports?${q}`));
  status.textContent = t('reports.shown', { when: formatWhen(overview.generatedAt) });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  status.textContent = '';
  await whileBusy(form, async () => {
    try {
      await load();
    } catch (e) {
      showError(form, e);
    }
  });
});

let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(redrawCharts, 200);
});

document.getElementById('logout').addEventListener('click', logout);

(async () => {
  try {
    if (!(await requireStaff())) return;
    downloadsWithProgress(status, problem);
    nameCsvLinks();
    fillForm();
    await load();
  } catch (e) {
    if (e.fieldErrors?.length) showError(form, e); else problem.textContent = e.message;
  }
})();
