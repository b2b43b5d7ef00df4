import { api, ApiError, showError, clearErrors, whileBusy } from './api.js';
import { t } from './i18n.js';
import { kindWords, resultsView } from './poll-results.js';

// The session's polls on the presenter's board: prepare them (any of six kinds), put them in order, open one at a
// time, close, show or hide the results, moderate words and open answers, download a poll's CSV. What the list shows
// is the board's moderation stream (presenter-board.js passes its state on as a "board-state" event): every change,
// this presenter's or another's, arrives there as a frame.

const sessionId = new URLSearchParams(location.search).get('id') || '';
const base = `api/sessions/${encodeURIComponent(sessionId)}/polls`;
const list = document.getElementById('polls');
const editor = document.getElementById('poll-editor');
const editorBox = document.getElementById('poll-editor-box');
const status = document.getElementById('polls-status');
const MAX_OPTIONS = 10;
let polls = new Map();
let editing = null;

function node(name, props = {}, ...children) {
  const element = Object.assign(document.createElement(name), props);
  element.append(...children);
  return element;
}

function say(text) {
  status.textContent = text;
}

function actionButton(label, poll, action, props = {}) {
  const button = node('button', { type: 'button', className: 'small', textContent: label, ...props });
  button.setAttribute('aria-label', t('board.polls.actionOn', { action: label, title: poll.title }));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await action();
    } catch (e) {
      say(e.message);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** Keeps the keyboard where it was: the same button of the same poll after the list is drawn again. */
function redraw() {
  const focused = document.activeElement;
  const pollId = focused?.closest?.('.poll-item')?.dataset.id;
  const which = focused?.dataset?.action;
  const ordered = [...polls.values()].sort((a, b) => a.poll.position - b.poll.position);
  list.replaceChildren(...ordered.map((p, i) => item(p, i, ordered.length)));
  document.getElementById('polls-empty').hidden = ordered.length > 0;
  if (pollId && which) list.querySelector(`[data-id="${CSS.escape(pollId)}"] [data-action="${which}"]`)?.focus();
}

function item({ poll, results }, index, count) {
  const li = node('li', { className: `poll-item state-${poll.state.toLowerCase()}` });
  li.dataset.id = poll.id;
  const stateWords = t(`board.polls.state.${poll.state}`);
  const head = node('div', { className: 'poll-head' },
    node('span', { className: 'poll-position', textContent: `${index + 1}.` }),
    node('div', {}, node('p', { className: 'poll-title', textContent: poll.title }),
      node('p', { className: 'muted', textContent: [kindWords(poll.kind), stateWords,
        results ? t('poll.results.answered', { count: results.answered }) : '',
        poll.resultsShown ? t('board.polls.resultsOnProjector') : ''].filter(Boolean).join(' · ') })));
  const actions = node('div', { className: 'actions small' });
  const act = (label, name, action, props) => {
    const button = actionButton(label, poll, action, props);
    button.dataset.action = name;
    actions.append(button);
  };
  if (poll.state === 'OPEN') {
    act(t('board.polls.close'), 'state', () => api('PUT', `${base}/${poll.id}/state`, { state: 'CLOSED' }));
  } else {
    act(t(poll.state === 'PREPARED' ? 'board.polls.open' : 'board.polls.reopen'), 'state',
      () => api('PUT', `${base}/${poll.id}/state`, { state: 'OPEN' }));
  }
  if (poll.state !== 'PREPARED') {
    const shown = actionButton(t('board.polls.showResults'), poll,
      () => api('PUT', `${base}/${poll.id}/results`, { shown: !poll.resultsShown }));
    shown.setAttribute('aria-pressed', String(poll.resultsShown));
    shown.dataset.action = 'results';
    actions.append(shown);
  }
  if (poll.state === 'PREPARED') act(t('board.polls.edit'), 'edit', async () => startEditing(poll));
  act(t('board.polls.duplicate'), 'duplicate', async () => {
    await api('POST', `${base}/${poll.id}/duplicate`, {});
    say(t('board.polls.duplicated', { title: poll.title }));
  });
  if (index > 0) act(t('board.polls.moveUp'), 'up', () => move(index, -1));
  if (index < count - 1) act(t('board.polls.moveDown'), 'down', () => move(index, 1));
  if (poll.state !== 'PREPARED') {
    const csv = node('a', { className: 'button small', href: `${base}/${poll.id}/export`,
      textContent: t('board.polls.download'), download: '' });
    csv.setAttribute('aria-label', t('board.polls.actionOn', { action: t('board.polls.download'), title: poll.title }));
    actions.append(csv);
  }
  if (poll.state !== 'OPEN') {
    act(t('board.polls.delete'), 'delete', async () => {
      if (!window.confirm(t('board.polls.deleteConfirm', { title: poll.title }))) return;
      await api('DELETE', `${base}/${poll.id}`);
      say(t('board.polls.deleted', { title: poll.title }));
    }, { className: 'small danger' });
  }
  li.append(head, actions);
  if (results && poll.state !== 'PREPARED') {
    li.append(resultsView(poll, results));
    if (results.moderation) li.append(moderation(poll, results));
  }
  return li;
}

/** Free text for the presenter: every entry with why it waits, and a way to approve or hide it; a cloud's words. */
function moderation(poll, results) {
  const box = node('details', { className: 'poll-moderation', open: results.moderation.some((e) => e.status === 'PENDING') });
  const waiting = results.moderation.filter((e) => e.status === 'PENDING').length;
  box.append(node('summary', { textContent: t('board.polls.entries', { count: results.moderation.length, waiting }) }));
  const entries = node('ul', { className: 'poll-entry-list' });
  for (const entry of results.moderation) {
    const li = node('li', { className: `entry-${entry.status.toLowerCase()}` });
    li.append(node('span', { className: 'entry-text', textContent: entry.text }),
      node('span', { className: 'muted', textContent: ` ${t(`board.polls.entry.${entry.status}`)}` }));
    if (entry.screening?.length) {
      li.append(node('span', { className: 'screening', textContent: ` ${entry.screening.map((f) => f.label).join(', ')}` }));
    }
    const decide = (label, next) => {
      const button = node('button', { type: 'button', className: 'small', textContent: label });
      button.setAttribute('aria-label', `${label}: ${entry.text}`);
      button.addEventListener('click', async () => {
        try {
          await api('PUT', `${base}/${poll.id}/entries/${entry.id}`, { status: next });
        } catch (e) { say(e.message); }
      });
      return button;
    };
    if (entry.status !== 'APPROVED') li.append(' ', decide(t('board.polls.approve'), 'APPROVED'));
    if (entry.status !== 'HIDDEN') li.append(' ', decide(t('board.polls.hide'), 'HIDDEN'));
    entries.append(li);
  }
  box.append(entries);
  if (poll.kind === 'WORD_CLOUD') {
    const words = node('p', { className: 'poll-words-actions' });
    for (const word of results.words ?? []) words.append(wordButton(poll, word.word, true), ' ');
    for (const word of results.hiddenWords ?? []) words.append(wordButton(poll, word, false), ' ');
    box.append(node('p', { className: 'hint', textContent: t('board.polls.wordsHint') }), words);
  }
  return box;
}

function wordButton(poll, word, hide) {
  const label = t(hide ? 'board.polls.hideWord' : 'board.polls.showWord', { word });
  const button = node('button', { type: 'button', className: 'small', textContent: label });
  button.addEventListener('click', async () => {
    try {
      await api('PUT', `${base}/${poll.id}/words`, { word, hidden: hide });
      say(t(hide ? 'board.polls.wordHidden' : 'board.polls.wordShown', { word }));
    } catch (e) { say(e.message); }
  });
  return button;
}

async function move(index, step) {
  const ordered = [...polls.values()].sort((a, b) => a.poll.position - b.poll.position).map((p) => p.poll.id);
  const [moved] = ordered.splice(index, 1);
  ordered.splice(index + step, 0, moved);
  await api('PUT', `${base}/order`, { pollIds: ordered });
}

// --- the editor: one form for every kind, showing the fields the chosen kind needs ---------------------------

function optionRow(index, option = { text: '', correct: false }) {
  const id = `poll-option-${index + 1}`;
  const row = node('div', { className: 'option-row' });
  const text = node('input', { id, name: 'options', maxLength: 120, autocomplete: 'off', value: option.text });
  const correct = node('input', { type: 'checkbox', name: 'correct', checked: option.correct });
  correct.setAttribute('aria-label', t('board.polls.field.correctOf', { number: index + 1 }));
  row.append(node('label', { htmlFor: id, textContent: t('board.polls.field.option', { number: index + 1 }) }), text,
    node('label', { className: 'choice correct-choice' }, correct, ' ', t('board.polls.field.correct')));
  return row;
}

function setOptions(options) {
  const rows = document.getElementById('poll-option-rows');
  rows.replaceChildren(...options.map((o, i) => optionRow(i, o)));
  document.getElementById('poll-add-option').hidden = options.length >= MAX_OPTIONS;
}

function showKindFields() {
  const kind = editor.elements.kind.value;
  const chooses = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'QUIZ'].includes(kind);
  document.getElementById('poll-options-fields').hidden = !chooses;
  editor.classList.toggle('quiz', kind === 'QUIZ');
  document.getElementById('poll-max-fields').hidden = kind !== 'MULTIPLE_CHOICE';
  document.getElementById('poll-rating-fields').hidden = kind !== 'RATING';
  document.getElementById('poll-language-fields').hidden = kind !== 'WORD_CLOUD';
  document.getElementById('poll-time-fields').hidden = kind !== 'QUIZ';
}

function resetEditor() {
  editing = null;
  editor.reset();
  clearErrors(editor);
  setOptions([{ text: '', correct: false }, { text: '', correct: false }, { text: '', correct: false }]);
  document.getElementById('poll-editor-submit').textContent = t('board.polls.prepare');
  document.getElementById('poll-editor-cancel').hidden = true;
  showKindFields();
}

function startEditing(poll) {
  resetEditor();
  editing = poll.id;
  const fields = editor.elements;
  fields.kind.value = poll.kind;
  fields.title.value = poll.title;
  if (poll.options) setOptions(poll.options.map((o) => ({ text: o.text, correct: o.correct === true })));
  fields.maxChoices.value = poll.maxChoices ?? '';
  fields.scaleMax.value = String(poll.scaleMax ?? 5);
  fields.lowLabel.value = poll.lowLabel ?? '';
  fields.highLabel.value = poll.highLabel ?? '';
  fields.language.value = poll.language ?? 'en';
  fields.timeLimitSeconds.value = poll.timeLimitSeconds ?? '';
  document.getElementById('poll-editor-submit').textContent = t('board.polls.save');
  document.getElementById('poll-editor-cancel').hidden = false;
  showKindFields();
  editorBox.open = true;
  fields.title.focus();
}

/** The poll as the API takes it; fields the kind does not use are left out. */
function pollFromEditor() {
  const fields = editor.elements;
  const kind = fields.kind.value;
  const number = (value) => (value === '' ? null : Number(value));
  const body = { kind, title: fields.title.value };
  if (['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'QUIZ'].includes(kind)) {
    body.options = [...document.querySelectorAll('#poll-option-rows .option-row')]
      .map((row) => ({ text: row.querySelector('[name="options"]').value,
        correct: kind === 'QUIZ' && row.querySelector('[name="correct"]').checked }))
      .filter((o) => o.text.trim());
  }
  if (kind === 'MULTIPLE_CHOICE') body.maxChoices = number(fields.maxChoices.value);
  if (kind === 'RATING') {
    Object.assign(body, { scaleMax: Number(fields.scaleMax.value), lowLabel: fields.lowLabel.value || null,
      highLabel: fields.highLabel.value || null });
  }
  if (kind === 'WORD_CLOUD') body.language = fields.language.value;
  if (kind === 'QUIZ') body.timeLimitSeconds = number(fields.timeLimitSeconds.value);
  return body;
}

editor.elements.kind.addEventListener('change', showKindFields);
document.getElementById('poll-add-option').addEventListener('click', () => {
  const rows = document.getElementById('poll-option-rows');
  rows.append(optionRow(rows.children.length));
  document.getElementById('poll-add-option').hidden = rows.children.length >= MAX_OPTIONS;
  rows.lastElementChild.querySelector('input').focus();
});
document.getElementById('poll-editor-cancel').addEventListener('click', resetEditor);
editor.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(editor);
  const body = pollFromEditor();
  await whileBusy(editor, async () => {
    try {
      const saved = editing ? await api('PUT', `${base}/${editing}`, body) : await api('POST', base, body);
      say(t(editing ? 'board.polls.saved' : 'board.polls.prepared', { title: saved.title }));
      resetEditor();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      showError(editor, e);
    }
  });
});

const copyForm = document.getElementById('poll-copy');
copyForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(copyForm);
  await whileBusy(copyForm, async () => {
    try {
      const copied = await api('POST', `${base}/copy`, { fromSessionId: copyForm.elements.fromSessionId.value });
      say(t('board.polls.copied', { count: copied.length }));
    } catch (e) {
      showError(copyForm, e);
    }
  });
});

async function listOtherSessions() {
  const sessions = await api('GET', 'api/sessions');
  const others = sessions.filter((s) => s.id !== sessionId);
  const select = copyForm.elements.fromSessionId;
  select.replaceChildren(...others.map((s) => node('option', { value: s.id, textContent: s.title })));
  document.getElementById('poll-copy-box').hidden = others.length === 0;
}

document.addEventListener('board-state', (event) => {
  const state = event.detail;
  polls = new Map([...state.polls.values()].map((p) => [p.poll.id, { ...p }]));
  redraw();
});

resetEditor();
if (sessionId) listOtherSessions().catch(() => { document.getElementById('poll-copy-box').hidden = true; });
