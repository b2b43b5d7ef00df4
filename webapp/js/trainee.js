import { ApiError, PARTICIPANT_KEY, showError, clearErrors, whileBusy } from './api.js';
import { connectBoard } from './board.js';

const token = localStorage.getItem(PARTICIPANT_KEY);
const VOTED_KEY = 'rounds.voted';
const voted = new Set(JSON.parse(sessionStorage.getItem(VOTED_KEY) || '[]'));
const STATUS_TEXT = { SCHEDULED: 'Not started yet', LIVE: 'Live', ENDED: 'Ended' };
let order = 'votes';
let board = null;
let mine = [];

/**
 * Calls the API as this participant. A POST carries an Idempotency-Key and is sent once more with the same key when
 * the network dropped it (a phone between Wi-Fi and mobile data): if the first one arrived, the server answers the
 * retry with that first answer and stores nothing twice.
 */
async function call(method, path, body) {
  const headers = { 'Rounds-Participant': token, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST') headers['Idempotency-Key'] = crypto.randomUUID();
  const request = () => fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let response;
  try {
    response = await request();
  } catch (networkFailure) {
    if (method !== 'POST') throw networkFailure;
    await new Promise((resume) => { setTimeout(resume, 1000); });
    response = await request();
  }
  const payload = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload;
}

function renderSession(session) {
  document.getElementById('title').textContent = session.title;
  document.getElementById('facility').textContent = session.facility || '';
  document.getElementById('status').textContent = STATUS_TEXT[session.status];
  document.title = `${session.title} · Rounds`;
  const ended = session.status === 'ENDED';
  for (const form of document.querySelectorAll('#ask-form, #feedback-form')) {
    form.querySelector('button[type=submit]').disabled = ended;
  }
}

function questionItem(q, waiting) {
  const item = document.getElementById('question-item').content.firstElementChild.cloneNode(true);
  item.dataset.id = q.id;
  item.querySelector('.question-text').textContent = q.text;
  const badges = item.querySelector('.badges');
  const labels = [q.pinned && 'Pinned', q.answered && 'Answered', waiting && 'Waiting for moderation'].filter(Boolean);
  badges.textContent = labels.join(' · ');
  const vote = item.querySelector('.vote');
  if (waiting) {
    vote.remove();
  } else {
    item.querySelector('.vote-count').textContent = q.votes;
    const pressed = voted.has(q.id);
    vote.setAttribute('aria-pressed', String(pressed));
    vote.setAttribute('aria-label', `${pressed ? 'Remove your vote for' : 'Vote for'}: ${q.text} (${q.votes} votes)`);
    vote.addEventListener('click', () => toggleVote(q.id, vote));
  }
  return item;
}

function renderQuestions() {
  const state = board.state;
  const list = document.getElementById('questions');
  const shown = state.sorted(order);
  const focusedId = document.activeElement?.closest?.('.question')?.dataset.id;
  list.replaceChildren(...shown.map((q) => questionItem(q, false)));
  const waiting = mine.filter((q) => q.status === 'PENDING' && !state.questions.has(q.id));
  document.getElementById('mine').replaceChildren(...waiting.map((q) => questionItem(q, true)));
  document.getElementById('no-questions').hidden = shown.length + waiting.length > 0;
  if (focusedId) list.querySelector(`[data-id="${focusedId}"] .vote`)?.focus();
}

async function toggleVote(id, button) {
  button.disabled = true;
  try {
    const result = await call('POST', `api/participants/me/questions/${encodeURIComponent(id)}/vote`);
    if (result.voted) voted.add(id); else voted.delete(id);
    sessionStorage.setItem(VOTED_KEY, JSON.stringify([...voted]));
    const q = board.state.questions.get(id);
    if (q) q.votes = result.votes;
    renderQuestions();
  } catch (e) {
    document.getElementById('problem').textContent = e.message;
  } finally {
    button.disabled = false;
  }
}

async function refreshMine() {
  mine = await call('GET', 'api/participants/me/questions');
  renderQuestions();
}

const askForm = document.getElementById('ask-form');
const askText = askForm.elements.text;
askText.addEventListener('input', () => {
  document.getElementById('question-count').textContent = `${askText.value.length} / 1000`;
});
askForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(askForm);
  document.getElementById('ask-status').textContent = '';
  await whileBusy(askForm, async () => {
    try {
      const asked = await call('POST', 'api/participants/me/questions', { text: askText.value });
      askForm.reset();
      document.getElementById('question-count').textContent = '0 / 1000';
      document.getElementById('ask-status').textContent = asked.status === 'APPROVED'
        ? 'Your question is on the board.' : 'Sent. It appears once a moderator has approved it.';
      await refreshMine();
    } catch (e) {
      showError(askForm, e);
    }
  });
});

const feedbackForm = document.getElementById('feedback-form');
feedbackForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(feedbackForm);
  const rating = Number(feedbackForm.elements.rating.value);
  if (!rating) {
    showError(feedbackForm, new ApiError(400, { errors: [{ field: 'rating', message: 'Choose a rating from 1 to 5.' }] }));
    return;
  }
  await whileBusy(feedbackForm, async () => {
    try {
      await call('POST', 'api/participants/me/feedback', { rating, comment: feedbackForm.elements.comment.value || null });
      document.getElementById('feedback-status').textContent = 'Thank you! You can change your feedback at any time.';
    } catch (e) {
      showError(feedbackForm, e);
    }
  });
});

for (const button of document.querySelectorAll('[data-order]')) {
  button.addEventListener('click', () => {
    order = button.dataset.order;
    document.querySelectorAll('[data-order]').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
    renderQuestions();
  });
}

document.getElementById('leave').addEventListener('click', () => {
  board?.close();
  localStorage.removeItem(PARTICIPANT_KEY);
  location.assign('./');
});

/** With a display name, the trainee decides whether highlights may name them; taking it back takes those down. */
function showQuoting(me) {
  const quoting = document.getElementById('quoting');
  const box = document.getElementById('quote-by-name');
  quoting.hidden = !me.displayName;
  box.checked = me.quoteByName;
  box.addEventListener('change', async () => {
    const status = document.getElementById('quoting-status');
    try {
      const changed = await call('PUT', 'api/participants/me/quoting', { quoteByName: box.checked });
      box.checked = changed.quoteByName;
      status.textContent = changed.quoteByName ? 'Highlights may quote you by name.'
        : 'Highlights will not name you; any that did were taken down.';
    } catch (e) {
      box.checked = !box.checked;
      status.textContent = e.message;
    }
  });
}

async function start() {
  if (!token) {
    location.replace('./');
    return;
  }
  const me = await call('GET', 'api/participants/me');
  document.getElementById('welcome').textContent = me.displayName ? `You joined as ${me.displayName}` : 'You joined anonymously';
  renderSession(me.session);
  showQuoting(me);
  document.getElementById('loading').hidden = true;
  document.getElementById('session').hidden = false;
  board = connectBoard(`ws/public/${encodeURIComponent(me.joinCode)}`, (frame, state) => {
    if (state.session) renderSession(state.session);
    renderQuestions();
    if (frame.type === 'contribution.created' || frame.type === 'contribution.removed') refreshMine().catch(() => {});
  }, (text, connected) => {
    const status = document.getElementById('connection');
    status.textContent = text;
    status.classList.toggle('offline', !connected);
  });
  await refreshMine();
}

start().catch((e) => {
  document.getElementById('loading').hidden = true;
  if (e.status === 401) localStorage.removeItem(PARTICIPANT_KEY);
  document.getElementById('problem').textContent = e.status === 401
    ? 'This device is no longer in a session. Join again with the session code.'
    : e.message;
});
