import { ApiError, PARTICIPANT_KEY, showError, clearErrors, whileBusy } from './api.js';
import { connectBoard } from './board.js';
import { formatNumber, t } from './i18n.js';
import { answerInputs, answerOf, answerWords } from './poll-answer.js';
import { kindWords, resultsView } from './poll-results.js';

const MAX_TEXT = 1000;
const token = localStorage.getItem(PARTICIPANT_KEY);
const OUTBOX_KEY = 'rounds.outbox';
let order = 'votes';
let board = null;
let mine = [];
let ownStatus = new Map();
let votedFor = new Set();
let ended = false;
let offline = !navigator.onLine;
let socketStatus = { text: t('board.connection.connecting'), connected: false };
let mineTimer = null;
/** The poll the answer form was built for (id, state and opening), this participant's answers, the countdown. */
let pollFormFor = null;
let pollTouched = false;
const ownAnswers = new Map();
let pollClock = null;

/** "12 characters too many: …", before sending. */
function tooLong(length) {
  return t('trainee.tooLong', { over: length - MAX_TEXT, max: MAX_TEXT, length });
}

function short(text) {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A failure that waiting cures: no connection, a server that said "later", a twin request still being answered. */
function retryable(error) {
  return error.status === 0 || error.status === 429 || error.status >= 502
    || error.problem?.type === 'urn:rounds:problem:idempotent-request-in-progress';
}

/** Calls the API as this participant; a network failure becomes an ApiError with status 0. */
async function call(method, path, body, idempotencyKey) {
  const headers = { 'Rounds-Participant': token, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    markOffline(true);
    throw new ApiError(0, { detail: t('common.offline') });
  }
  markOffline(false);
  const payload = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload;
}

/*
 * What the trainee sent but the server has not yet acknowledged, kept in localStorage so that neither a dead
 * connection nor a reload loses it. Each entry keeps the Idempotency-Key it was first sent with: however often it is
 * sent again, the server stores it once.
 */
let outbox = JSON.parse(localStorage.getItem(OUTBOX_KEY) || '[]').filter((entry) => entry.owner === token);
let flushing = null;
let retryTimer = null;
let retryPause = 2000;
const delivered = { question: questionDelivered, feedback: feedbackDelivered, poll: pollDelivered };
const refused = { question: questionRefused, feedback: feedbackRefused, poll: pollRefused };
const queued = { question: () => setText('ask-status', t('trainee.ask.queued'), true),
  feedback: () => setText('feedback-status', t('trainee.feedback.queued'), true),
  poll: () => setText('poll-status', t('poll.queued'), true) };

function saveOutbox() {
  localStorage.setItem(OUTBOX_KEY, JSON.stringify(outbox));
}

function send(kind, path, body) {
  outbox.push({ kind, path, body, key: crypto.randomUUID(), owner: token });
  saveOutbox();
  renderMine();
  return flush();
}

/** Sends what waits, oldest first, one at a time; stops at the first failure that waiting cures and tries later. */
function flush() {
  flushing ??= (async () => {
    clearTimeout(retryTimer);
    while (outbox.length) {
      const entry = outbox[0];
      try {
        const answer = await call('POST', entry.path, entry.body, entry.key);
        outbox.shift();
        saveOutbox();
        retryPause = 2000;
        delivered[entry.kind](answer, entry);
      } catch (e) {
        if (retryable(e)) {
          queued[entry.kind]();
          const retryAfter = Number(e.problem?.retryAfter) * 1000;
          retryTimer = setTimeout(flush, Math.max(retryPause, retryAfter || 0));
          retryPause = Math.min(30000, retryPause * 2);
          renderMine();
          return;
        }
        outbox.shift();
        saveOutbox();
        refused[entry.kind](e, entry);
      }
    }
    renderMine();
  })().finally(() => { flushing = null; });
  return flushing;
}

/** Sets an element's text; {@code waiting} marks a message about something not done yet. */
function setText(id, text, waiting = false) {
  const element = document.getElementById(id);
  element.textContent = text;
  element.classList.toggle('waiting', waiting);
}

function markOffline(isOffline) {
  if (offline === isOffline) return;
  offline = isOffline;
  showConnection();
}

/** The header says what holds now: ended beats offline, offline beats what the board's socket says. */
function showConnection() {
  const status = document.getElementById('connection');
  const text = ended ? t('trainee.connection.ended') : offline ? t('trainee.connection.offline') : socketStatus.text;
  status.textContent = text;
  status.classList.toggle('offline', !ended && (offline || !socketStatus.connected));
  setText('offline-note', offline && !ended ? t('common.offline') : '');
}

function renderSession(session) {
  setText('title', session.title);
  setText('facility', session.facility || '');
  setText('status', t(`trainee.status.${session.status}`));
  document.title = `${session.title} · Rounds`;
  const nowEnded = session.status === 'ENDED';
  if (nowEnded === ended) return;
  ended = nowEnded;
  document.getElementById('ended').hidden = !ended;
  document.getElementById('ask').hidden = ended;
  document.getElementById('feedback').hidden = ended;
  showConnection();
  renderQuestions();
  renderMine();
  if (board) renderPoll(board.state);
}

/**
 * The session's current poll: its question and inputs while it is open (rebuilt only for another poll or opening, so
 * nothing typed is lost to a results frame), the trainee's answer, and the results when the presenter shows them.
 */
function renderPoll(state) {
  const current = state.poll;
  const section = document.getElementById('poll');
  const open = current?.poll.state === 'OPEN' && !ended;
  section.hidden = !current || (!open && !current.results);
  clearInterval(pollClock);
  if (section.hidden) return;
  const { poll, results } = current;
  setText('poll-title', poll.title);
  setText('poll-kind', kindWords(poll.kind));
  const form = document.getElementById('poll-form');
  const formFor = `${poll.id} ${poll.state} ${poll.openedAt}`;
  if (pollFormFor !== formFor) {
    pollFormFor = formFor;
    pollTouched = false;
    clearErrors(form);
    setText('poll-status', '');
    document.getElementById('poll-inputs').replaceChildren(answerInputs(poll, ownAnswers.get(poll.id), 'poll-title'));
  }
  form.hidden = !open;
  document.getElementById('poll-closed').hidden = open;
  const own = ownAnswers.get(poll.id);
  setText('poll-answer', answerWords(poll, own));
  document.getElementById('poll-submit').textContent = own ? t('poll.change') : t('poll.submit');
  document.getElementById('poll-waiting').hidden = !!results || !own;
  document.getElementById('poll-results').replaceChildren(...(results ? [resultsView(poll, results)] : []));
  if (open && poll.closesAt) {
    const tick = () => {
      const left = Math.max(0, Math.ceil((Date.parse(poll.closesAt) - Date.now()) / 1000));
      setText('poll-time', left ? t('poll.timeLeft', { count: left }) : t('poll.timeUp'));
      if (!left) clearInterval(pollClock);
    };
    tick();
    pollClock = setInterval(tick, 1000);
  } else {
    setText('poll-time', '');
  }
}

/** This participant's answer to the current poll, as the server has it (another tab may have changed it). */
async function refreshPoll() {
  const current = await call('GET', 'api/participants/me/polls/current');
  if (!current?.answer) return;
  ownAnswers.set(current.poll.id, current.answer);
  if (!pollTouched) pollFormFor = null; // not typed in yet: show the answer given
  if (board) renderPoll(board.state);
}

function pollDelivered(own) {
  ownAnswers.set(own.pollId, own);
  pollTouched = false;
  setText('poll-status', t('poll.sent'));
  if (board) renderPoll(board.state);
}

function pollRefused(e) {
  setText('poll-status', '');
  showError(document.getElementById('poll-form'), e);
}

/** Where the trainee's own question stands, in words. */
function ownStatusText(q) {
  if (q.status === 'PENDING') return t('trainee.mine.PENDING');
  if (q.answered && q.status === 'APPROVED') return t('trainee.mine.answered');
  if (q.onBoard) return t('trainee.mine.onBoard');
  if (q.status === 'APPROVED') return t('trainee.mine.offBoard');
  return t('trainee.mine.notShown');
}

function ownItem(q, unsent) {
  const item = document.getElementById('own-question-item').content.firstElementChild.cloneNode(true);
  item.querySelector('.question-text').textContent = q.text;
  const status = item.querySelector('.own-status');
  const withdraw = item.querySelector('.withdraw');
  if (unsent) {
    item.classList.add('unsent');
    status.textContent = t('trainee.mine.unsent');
    withdraw.remove();
    return item;
  }
  item.dataset.id = q.id;
  item.dataset.status = q.status;
  status.textContent = ownStatusText(q);
  withdraw.textContent = t('trainee.withdraw');
  withdraw.setAttribute('aria-label', t('trainee.withdrawLabel', { text: short(q.text) }));
  withdraw.addEventListener('click', () => withdrawOwn(q, withdraw));
  return item;
}

function renderMine() {
  const own = mine.filter((q) => q.status !== 'WITHDRAWN');
  const unsent = outbox.filter((e) => e.kind === 'question');
  const focusedId = document.activeElement?.closest?.('#mine .question')?.dataset.id;
  const list = document.getElementById('mine');
  list.replaceChildren(...unsent.map((e) => ownItem(e.body, true)), ...[...own].reverse().map((q) => ownItem(q, false)));
  document.getElementById('mine-section').hidden = own.length + unsent.length === 0;
  if (focusedId) list.querySelector(`[data-id="${focusedId}"] .withdraw`)?.focus();
}

function questionItem(q) {
  const item = document.getElementById('question-item').content.firstElementChild.cloneNode(true);
  item.dataset.id = q.id;
  item.querySelector('.question-text').textContent = q.text;
  const isMine = ownStatus.has(q.id);
  item.classList.toggle('own', isMine);
  const labels = [isMine && t('trainee.yours'), q.pinned && t('trainee.pinned'), q.answered && t('trainee.answered')];
  item.querySelector('.badges').textContent = labels.filter(Boolean).join(' · ');
  const vote = item.querySelector('.vote');
  if (ended) {
    const count = document.createElement('span');
    count.className = 'vote-total';
    count.textContent = t('trainee.votes', { count: q.votes });
    vote.replaceWith(count);
    return item;
  }
  // the name is the button's own words (what to vote for, the count), so what is seen is what a voice user says
  item.querySelector('.vote-what').textContent = t('trainee.voteFor', { text: q.text });
  item.querySelector('.vote-count').textContent = formatNumber(q.votes);
  item.querySelector('.vote-unit').textContent = t('trainee.voteUnit', { count: q.votes });
  vote.setAttribute('aria-pressed', String(votedFor.has(q.id)));
  vote.addEventListener('click', () => castVote(q.id, !votedFor.has(q.id), vote));
  return item;
}

function renderQuestions() {
  if (!board) return;
  const list = document.getElementById('questions');
  const shown = board.state.sorted(order);
  const focusedId = document.activeElement?.closest?.('#questions .question')?.dataset.id;
  list.replaceChildren(...shown.map(questionItem));
  const none = document.getElementById('no-questions');
  none.hidden = shown.length > 0;
  none.textContent = ended ? t('trainee.questions.noneEnded') : t('trainee.questions.none');
  if (focusedId) list.querySelector(`[data-id="${focusedId}"] .vote`)?.focus();
}

/** Votes or takes the vote back, saying which: a tab that showed an old state never undoes a vote by mistake. */
async function castVote(id, wanted, button) {
  button.disabled = true;
  setText('questions-status', '');
  try {
    const result = await call('PUT', `api/participants/me/questions/${encodeURIComponent(id)}/vote`, { voted: wanted });
    if (result.voted) votedFor.add(id); else votedFor.delete(id);
    const q = board.state.questions.get(id);
    if (q) q.votes = result.votes;
    renderQuestions();
  } catch (e) {
    setText('questions-status', e.status === 0 ? t('trainee.voteOffline') : e.message);
    button.disabled = false;
  }
}

async function withdrawOwn(q, button) {
  if (!window.confirm(t('trainee.withdrawConfirm', { text: short(q.text) }))) return;
  button.disabled = true;
  try {
    const withdrawn = await call('DELETE', `api/participants/me/questions/${encodeURIComponent(q.id)}`);
    mine = mine.map((m) => (m.id === withdrawn.id ? withdrawn : m));
    ownStatus.set(q.id, 'WITHDRAWN');
    setText('mine-status', t('trainee.withdrawn', { text: short(q.text) }));
    renderMine();
    renderQuestions();
    // its item is gone: keep the keyboard in the list, or at the questions when it was the last one
    const next = document.querySelector('#mine .withdraw');
    (next || document.getElementById(document.getElementById('mine-section').hidden ? 'questions-heading' : 'mine-heading')).focus();
  } catch (e) {
    setText('questions-status', e.status === 0 ? t('common.offline') : e.message);
    button.disabled = false;
  }
}

/**
 * Reads the trainee's own questions again and says, politely, which ones moved. Rejections reach no public frame, so
 * while one waits for a moderator the list is read every few seconds; otherwise board frames about one's own
 * questions and coming back to the tab trigger it.
 */
async function refreshMine() {
  clearTimeout(mineTimer);
  try {
    mine = await call('GET', 'api/participants/me/questions');
  } finally {
    if (!ended) mineTimer = setTimeout(pollMine, 5000);
  }
  const changes = [];
  for (const q of mine) {
    const text = q.status === 'WITHDRAWN' ? null : ownStatusText(q);
    const before = ownStatus.get(q.id);
    if (before !== undefined && before !== text && text) changes.push(t('trainee.mine.changed', { text: short(q.text), status: text }));
  }
  ownStatus = new Map(mine.map((q) => [q.id, q.status === 'WITHDRAWN' ? null : ownStatusText(q)]));
  if (changes.length) setText('mine-status', changes.join(' '));
  renderMine();
  renderQuestions();
}

function pollMine() {
  if (document.hidden || !mine.some((q) => q.status === 'PENDING')) {
    if (!ended) mineTimer = setTimeout(pollMine, 5000);
    return;
  }
  refreshMine().catch(() => {});
}

async function refreshVotes() {
  const votes = await call('GET', 'api/participants/me/questions/votes');
  votedFor = new Set(votes.questionIds);
  renderQuestions();
}

/** Counts characters as the trainee types or pastes, and says before sending when there are too many. */
function countCharacters(textarea, counter, error) {
  let wasTooLong = false;
  const update = () => {
    const { length } = textarea.value;
    const over = length > MAX_TEXT;
    counter.textContent = t('trainee.count', { length, max: MAX_TEXT });
    counter.classList.toggle('over', over);
    if (over) {
      textarea.setAttribute('aria-invalid', 'true');
      error.textContent = tooLong(length);
    } else if (wasTooLong) {
      textarea.removeAttribute('aria-invalid');
      error.textContent = '';
    }
    wasTooLong = over;
  };
  textarea.addEventListener('input', update);
  update();
  return update;
}

const askForm = document.getElementById('ask-form');
const askText = askForm.elements.text;
const updateAskCount = countCharacters(askText, document.getElementById('question-count'),
  document.getElementById('text-error'));

function questionDelivered(asked) {
  setText('ask-status', asked.status === 'APPROVED' ? t('trainee.ask.sentOnBoard') : t('trainee.ask.sentWaiting'));
  refreshMine().catch(() => {});
}

function questionRefused(e, entry) {
  if (!askText.value) {
    askText.value = entry.body.text;
    updateAskCount();
  }
  setText('ask-status', '');
  showError(askForm, e);
}

askForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(askForm);
  setText('ask-status', '');
  const text = askText.value;
  const fieldError = !text.trim() ? t('trainee.ask.empty')
    : text.length > MAX_TEXT ? tooLong(text.length) : null;
  if (fieldError) {
    showError(askForm, new ApiError(400, { errors: [{ field: 'text', message: fieldError }] }));
    return;
  }
  askForm.reset();
  updateAskCount();
  setText('ask-status', t('trainee.sending'), true);
  await whileBusy(askForm, () => send('question', 'api/participants/me/questions', { text }));
});

const feedbackForm = document.getElementById('feedback-form');
const commentText = feedbackForm.elements.comment;
countCharacters(commentText, document.getElementById('comment-count'), document.getElementById('comment-error'));

function feedbackDelivered() {
  setText('feedback-status', t('trainee.feedback.thanks'));
}

function feedbackRefused(e) {
  setText('feedback-status', '');
  showError(feedbackForm, e);
}

feedbackForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(feedbackForm);
  setText('feedback-status', '');
  const rating = Number(feedbackForm.elements.rating.value);
  const comment = commentText.value;
  const errors = [!rating && { field: 'rating', message: t('trainee.feedback.chooseRating') },
    comment.length > MAX_TEXT && { field: 'comment', message: tooLong(comment.length) }]
    .filter(Boolean);
  if (errors.length) {
    showError(feedbackForm, new ApiError(400, { errors }));
    return;
  }
  setText('feedback-status', t('trainee.sending'), true);
  await whileBusy(feedbackForm, () => send('feedback', 'api/participants/me/feedback', { rating, comment: comment || null }));
});

const pollForm = document.getElementById('poll-form');
pollForm.addEventListener('input', () => { pollTouched = true; });
pollForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(pollForm);
  setText('poll-status', '');
  const poll = board?.state.poll?.poll;
  if (!poll) return;
  const answer = answerOf(pollForm, poll);
  if (answer.error) {
    showError(pollForm, new ApiError(400, { errors: [answer.error] }));
    return;
  }
  setText('poll-status', t('trainee.sending'), true);
  await whileBusy(pollForm, () => send('poll', `api/participants/me/polls/${encodeURIComponent(poll.id)}/answer`, answer));
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
  localStorage.removeItem(OUTBOX_KEY);
  location.assign('./');
});

/** With a display name, the trainee decides whether highlights may name them; taking it back takes those down. */
function showQuoting(me) {
  const box = document.getElementById('quote-by-name');
  document.getElementById('quoting').hidden = !me.displayName;
  const note = document.getElementById('anonymous-note');
  note.hidden = !!me.displayName;
  note.textContent = t('trainee.anonymousNote');
  box.checked = me.quoteByName;
  box.addEventListener('change', async () => {
    try {
      const changed = await call('PUT', 'api/participants/me/quoting', { quoteByName: box.checked });
      box.checked = changed.quoteByName;
      setText('quoting-status', changed.quoteByName ? t('trainee.quoting.on') : t('trainee.quoting.off'));
    } catch (e) {
      box.checked = !box.checked;
      setText('quoting-status', e.status === 0 ? t('common.offline') : e.message);
    }
  });
}

window.addEventListener('online', () => { markOffline(false); flush(); refreshMine().catch(() => {}); });
window.addEventListener('offline', () => markOffline(true));
document.addEventListener('visibilitychange', () => {
  if (document.hidden || !board) return;
  refreshMine().catch(() => {});
  refreshVotes().catch(() => {});
  refreshPoll().catch(() => {});
});

async function start() {
  if (!token) {
    location.replace('./');
    return;
  }
  setText('ended-heading', t('trainee.endedHeading'));
  setText('ended-text', t('trainee.endedText'));
  const me = await call('GET', 'api/participants/me');
  setText('welcome', me.displayName ? t('trainee.welcomeNamed', { name: me.displayName }) : t('trainee.welcomeAnonymous'));
  renderSession(me.session);
  showQuoting(me);
  document.getElementById('loading').hidden = true;
  document.getElementById('session').hidden = false;
  board = connectBoard(`ws/public/${encodeURIComponent(me.joinCode)}`, (frame, state) => {
    if (state.session) renderSession(state.session);
    renderQuestions();
    if (frame.type === 'snapshot' || frame.type.startsWith('poll.')) renderPoll(state);
    // a new poll may have an answer from another tab; a closed quiz's points are told only now
    if (frame.type === 'poll.opened' || frame.type === 'poll.closed') refreshPoll().catch(() => {});
    // one's own question approved, answered, hidden or archived (the others' frames cost nothing)
    if (frame.type.startsWith('contribution.') && ownStatus.has(frame.data.id)) refreshMine().catch(() => {});
  }, (text, connected) => {
    socketStatus = { text, connected };
    showConnection();
    // back after a drop: what this participant sent or voted may have changed meanwhile
    if (connected) {
      flush();
      refreshVotes().catch(() => {});
    }
  });
  await Promise.all([refreshMine(), refreshVotes(), refreshPoll()]);
  flush();
}

start().catch((e) => {
  document.getElementById('loading').hidden = true;
  if (e.status === 401) {
    localStorage.removeItem(PARTICIPANT_KEY);
    localStorage.removeItem(OUTBOX_KEY);
  }
  setText('problem', e.status === 401 ? t('trainee.notInSession') : e.message);
});
