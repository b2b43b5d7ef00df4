import { api, requireStaff, ApiError } from './api.js';
import { connectBoard } from './board.js';

const sessionId = new URLSearchParams(location.search).get('id') || '';
const problem = document.getElementById('problem');
const boardStatus = document.getElementById('board-status');
let board = null;
let order = 'votes';
let undo = null;

const ACTIONS = {
  a: { label: 'Approve', when: (q) => q.status === 'PENDING', run: (q) => setStatus(q, 'APPROVED') },
  r: { label: 'Reject', when: (q) => q.status === 'PENDING', run: (q) => setStatus(q, 'REJECTED', () => setStatus(q, 'PENDING')) },
  h: { label: (q) => (q.status === 'HIDDEN' ? 'Show' : 'Hide'), when: (q) => q.status === 'APPROVED' || q.status === 'HIDDEN',
    run: (q) => setStatus(q, q.status === 'HIDDEN' ? 'APPROVED' : 'HIDDEN') },
  d: { label: (q) => (q.answered ? 'Not answered' : 'Answered'), when: (q) => q.status === 'APPROVED',
    run: (q) => setFlags(q, { answered: !q.answered }, q.answered ? null : () => setFlags(q, { answered: false })) },
  p: { label: (q) => (q.pinned ? 'Unpin' : 'Pin'), when: (q) => q.status === 'APPROVED', run: (q) => setFlags(q, { pinned: !q.pinned }) },
  x: { label: 'Archive', when: () => true, run: (q) => setFlags(q, { archived: true }, () => setFlags(q, { archived: false })) },
  u: { label: 'Undo', when: () => false, run: () => {} },
};

async function setStatus(q, status, undoWith) {
  await act(() => api('PUT', `api/sessions/${sessionId}/questions/${q.id}/status`, { status }), undoWith,
    `${status === 'APPROVED' ? 'Approved' : status === 'REJECTED' ? 'Rejected' : status === 'HIDDEN' ? 'Hidden' : 'Back in the queue'}: “${q.text.slice(0, 60)}”`);
}

async function setFlags(q, flags, undoWith) {
  const what = Object.entries(flags).map(([k, v]) => (v ? k : `not ${k}`)).join(', ');
  await act(() => api('PUT', `api/sessions/${sessionId}/questions/${q.id}/flags`, flags), undoWith,
    `Marked ${what}: “${q.text.slice(0, 60)}”`);
}

async function act(request, undoWith, message) {
  problem.textContent = '';
  try {
    const updated = await request();
    board.state.questions.set(updated.id, updated);
    undo = undoWith || null;
    boardStatus.textContent = message + (undo ? ' (press u to undo)' : '');
    render();
  } catch (e) {
    problem.textContent = e.message;
  }
}

const ORIGINS = { MASTODON: 'Mastodon', BLUESKY: 'Bluesky', WEBHOOK: 'relay', FEED: 'feed' };

function item(q) {
  const li = document.getElementById('moderated-item').content.firstElementChild.cloneNode(true);
  li.dataset.id = q.id;
  li.querySelector('.question-text').textContent = q.text;
  const screening = li.querySelector('.screening');
  const notes = q.screeningNotes || [];
  if (q.screening.length || notes.length) {
    // each finding in words: what kind, the words it is about, and why screening thought so
    const said = (f) => `${f.label} “${q.text.substring(f.start, f.end)}”${f.why ? ` (${f.why})` : ''}`;
    const lines = [];
    if (q.screening.length) lines.push(`Held by screening: ${q.screening.map(said).join('; ')}`);
    if (notes.length) lines.push(`Screening note: ${notes.map(said).join('; ')}`);
    screening.textContent = lines.join('. ');
    if (q.screening.length) li.classList.add('flagged');
    else screening.classList.add('note');
  } else {
    screening.remove();
  }
  const social = q.origin && q.origin !== 'WEB';
  const badges = [social ? `${q.authorHandle || 'someone'} via ${ORIGINS[q.origin]}` : (q.authorName || 'Anonymous'),
    q.pinned && 'Pinned', q.answered && 'Answered', q.status === 'HIDDEN' && 'Hidden',
    q.status === 'REJECTED' && 'Rejected', q.status === 'WITHDRAWN' && 'Withdrawn: the original was deleted']
    .filter(Boolean);
  const meta = li.querySelector('.badges');
  meta.textContent = badges.join(' · ');
  if (social && /^https?:\/\//.test(q.originalUrl || '')) {
    const link = document.createElement('a');
    link.href = q.originalUrl;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    link.textContent = 'original';
    link.setAttribute('aria-label', `Open the original post by ${q.authorHandle || 'its author'}`);
    meta.append(' · ', link);
  }
  li.querySelector('.votes').textContent = q.status === 'PENDING' ? '' : `${q.votes} ${q.votes === 1 ? 'vote' : 'votes'}`;
  const actions = li.querySelector('.actions');
  for (const [key, action] of Object.entries(ACTIONS)) {
    if (!action.when(q)) continue;
    const button = document.createElement('button');
    button.type = 'button';
    const label = typeof action.label === 'function' ? action.label(q) : action.label;
    button.textContent = label;
    button.setAttribute('aria-keyshortcuts', key);
    button.setAttribute('aria-label', `${label}: ${q.text}`);
    button.addEventListener('click', () => action.run(q));
    actions.append(button);
  }
  return li;
}

function render() {
  const state = board.state;
  if (state.session) {
    document.getElementById('title').textContent = state.session.title;
    document.getElementById('status').textContent = { SCHEDULED: 'Scheduled', LIVE: 'Live', ENDED: 'Ended' }[state.session.status];
    document.getElementById('start').hidden = state.session.status !== 'SCHEDULED';
    document.title = `${state.session.title} · Live board`;
  }
  const focusedId = document.activeElement?.closest?.('.question')?.dataset.id;
  const queue = state.sorted('newest', (q) => q.status === 'PENDING' && !q.archived).reverse();
  const live = state.sorted(order, (q) => q.status === 'APPROVED' && !q.archived);
  const other = state.sorted('newest', (q) => ['HIDDEN', 'REJECTED', 'WITHDRAWN'].includes(q.status) && !q.archived);
  document.getElementById('queue').replaceChildren(...queue.map(item));
  document.getElementById('live').replaceChildren(...live.map(item));
  document.getElementById('other').replaceChildren(...other.map(item));
  document.getElementById('queue-count').textContent = `(${queue.length})`;
  document.getElementById('live-count').textContent = `(${live.length})`;
  document.getElementById('other-count').textContent = `(${other.length})`;
  document.getElementById('queue-empty').hidden = queue.length > 0;
  renderFeedback(state.feedback);
  if (focusedId) document.querySelector(`.question[data-id="${focusedId}"]`)?.focus();
}

function renderFeedback(summary) {
  if (!summary) return;
  document.getElementById('feedback-count').textContent = summary.count;
  document.getElementById('feedback-average').textContent = summary.count ? summary.average.toFixed(1) : '–';
  document.getElementById('feedback-distribution').replaceChildren(...summary.distribution.flatMap((n, i) => {
    const dt = document.createElement('dt');
    dt.textContent = `${i + 1}`;
    const dd = document.createElement('dd');
    const bar = document.createElement('meter');
    bar.min = 0;
    bar.max = Math.max(1, summary.count);
    bar.value = n;
    bar.setAttribute('aria-label', `${n} of ${summary.count} rated ${i + 1}`);
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
  if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest('input, textarea, select')) return;
  const items = [...document.querySelectorAll('.question')].filter((el) => el.offsetParent !== null);
  const current = document.activeElement?.closest?.('.question');
  const index = items.indexOf(current);
  if (event.key === 'j' || event.key === 'k') {
    const next = items[Math.max(0, Math.min(items.length - 1, index + (event.key === 'j' ? 1 : -1)))] || items[0];
    next?.focus();
    event.preventDefault();
    return;
  }
  if (event.key === 'u' && undo) {
    const run = undo;
    undo = null;
    run();
    return;
  }
  const action = ACTIONS[event.key];
  const q = current && board.state.questions.get(current.dataset.id);
  if (action && q && action.when(q)) {
    event.preventDefault();
    action.run(q);
  }
});

for (const button of document.querySelectorAll('[data-order]')) {
  button.addEventListener('click', () => {
    order = button.dataset.order;
    document.querySelectorAll('[data-order]').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
    render();
  });
}

document.getElementById('start').addEventListener('click', async () => {
  problem.textContent = '';
  try {
    await api('POST', `api/sessions/${sessionId}/start`);
    boardStatus.textContent = 'The session is live.';
  } catch (e) {
    problem.textContent = e.message;
  }
});

function counted(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

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
    boardStatus.textContent = `Downloaded ${counted(questions, 'question', 'questions')} and `
      + `${counted(feedback, 'feedback entry', 'feedback entries')} as ${link.download}.`;
  } catch (e) {
    problem.textContent = e.message;
  } finally {
    progress.hidden = true;
  }
});

async function start() {
  if (!(await requireStaff(['presenter', 'communicator', 'admin']))) return;
  const session = await api('GET', `api/sessions/${encodeURIComponent(sessionId)}`);
  document.getElementById('code').textContent = session.joinCode;
  document.getElementById('projector-link').href = `projector.html?id=${encodeURIComponent(sessionId)}`;
  document.getElementById('media-link').href = `media.html?id=${encodeURIComponent(sessionId)}`;
  board = connectBoard(`ws/moderation/${encodeURIComponent(sessionId)}`, () => render(), (text, connected) => {
    const status = document.getElementById('connection');
    status.textContent = text;
    status.classList.toggle('offline', !connected);
  });
}

start().catch((e) => { problem.textContent = e.message; });
