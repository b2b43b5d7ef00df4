import { api, openSessionPart, ApiError } from './api.js';
import { connectBoard } from './board.js';
import { t, tPieces } from './i18n.js';

const sessionId = new URLSearchParams(location.search).get('id') || '';
const problem = document.getElementById('problem');
const boardStatus = document.getElementById('board-status');
let board = null;
let order = 'votes';
let undo = null;
/**
 * Where the focus goes while a moderation step is under way: the question stays focused while it stays in its list;
 * once it leaves (approved out of the queue, archived, hidden), the next question of that list, or the previous one
 * at its end, or the list's heading when it is empty. So j a j a … works through the queue, whenever the board's
 * frame and the API's answer arrive.
 */
let focusPlan = null;

/** Each list of questions, the element it is shown in, and where focus goes when it empties. */
const LISTS = {
  queue: { home: 'queue-heading', shows: (q) => q.status === 'PENDING' && !q.archived },
  live: { home: 'live-heading', shows: (q) => q.status === 'APPROVED' && !q.archived },
  other: { home: 'other-summary', shows: (q) => ['HIDDEN', 'REJECTED', 'WITHDRAWN'].includes(q.status) && !q.archived },
  archived: { home: 'archived-summary', shows: (q) => q.archived },
};

const ACTIONS = {
  a: { label: () => t('board.action.approve'), when: (q) => q.status === 'PENDING',
    run: (q) => setStatus(q, 'APPROVED') },
  r: { label: () => t('board.action.reject'), when: (q) => q.status === 'PENDING',
    run: (q) => setStatus(q, 'REJECTED', () => setStatus(q, 'PENDING')) },
  h: { label: (q) => (q.status === 'HIDDEN' ? t('board.action.show') : t('board.action.hide')),
    when: (q) => q.status === 'APPROVED' || q.status === 'HIDDEN',
    run: (q) => setStatus(q, q.status === 'HIDDEN' ? 'APPROVED' : 'HIDDEN') },
  d: { label: (q) => (q.answered ? t('board.action.notAnswered') : t('board.action.answered')),
    when: (q) => q.status === 'APPROVED',
    run: (q) => setFlags(q, { answered: !q.answered }, q.answered ? null : () => setFlags(q, { answered: false })) },
  p: { label: (q) => (q.pinned ? t('board.action.unpin') : t('board.action.pin')), when: (q) => q.status === 'APPROVED',
    run: (q) => setFlags(q, { pinned: !q.pinned }) },
  x: { label: (q) => (q.archived ? t('board.action.unarchive') : t('board.action.archive')), when: () => true,
    run: (q) => setFlags(q, { archived: !q.archived }, () => setFlags(q, { archived: q.archived })) },
  u: { label: () => t('board.action.undo'), when: () => false, run: () => {} },
};

/** Sets a question's status and says what was done, one sentence per status (board.done.APPROVED …). */
async function setStatus(q, status, undoWith) {
  await act(() => api('PUT', `api/sessions/${sessionId}/questions/${q.id}/status`, { status }), undoWith,
    t(`board.done.${status}`, { text: q.text.slice(0, 60) }));
}

/** Changes one flag (answered, pinned or archived) and says so: board.flagged.<flag>.on / .off. */
async function setFlags(q, flags, undoWith) {
  const [[flag, value]] = Object.entries(flags);
  await act(() => api('PUT', `api/sessions/${sessionId}/questions/${q.id}/flags`, flags), undoWith,
    t(`board.flagged.${flag}.${value ? 'on' : 'off'}`, { text: q.text.slice(0, 60) }));
}

async function act(request, undoWith, message) {
  problem.textContent = '';
  try {
    const updated = await request();
    board.state.questions.set(updated.id, { ...updated, votes: board.state.questions.get(updated.id)?.votes ?? updated.votes });
    undo = undoWith || null;
    boardStatus.textContent = undo ? t('board.undoable', { message }) : message;
    render();
  } catch (e) {
    problem.textContent = e.message;
  } finally {
    focusPlan = null;
  }
}

/** Remembers, before a step on question `id`, where the focus should go once it is done (see focusPlan). */
function planFocus(id) {
  const listName = Object.keys(LISTS).find((name) => document.getElementById(name).querySelector(`.question[data-id="${id}"]`));
  if (!listName) return;
  const ids = [...document.getElementById(listName).querySelectorAll(':scope > .question')].map((li) => li.dataset.id);
  const at = ids.indexOf(id);
  focusPlan = { listName, id, after: ids.slice(at + 1), before: ids.slice(0, at).reverse() };
}

/** The element the focus plan points at now: the question if still in its list, else its neighbours, else home. */
function plannedFocus(plan) {
  const list = document.getElementById(plan.listName);
  const find = (id) => list.querySelector(`:scope > .question[data-id="${id}"]`);
  for (const id of [plan.id, ...plan.after, ...plan.before]) {
    const found = find(id);
    if (found) return found;
  }
  return document.getElementById(LISTS[plan.listName].home);
}

function run(action, q) {
  planFocus(q.id);
  action.run(q);
}

function item(q) {
  const li = document.getElementById('moderated-item').content.firstElementChild.cloneNode(true);
  li.dataset.id = q.id;
  li.querySelector('.question-text').textContent = q.text;
  const screening = li.querySelector('.screening');
  const notes = q.screeningNotes || [];
  if (q.screening.length || notes.length) {
    // each finding in words: what kind, the words it is about, and why screening thought so
    const said = (f) => {
      const finding = { label: f.label, words: q.text.substring(f.start, f.end), why: f.why };
      return f.why ? t('board.screening.findingWhy', finding) : t('board.screening.finding', finding);
    };
    const lines = [];
    if (q.screening.length) lines.push(t('board.screening.held', { findings: q.screening.map(said).join('; ') }));
    if (notes.length) lines.push(t('board.screening.note', { findings: notes.map(said).join('; ') }));
    screening.textContent = lines.join('. ');
    if (q.screening.length) li.classList.add('flagged');
    else screening.classList.add('note');
  } else {
    screening.remove();
  }
  const social = q.origin && q.origin !== 'WEB';
  const author = social
    ? t(`board.badge.via.${q.origin}`, { author: q.authorHandle || t('board.badge.someone') })
    : (q.authorName || t('board.badge.anonymous'));
  const badges = [author,
    q.pinned && t('board.badge.pinned'), q.answered && t('board.badge.answered'),
    q.status === 'HIDDEN' && t('board.badge.hidden'), q.status === 'REJECTED' && t('board.badge.rejected'),
    q.status === 'WITHDRAWN' && (social ? t('board.badge.deleted') : t('board.badge.withdrawn')),
    q.archived && t(`board.badge.archivedFrom.${['PENDING', 'APPROVED'].includes(q.status) ? q.status : 'OTHER'}`)]
    .filter(Boolean);
  const meta = li.querySelector('.badges');
  meta.textContent = badges.join(' · ');
  if (social && /^https?:\/\//.test(q.originalUrl || '')) {
    const link = document.createElement('a');
    link.href = q.originalUrl;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    link.textContent = t('board.original');
    link.setAttribute('aria-label', q.authorHandle ? t('board.originalBy', { author: q.authorHandle })
      : t('board.originalByItsAuthor'));
    meta.append(' · ', link);
  }
  li.querySelector('.votes').textContent = q.status === 'PENDING' ? '' : t('board.votes', { count: q.votes });
  const actions = li.querySelector('.actions');
  for (const [key, action] of Object.entries(ACTIONS)) {
    if (!action.when(q)) continue;
    const button = document.createElement('button');
    button.type = 'button';
    const label = action.label(q);
    button.textContent = label;
    button.setAttribute('aria-keyshortcuts', key);
    button.setAttribute('aria-label', t('board.actionOn', { action: label, text: q.text }));
    button.addEventListener('click', () => run(action, q));
    actions.append(button);
  }
  return li;
}

function render() {
  const state = board.state;
  if (state.session) renderSession(state.session);
  const focusedId = document.activeElement?.closest?.('.question')?.dataset.id;
  const sorted = {
    queue: state.sorted('newest', LISTS.queue.shows).reverse(),
    live: state.sorted(order, LISTS.live.shows),
    other: state.sorted('newest', LISTS.other.shows),
    archived: state.sorted('newest', LISTS.archived.shows),
  };
  for (const [name, questions] of Object.entries(sorted)) {
    document.getElementById(name).replaceChildren(...questions.map(item));
    document.getElementById(`${name}-count`).textContent = `(${questions.length})`;
  }
  document.getElementById('queue-empty').hidden = sorted.queue.length > 0;
  renderFeedback(state.feedback);
  if (focusPlan) plannedFocus(focusPlan)?.focus();
  else if (focusedId) document.querySelector(`.question[data-id="${focusedId}"]`)?.focus();
}

function renderSession(session) {
  document.getElementById('title').textContent = session.title;
  document.getElementById('status').textContent = t(`board.status.${session.status}`);
  document.getElementById('start').hidden = session.status !== 'SCHEDULED';
  document.getElementById('end').hidden = session.status === 'ENDED';
  document.getElementById('ended-banner').hidden = session.status !== 'ENDED';
  document.getElementById('projector-settings').hidden = session.status === 'ENDED';
  document.title = t('board.titleOf', { title: session.title });
  const projector = session.projector;
  if (projector) {
    for (const radio of document.querySelectorAll('input[name="projector-theme"]')) radio.checked = radio.value === projector.theme;
    document.getElementById('projector-qr').checked = projector.showQrCode;
    document.getElementById('projector-participants').checked = projector.showParticipants;
  }
}

function renderFeedback(summary) {
  if (!summary) return;
  document.getElementById('feedback-total').textContent = summary.count
    ? t('board.feedback.total', { count: summary.count, average: summary.average.toFixed(1) })
    : t('board.feedback.none');
  document.getElementById('feedback-distribution').replaceChildren(...summary.distribution.flatMap((n, i) => {
    const dt = document.createElement('dt');
    dt.textContent = `${i + 1}`;
    const dd = document.createElement('dd');
    const bar = document.createElement('meter');
    bar.min = 0;
    bar.max = Math.max(1, summary.count);
    bar.value = n;
    bar.setAttribute('aria-label', t('board.feedback.bar', { n, count: summary.count, rating: i + 1 }));
    dd.append(bar, ` ${n}`);
    return [dt, dd];
  }));
  document.getElementById('feedback-comments').replaceChildren(...summary.latestComments.map((c) => {
    const li = document.createElement('li');
    li.textContent = `${c.rating}/5 — ${c.comment}`;
    return li;
  }));
}

/** j/k move between questions; the action keys act on the focused one. */
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest('input, textarea, select, dialog')) return;
  if (!board) return;
  const items = [...document.querySelectorAll('.question')].filter((el) => el.offsetParent !== null);
  const current = document.activeElement?.closest?.('.question');
  const index = items.indexOf(current);
  if (event.key === 'j' || event.key === 'k') {
    focusPlan = null;
    const next = items[Math.max(0, Math.min(items.length - 1, index + (event.key === 'j' ? 1 : -1)))] || items[0];
    next?.focus();
    event.preventDefault();
    return;
  }
  if (event.key === 'u' && undo) {
    const undoing = undo;
    undo = null;
    undoing();
    return;
  }
  const action = ACTIONS[event.key];
  const q = current && board.state.questions.get(current.dataset.id);
  if (action && q && action.when(q)) {
    event.preventDefault();
    run(action, q);
  }
});

for (const button of document.querySelectorAll('[data-order]')) {
  button.addEventListener('click', () => {
    order = button.dataset.order;
    document.querySelectorAll('[data-order]').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
    render();
  });
}

const endDialog = document.getElementById('end-dialog');

document.getElementById('end').addEventListener('click', () => {
  const title = board?.state.session?.title || document.getElementById('title').textContent;
  document.getElementById('end-dialog-text').textContent = t('board.endDialog.text', { title });
  endDialog.showModal();
});

document.getElementById('end-cancel').addEventListener('click', () => endDialog.close());

document.getElementById('end-confirm').addEventListener('click', async () => {
  endDialog.close();
  problem.textContent = '';
  try {
    const ended = await api('POST', `api/sessions/${sessionId}/end`);
    boardStatus.textContent = t('board.ended');
    showEndedAt(ended.endedAt);
    document.getElementById('title').focus();
  } catch (e) {
    problem.textContent = e.message;
  }
});

/** The ended banner, with the time the session ended when known. */
function showEndedAt(endedAt) {
  document.getElementById('ended-banner').textContent = endedAt
    ? t('board.endedBannerAt', { time: new Date(endedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) })
    : t('board.endedBanner');
}

/** The presenter's choice of what the projector shows; the projector follows through the board's session frame. */
async function changeProjector() {
  problem.textContent = '';
  const settings = {
    theme: document.querySelector('input[name="projector-theme"]:checked')?.value || 'DARK',
    showQrCode: document.getElementById('projector-qr').checked,
    showParticipants: document.getElementById('projector-participants').checked,
  };
  try {
    await api('PUT', `api/sessions/${sessionId}/projector`, settings);
    // one whole sentence for each of the eight choices, such as board.projectorShows.darkWithQrWithoutParticipants
    const shows = `${settings.theme === 'DARK' ? 'dark' : 'light'}${settings.showQrCode ? 'WithQr' : 'WithoutQr'}`
      + `${settings.showParticipants ? 'WithParticipants' : 'WithoutParticipants'}`;
    boardStatus.textContent = t(`board.projectorShows.${shows}`);
  } catch (e) {
    problem.textContent = e.message;
    if (board?.state.session) renderSession(board.state.session);
  }
}

for (const input of document.querySelectorAll('#projector-settings input')) input.addEventListener('change', changeProjector);

document.getElementById('start').addEventListener('click', async () => {
  problem.textContent = '';
  try {
    await api('POST', `api/sessions/${sessionId}/start`);
    boardStatus.textContent = t('board.isLive');
  } catch (e) {
    problem.textContent = e.message;
  }
});

/** Downloads the CSV with visible progress, then hands it to the browser as a file. */
document.getElementById('export').addEventListener('click', async () => {
  const progress = document.getElementById('export-progress');
  progress.hidden = false;
  progress.removeAttribute('value');
  try {
    const response = await fetch(`api/sessions/${sessionId}/export.csv`);
    if (!response.ok) throw new ApiError(response.status, await response.json());
    const total = Number(response.headers.get('Content-Length')) || 0;
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (total) { progress.max = total; progress.value = received; }
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob(chunks, { type: 'text/csv' }));
    link.download = (response.headers.get('Content-Disposition') || '').match(/filename="([^"]+)"/)?.[1] || 'rounds.csv';
    link.click();
    URL.revokeObjectURL(link.href);
    const questions = Number(response.headers.get('Rounds-Export-Questions'));
    const feedback = Number(response.headers.get('Rounds-Export-Feedback'));
    boardStatus.textContent = t('board.downloaded', { questions: t('board.downloadedQuestions', { count: questions }),
      feedback: t('board.downloadedFeedback', { count: feedback }), file: link.download });
  } catch (e) {
    problem.textContent = e.message;
  } finally {
    progress.hidden = true;
  }
});

/** Says in words why there is no board to show, with the way to Sessions; the board is not connected. */
function unavailable(reason) {
  document.getElementById('unavailable-reason').textContent = reason;
  document.getElementById('board-unavailable').hidden = false;
  document.getElementById('board-content').hidden = true;
  const status = document.getElementById('connection');
  status.hidden = false;
  status.textContent = t('board.notConnected');
  status.classList.add('offline');
  document.title = t('board.unavailable.title');
}

async function start() {
  const missing = () => unavailable(sessionId ? t('board.unavailable.unknown') : t('board.unavailable.noId'));
  if (!(await openSessionPart(sessionId, 'BOARD', problem, missing))) return;
  let session;
  try {
    session = await api('GET', `api/sessions/${encodeURIComponent(sessionId)}`);
  } catch (e) {
    if (e.status === 404) missing();
    else if (e.status === 403) unavailable(t('board.unavailable.forbidden', { reason: e.message }));
    else throw e;
    return;
  }
  document.getElementById('board-content').hidden = false;
  document.getElementById('code').textContent = session.joinCode;
  document.getElementById('projector-link').href = `projector.html?id=${encodeURIComponent(sessionId)}`;
  document.getElementById('media-link').href = `media.html?id=${encodeURIComponent(sessionId)}`;
  showEndedAt(session.endedAt);
  board = connectBoard(`ws/moderation/${encodeURIComponent(sessionId)}`, () => {
    render();
    document.dispatchEvent(new CustomEvent('board-state', { detail: board.state })); // the polls panel (polls.js)
  }, (text, connected) => {
    const status = document.getElementById('connection');
    status.textContent = text;
    status.classList.toggle('offline', !connected);
  });
}

function kbd(key) {
  return Object.assign(document.createElement('kbd'), { textContent: key });
}

const KEYS = Object.fromEntries([...'jkarhdpxu'].map((key) => [key, () => kbd(key)]));
document.getElementById('shortcuts').replaceChildren(...tPieces('board.shortcuts', KEYS));
document.getElementById('archived-hint').replaceChildren(...tPieces('board.archived.hint', KEYS));
const sessionsLink = document.querySelector('#unavailable-way a');
document.getElementById('unavailable-way').replaceChildren(...tPieces('board.unavailable.way', {
  link: () => Object.assign(sessionsLink.cloneNode(), { textContent: t('board.unavailable.sessionsLink') }),
}));

start().catch((e) => { problem.textContent = e.message; });
