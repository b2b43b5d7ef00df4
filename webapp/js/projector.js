import { api, openSessionPart } from './api.js';
import { connectBoard } from './board.js';
import { t } from './i18n.js';
import { kindWords, resultsView } from './poll-results.js';

// The projector: the session's top questions and how to join, live, read from the back of a lecture hall. How it
// looks (theme, QR code, participant count) follows what the presenter chooses on the board; the organisation's name,
// logo and colour come from the server's configuration. Its words are in the bundles (i18n/, projector.*).

const id = new URLSearchParams(location.search).get('id') || '';
const problem = document.getElementById('problem');
const element = (name) => document.getElementById(name);
let session = null;
let settings = { theme: 'DARK', showQrCode: true, showParticipants: false };
let participants = 0;
let board = null;
let pollClock = null;

/** Shows what the presenter chose: theme, QR code, participant count. */
function applySettings(chosen) {
  // joins are told live only while the count is shown: ask for it when it comes back on
  if (chosen.showParticipants && !settings.showParticipants && session) refreshParticipants().catch(() => {});
  settings = chosen;
  document.body.classList.toggle('theme-dark', chosen.theme !== 'LIGHT');
  document.body.classList.toggle('theme-light', chosen.theme === 'LIGHT');
  element('qr-box').hidden = !chosen.showQrCode;
  element('join').classList.toggle('without-qr', !chosen.showQrCode);
  element('projector-empty').textContent = t(chosen.showQrCode ? 'projector.emptyWithQr' : 'projector.emptyWithoutQr');
  applyAccent();
  renderParticipants();
  fitJoin();
}

function renderParticipants() {
  element('participants').hidden = !settings.showParticipants;
  element('participants').textContent = t('projector.participants', { count: participants });
}

/** Ended: no join code or QR code any more, a word of thanks instead. */
function renderStatus(status) {
  const ended = status === 'ENDED';
  element('ended').hidden = !ended;
  element('questions').hidden = ended || !element('poll').hidden;
  element('join').hidden = ended;
}

/**
 * The current poll takes the questions' place while it is open or its results are shown: its question, what to
 * choose from (or the results, as the presenter decides), the time left of a quiz, and the answers so far.
 */
function renderPoll(state) {
  const current = state.poll;
  const ended = state.session?.status === 'ENDED';
  const shown = !!current && !ended && (current.poll.state === 'OPEN' || !!current.results);
  element('poll').hidden = !shown;
  element('questions').hidden = ended || shown;
  clearInterval(pollClock);
  if (!shown) return;
  const { poll, results } = current;
  element('poll-kind').textContent = kindWords(poll.kind);
  element('poll-title').textContent = poll.title;
  const options = element('poll-options');
  options.replaceChildren(...(!results && poll.options ? poll.options.map((o) => {
    const li = document.createElement('li');
    li.textContent = o.text;
    return li;
  }) : []));
  element('poll-results').replaceChildren(...(results ? [resultsView(poll, results)] : []));
  const stateLine = () => {
    if (poll.state !== 'OPEN') return t('projector.pollClosed');
    if (!poll.closesAt) return t('projector.pollOpen');
    const left = Math.max(0, Math.ceil((Date.parse(poll.closesAt) - Date.now()) / 1000));
    return left ? t('poll.timeLeft', { count: left }) : t('poll.timeUp');
  };
  element('poll-state').textContent = stateLine();
  if (poll.state === 'OPEN' && poll.closesAt) {
    pollClock = setInterval(() => { element('poll-state').textContent = stateLine(); }, 1000);
  }
}

function question(q) {
  const li = document.createElement('li');
  if (q.pinned) li.className = 'pinned';
  const text = document.createElement('p');
  text.className = 'projector-question';
  text.textContent = q.text;
  const meta = document.createElement('p');
  meta.className = 'projector-votes';
  if (q.pinned) {
    const pinned = document.createElement('span');
    pinned.className = 'pinned-label';
    pinned.textContent = t('projector.pinned');
    meta.append(pinned);
  }
  meta.append(t('projector.votes', { count: q.votes }));
  li.append(text, meta);
  return li;
}

/**
 * The top unanswered questions, as many as fit whole: a long one is clamped to a few lines by the stylesheet, and
 * the last ones are left out while the list is taller than its place (never a scrollbar, never a cut-off question).
 */
function renderQuestions(state) {
  const list = element('projector-questions');
  const shown = state.sorted('votes', (q) => !q.answered).slice(0, 6);
  list.replaceChildren(...shown.map(question));
  element('projector-empty').hidden = shown.length > 0;
  while (list.children.length > 1 && list.scrollHeight > list.clientHeight + 1) list.lastElementChild.remove();
  if (list.children.length === 1 && list.scrollHeight > list.clientHeight + 1) list.firstElementChild.classList.add('squeezed');
}

/**
 * Keeps the join panel whole: when the code, instructions, hashtag and count leave the QR code less room than its
 * full size (a 4:3 screen, a long hashtag), the QR code shrinks to fit, never below what phones scan from their seats.
 */
function fitJoin() {
  const join = element('join');
  const qr = element('qr');
  qr.style.removeProperty('width');
  if (join.hidden || element('qr-box').hidden) return;
  let width = qr.getBoundingClientRect().width;
  const smallest = Math.min(window.innerWidth, window.innerHeight) * 0.2;
  while (join.scrollHeight > join.clientHeight + 1 && width > smallest) {
    width = Math.max(smallest, width - 8);
    qr.style.width = `${width}px`;
  }
}

function render(state) {
  if (state.session) {
    element('session-title').textContent = state.session.title;
    element('session-facility').textContent = state.session.facility || '';
    if (state.session.projector) applySettings(state.session.projector);
    renderStatus(state.session.status);
  }
  if (state.participants !== null && state.participants > participants) {
    participants = state.participants;
    renderParticipants();
  }
  renderQuestions(state);
  renderPoll(state);
  fitJoin();
}

/** The organisation's colour, made readable on this theme's background (lightened on dark, darkened on light). */
function applyAccent() {
  const colour = document.body.dataset.colour;
  if (!colour) return;
  const dark = settings.theme !== 'LIGHT';
  const accent = readableOn(colour, dark ? '#101418' : '#ffffff', dark ? '#ffffff' : '#000000');
  document.body.style.setProperty('--accent', accent);
  document.body.style.setProperty('--accent-ink', contrast(accent, '#000000') >= contrast(accent, '#ffffff') ? '#000000' : '#ffffff');
}

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function luminance(hex) {
  const [r, g, b] = rgb(hex).map((c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

/** Mixes `colour` towards `towards` until it stands out 3:1 from `background` (the contrast asked of graphics). */
function readableOn(colour, background, towards) {
  let mixed = colour;
  for (let share = 0; share <= 1 && contrast(mixed, background) < 3; share += 0.05) {
    const [a, b] = [rgb(colour), rgb(towards)];
    mixed = `#${a.map((c, i) => Math.round(c + (b[i] - c) * share).toString(16).padStart(2, '0')).join('')}`;
  }
  return mixed;
}

async function showOrganisation() {
  const organisation = await api('GET', 'api/public/organisation');
  document.body.dataset.colour = organisation.colour;
  applyAccent();
  element('organisation-name').textContent = organisation.name || '';
  const logo = element('organisation-logo');
  if (organisation.logoUrl) {
    logo.src = organisation.logoUrl;
    logo.alt = organisation.name ? '' : t('projector.logo');
    logo.hidden = false;
  }
  element('organisation').hidden = !organisation.name && !organisation.logoUrl;
}

/** The count as the server has it now: when (re)connected, since participants frames only tell of later joins. */
async function refreshParticipants() {
  const projector = await api('GET', `api/sessions/${encodeURIComponent(id)}/projector`);
  if (projector.participants > participants) participants = projector.participants;
  renderParticipants();
}

async function show() {
  element('back').href = id ? `board.html?id=${encodeURIComponent(id)}` : 'sessions.html';
  if (!id) { problem.textContent = t('projector.noSession'); return; }
  if (!(await openSessionPart(id, 'BOARD', problem))) return;
  try {
    session = await api('GET', `api/sessions/${encodeURIComponent(id)}`);
  } catch (e) {
    problem.textContent = e.status === 404 ? t('projector.unknownSession') : e.message;
    return;
  }
  const [projector] = await Promise.all([api('GET', `api/sessions/${encodeURIComponent(id)}/projector`),
    showOrganisation().catch(() => {})]);
  participants = projector.participants;
  applySettings(projector);
  const joinUrl = new URL(session.joinUrl);
  element('session-title').textContent = session.title;
  element('session-facility').textContent = session.facility || '';
  element('join-instruction').textContent = t('projector.joinAt', { host: joinUrl.host });
  element('join-code').textContent = session.joinCode;
  element('join-code-spoken').textContent = t('projector.joinCodeSpoken', { code: session.joinCode.split('').filter((c) => c !== '-').join(' ') });
  element('hashtag').textContent = session.hashtag ? t('projector.hashtag', { tag: session.hashtag }) : '';
  const qr = element('qr');
  qr.src = session.qrCodeUrl;
  qr.alt = t('projector.qrAlt', { url: session.joinUrl });
  document.title = `${session.joinCode} · ${session.title}`;
  element('head').hidden = false;
  element('join').hidden = false;
  element('questions').hidden = false;
  renderStatus(session.status);
  qr.addEventListener('load', fitJoin);
  fitJoin();
  board = connectBoard(`ws/public/${encodeURIComponent(session.joinCode.replace('-', ''))}`, (frame, state) => render(state),
    (text, connected) => {
      element('connection').textContent = connected ? '' : text;
      element('connection').classList.toggle('offline', !connected);
      if (connected) refreshParticipants().catch(() => {});
    });
}

element('fullscreen').addEventListener('click', () => {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen?.();
});
// a new size fits a different number of questions
window.addEventListener('resize', () => { if (board) renderQuestions(board.state); fitJoin(); });

show().catch((e) => { problem.textContent = e.message; });
