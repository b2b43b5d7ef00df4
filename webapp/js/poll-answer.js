// The inputs a trainee answers a poll with, by its kind: radio buttons for one choice (and a rating), checkboxes for
// several, up to three word fields for a word cloud, a text area for an open question. Named as the API names the
// answer's fields (choices, rating, words, text), so its refusals land beside the right input.

import { t } from './i18n.js';

const MAX_WORDS = 3;
const MAX_WORD = 40;
const MAX_TEXT = 500;

function node(name, props = {}, ...children) {
  const element = Object.assign(document.createElement(name), props);
  element.append(...children);
  return element;
}

function choice(type, name, value, label, checked) {
  const input = node('input', { type, name, value: String(value), checked });
  return node('label', { className: 'choice poll-choice' }, input, ' ', node('span', {}, label));
}

/** How many options a poll takes, in words for its hint. */
function chooseHint(poll) {
  if (poll.maxChoices === 1) return t('poll.chooseOne');
  return t('poll.chooseUpTo', { count: poll.maxChoices });
}

/**
 * The inputs for `poll`, filled with the trainee's answer `own` when they gave one; `titleId` names the group.
 * Returns the element to put in the form.
 */
export function answerInputs(poll, own, titleId) {
  const group = node('div', { className: 'poll-inputs' });
  const error = (field) => node('p', { className: 'error', id: `poll-${field}-error` });
  if (poll.kind === 'RATING' || poll.options) {
    const field = poll.kind === 'RATING' ? 'rating' : 'choices';
    const set = node('fieldset', { className: `field poll-${poll.kind === 'RATING' ? 'scale' : 'options'}` });
    set.setAttribute('aria-labelledby', titleId);
    set.setAttribute('aria-describedby', `poll-hint poll-${field}-error`);
    if (poll.kind === 'RATING') {
      for (let value = 1; value <= poll.scaleMax; value += 1) {
        const label = value === 1 && poll.lowLabel ? `1 · ${poll.lowLabel}`
          : value === poll.scaleMax && poll.highLabel ? `${value} · ${poll.highLabel}` : String(value);
        set.append(choice('radio', 'rating', value, label, own?.rating === value));
      }
    } else {
      const type = poll.maxChoices === 1 ? 'radio' : 'checkbox';
      poll.options.forEach((option, i) => set.append(choice(type, 'choices', i, option.text,
        (own?.choices ?? []).includes(i))));
    }
    group.append(set, node('p', { className: 'hint', id: 'poll-hint' },
      poll.kind === 'RATING' ? t('poll.rateHint', { max: poll.scaleMax }) : chooseHint(poll)), error(field));
  } else if (poll.kind === 'WORD_CLOUD') {
    const set = node('fieldset', { className: 'field poll-words' });
    set.setAttribute('aria-labelledby', titleId);
    const typed = own?.words ?? [];
    for (let i = 0; i < MAX_WORDS; i += 1) {
      const id = `poll-word-${i + 1}`;
      const input = node('input', { type: 'text', id, name: 'words', maxLength: MAX_WORD, autocomplete: 'off',
        value: typed[i]?.text ?? '' });
      input.setAttribute('aria-describedby', 'poll-hint poll-words-error');
      set.append(node('label', { htmlFor: id }, t('poll.word', { number: i + 1 })), input);
    }
    group.append(set, node('p', { className: 'hint', id: 'poll-hint' }, t('poll.wordsHint', { max: MAX_WORD })),
      error('words'));
  } else {
    const area = node('textarea', { id: 'poll-text', name: 'text', rows: 3, maxLength: MAX_TEXT,
      value: own?.text?.text ?? '' });
    area.setAttribute('aria-labelledby', titleId);
    area.setAttribute('aria-describedby', 'poll-hint poll-text-error');
    group.append(node('div', { className: 'field' }, area,
      node('p', { className: 'hint', id: 'poll-hint' }, t('poll.textHint', { max: MAX_TEXT })), error('text')));
  }
  return group;
}

/**
 * The answer the form holds, as the API takes it, or `{ error: { field, message } }` when there is nothing to send
 * yet (said in words before anything is sent).
 */
export function answerOf(form, poll) {
  if (poll.kind === 'RATING') {
    const rating = Number(form.elements.rating?.value);
    return rating ? { rating } : { error: { field: 'rating', message: t('poll.chooseFirst') } };
  }
  if (poll.options) {
    const choices = [...form.querySelectorAll('input[name="choices"]:checked')].map((input) => Number(input.value));
    if (!choices.length) return { error: { field: 'choices', message: t('poll.chooseFirst') } };
    if (choices.length > poll.maxChoices) {
      return { error: { field: 'choices', message: t('poll.tooMany', { count: poll.maxChoices }) } };
    }
    return { choices };
  }
  if (poll.kind === 'WORD_CLOUD') {
    const words = [...form.querySelectorAll('input[name="words"]')].map((input) => input.value.trim()).filter(Boolean);
    return words.length ? { words } : { error: { field: 'words', message: t('poll.typeWordFirst') } };
  }
  const text = form.elements.text?.value.trim();
  return text ? { text } : { error: { field: 'text', message: t('poll.writeFirst') } };
}

/** What the trainee answered, in words: "Your answer: 5", with a note when an entry waits for a moderator. */
export function answerWords(poll, own) {
  if (!own) return '';
  let given;
  if (own.rating) given = String(own.rating);
  else if (own.choices) given = own.choices.map((i) => poll.options?.[i]?.text ?? i + 1).join(', ');
  else if (own.words) given = own.words.map((w) => w.text).join(', ');
  else given = own.text?.text ?? '';
  const waiting = (own.words ?? (own.text ? [own.text] : [])).some((entry) => !entry.shown);
  return [t('poll.yourAnswer', { answer: given }), waiting ? t('poll.waitsForModerator') : '',
    own.points != null ? t('poll.yourPoints', { count: own.points }) : ''].filter(Boolean).join(' ');
}
