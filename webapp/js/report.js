import { api, openSessionPart, formatWhen } from './api.js';
import { barChart, clearChart, COLOURS, duration, fillTable, nameCsvLinks, redrawCharts, timeLines } from './charts.js';
import { downloadsWithProgress } from './downloads.js';
import { t } from './i18n.js';

// A session's report: its figures at a glance, activity over time, participation, questions, feedback, polls and
// posts by source, each chart beside a table of the same numbers (charts.js). A live session's report is asked for
// again every 30 seconds while the page is visible.
const sessionId = new URLSearchParams(location.search).get('id') || '';
const problem = document.getElementById('problem');
const reportStatus = document.getElementById('report-status');
const REFRESH_MILLIS = 30000;
let refreshTimer = null;

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

const number = new Intl.NumberFormat(document.documentElement.lang || 'en');

/** A figure as people read it: "85.7 %", "42 s", or a dash when there is nothing to compute it from. */
function shown(value, unit = '') {
  if (value === null || value === undefined) return t('report.none');
  return unit ? t(`report.unit.${unit}`, { value: number.format(value) }) : number.format(value);
}

function tiles(r) {
  const p = r.participation;
  const q = r.questions;
  const items = [
    [t('report.tile.joined'), shown(p.joined)],
    [t('report.tile.active'), shown(p.active)],
    [t('report.tile.engagement'), shown(p.engagementRatePercent, 'percent')],
    [t('report.tile.peakViewers'), shown(p.peakViewers)],
    [t('report.tile.questions'), shown(q.asked)],
    [t('report.tile.answered'), shown(q.answered)],
    [t('report.tile.moderation'), duration(q.moderationMedianSeconds) ?? t('report.none')],
    [t('report.tile.votes'), shown(r.votes.votes)],
    [t('report.tile.feedback', { count: r.feedback.count }), r.feedback.count
      ? t('report.tile.feedbackValue', { average: r.feedback.average }) : t('report.none')],
  ];
  document.getElementById('tiles').replaceChildren(...items.map(([label, value]) =>
    element('div', { className: 'tile' }, element('dt', { textContent: label }), element('dd', { textContent: value }))));
}

const TIMELINE_SERIES = ['joined', 'questions', 'votes', 'pollAnswers', 'feedback'];

function timeline(r) {
  const buckets = r.timeline.buckets;
  const { bucketSeconds } = r.timeline;
  const minutes = bucketSeconds / 60;
  const table = document.getElementById('timeline-table');
  const caption = document.getElementById('timeline-caption');
  if (!buckets.length) {
    clearChart('timeline-chart');
    caption.textContent = t('report.timeline.nothing');
    fillTable(table, t('report.timeline.caption', { count: minutes, minutes }), [t('report.timeline.start')], []);
    return;
  }
  const names = TIMELINE_SERIES.map((s) => t(`report.series.${s}`));
  const starts = buckets.map((b) => Date.parse(b.start) / 1000);
  timeLines('timeline-chart', starts, bucketSeconds, [
    ...TIMELINE_SERIES.map((series, i) => ({ label: names[i], values: buckets.map((b) => b[series]) })),
    { label: t('report.series.viewers'), values: buckets.map((b) => b.viewers), scale: 'right' },
  ], t('report.series.viewers'), t('report.timeline.count'));
  const busiest = buckets.reduce((best, b) => (b.questions + b.votes + b.pollAnswers + b.feedback
    > best.questions + best.votes + best.pollAnswers + best.feedback ? b : best), buckets[0]);
  caption.textContent = t('report.timeline.summary', { count: minutes, minutes, first: formatWhen(buckets[0].start),
    last: formatWhen(buckets[buckets.length - 1].start), busiest: formatWhen(busiest.start) });
  fillTable(table, t('report.timeline.caption', { count: minutes, minutes }),
    [t('report.timeline.start'), ...names, t('report.series.feedbackAverage'), t('report.series.viewers')],
    buckets.map((b) => [formatWhen(b.start), ...TIMELINE_SERIES.map((s) => b[s]), b.feedbackAverage, b.viewers]));
}

function participation(r) {
  const p = r.participation;
  const rows = [[t('report.participation.joined'), p.joined], [t('report.participation.active'), p.active],
    [t('report.participation.asked'), p.asked], [t('report.participation.voted'), p.voted],
    [t('report.participation.answeredPolls'), p.answeredPolls], [t('report.participation.gaveFeedback'), p.gaveFeedback]];
  barChart('participation-chart', rows.map((row) => row[0]), rows.map((row) => row[1]));
  document.getElementById('participation-caption').textContent = p.joined
    ? t('report.participation.summary', { active: p.active, joined: p.joined, rate: shown(p.engagementRatePercent, 'percent') })
    : t('report.participation.nobody');
  fillTable(document.getElementById('participation-table'), t('report.participation.caption'),
    [t('report.participation.who'), t('report.participation.count')], rows);
}

function questions(r) {
  const q = r.questions;
  fillTable(document.getElementById('questions-table'), t('report.questions.caption'),
    [t('report.questions.figure'), t('report.questions.value')], [
      [t('report.questions.asked'), q.asked], [t('report.questions.fromWeb'), q.fromWeb],
      [t('report.questions.fromNetworks'), q.fromNetworks], [t('report.questions.pending'), q.pending],
      [t('report.questions.approved'), q.approved], [t('report.questions.answered'), q.answered],
      [t('report.questions.rejected'), q.rejected], [t('report.questions.hidden'), q.hidden],
      [t('report.questions.withdrawn'), q.withdrawn], [t('report.questions.moderated'), q.moderated],
      [t('report.questions.moderationMedian'), duration(q.moderationMedianSeconds)],
      [t('report.questions.moderationP90'), duration(q.moderationP90Seconds)],
      [t('report.questions.votes'), r.votes.votes], [t('report.questions.voters'), r.votes.voters],
    ]);
}

function feedback(r) {
  const f = r.feedback;
  const labels = [1, 2, 3, 4, 5].map((n) => t('report.feedback.stars', { count: n }));
  barChart('ratings-chart', labels, f.distribution, COLOURS[2]);
  document.getElementById('ratings-caption').textContent = f.count
    ? t('report.feedback.summary', { count: f.count, average: number.format(f.average) }) : t('report.feedback.none');
  fillTable(document.getElementById('ratings-table'), t('report.feedback.caption'),
    [t('report.feedback.rating'), t('report.feedback.count')], labels.map((label, i) => [label, f.distribution[i]]));
}

/** One poll: its bars (options, a rating's spread or the most entered words) and the same as a table. */
function poll(p, index) {
  const id = `poll-chart-${index}`;
  const rows = p.options.length ? p.options.map((o) => [o.correct ? t('report.polls.correct', { text: o.text }) : o.text,
    o.count, t('report.unit.percent', { value: number.format(o.percent) })])
    : p.ratingDistribution ? p.ratingDistribution.map((n, i) => [t('report.feedback.stars', { count: i + 1 }), n, null])
      : p.words.map((w) => [w.word, w.count, null]);
  const heading = element('h3', { textContent: p.title });
  const facts = element('p', { className: 'muted', textContent: t('report.polls.facts', { kind: t(`report.pollKind.${p.kind}`),
    answered: p.answered, share: shown(p.participationPercent, 'percent') }) });
  const section = element('section', { className: 'report-poll' }, heading, facts);
  section.dataset.pollId = p.id;
  if (rows.length) {
    section.append(element('figure', { className: 'chart-figure' },
      element('div', { className: 'chart', id, ariaHidden: 'true' })));
    const table = element('table');
    fillTable(table, t('report.polls.caption', { title: p.title }),
      [t('report.polls.answer'), t('report.polls.count'), t('report.polls.percent')], rows);
    section.append(element('details', {}, element('summary', { textContent: t('report.showTable') }),
      element('div', { className: 'table-wrap' }, table)));
  } else {
    section.append(element('p', { className: 'muted', textContent: t('report.polls.freeText') }));
  }
  return { section, draw: () => rows.length && barChart(id, rows.map((row) => row[0]), rows.map((row) => row[1]),
    COLOURS[3]) };
}

/** The polls, drawn again only when their results changed; a poll's table that was open stays open. */
function polls(r) {
  document.getElementById('polls-empty').hidden = r.polls.length > 0;
  const box = document.getElementById('polls');
  const signature = JSON.stringify(r.polls);
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  const open = new Set([...box.querySelectorAll('.report-poll')]
    .filter((section) => section.querySelector('details')?.open).map((section) => section.dataset.pollId));
  const drawn = r.polls.map(poll);
  box.replaceChildren(...drawn.map((d) => d.section));
  box.querySelectorAll('.report-poll').forEach((section) => {
    const details = section.querySelector('details');
    if (details && open.has(section.dataset.pollId)) details.open = true;
  });
  drawn.forEach((d) => d.draw());
}

function sources(r) {
  document.getElementById('sources-empty').hidden = r.sources.length > 0;
  const table = document.getElementById('sources-table');
  table.hidden = r.sources.length === 0;
  fillTable(table, t('report.sources.caption'), [t('report.sources.source'), t('report.sources.kind'),
    t('report.sources.posts'), t('report.sources.questions'), t('report.sources.feedback')],
  r.sources.map((s) => [s.label || t('report.sources.relayed'), s.kind, s.posts, s.questions, s.feedback]));
}

function render(r) {
  const when = formatWhen(r.generatedAt);
  document.getElementById('report-meta').textContent = [r.session.facility,
    r.live ? t('report.live', { when }) : t('report.final', { when: formatWhen(r.session.endedAt) })]
    .filter(Boolean).join(' · ');
  tiles(r);
  timeline(r);
  participation(r);
  questions(r);
  feedback(r);
  polls(r);
  sources(r);
}

/** Asks again in 30 s while the page is visible; a failed try says so and the next one comes all the same. */
function refreshLater() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(function again() {
    if (document.visibilityState !== 'visible') {
      refreshTimer = setTimeout(again, REFRESH_MILLIS);
      return;
    }
    load(false).then(() => { problem.textContent = ''; }).catch((e) => {
      problem.textContent = t('report.refreshFailed', { problem: e.message });
      refreshLater();
    });
  }, REFRESH_MILLIS);
}

async function load(announce) {
  const r = await api('GET', `api/sessions/${encodeURIComponent(sessionId)}/report`);
  render(r);
  if (announce) reportStatus.textContent = t('report.refreshed', { when: formatWhen(r.generatedAt) });
  if (r.live) refreshLater(); else clearTimeout(refreshTimer);
}

document.getElementById('refresh').addEventListener('click', () => {
  problem.textContent = '';
  reportStatus.textContent = t('report.refreshing');
  load(true).catch((e) => { reportStatus.textContent = ''; problem.textContent = e.message; });
});

// charts follow the page's width (a phone turned, a window resized); tables need nothing
let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(redrawCharts, 200);
});

(async () => {
  try {
    if (!(await openSessionPart(sessionId, 'SEE', problem))) return;
    const base = `api/sessions/${encodeURIComponent(sessionId)}/report`;
    document.getElementById('board-link').href = `board.html?id=${encodeURIComponent(sessionId)}`;
    document.getElementById('xlsx').href = `${base}/tables.xlsx`;
    document.getElementById('pdf').href = `${base}/report.pdf`;
    downloadsWithProgress(reportStatus, problem);
    document.querySelectorAll('a.csv').forEach((a) => { a.href = `${base}/${a.dataset.table}.csv`; });
    nameCsvLinks();
    const session = await api('GET', `api/sessions/${encodeURIComponent(sessionId)}`);
    document.getElementById('title').textContent = t('report.headingNamed', { session: session.title });
    document.title = t('report.titleNamed', { session: session.title });
    await load(false);
  } catch (e) {
    problem.textContent = e.message;
  }
})();
