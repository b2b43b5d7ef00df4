// The words of the pages, in the reader's language: one message bundle per language (i18n/<language>.json, the
// same files the server's public pages read), chosen from the address (?lang=de), then the reader's earlier
// choice (the rounds_lang cookie, which the server reads too), then the browser's languages; English otherwise.
// A key missing from a bundle falls back to English, so a new language is one file away.
//
// Pages mark their static words: data-i18n="key" sets the text, data-i18n-attr="aria-label=key;title=key2" sets
// attributes; scripts call t("trainee.welcomeNamed", { name }). Importing this module waits for the bundle.

export const LANGUAGES = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', nl: 'Nederlands' };
export const LANGUAGE_COOKIE = 'rounds_lang';
const DEFAULT_LANGUAGE = 'en';
const YEAR_IN_SECONDS = 365 * 24 * 3600;

/** The language to speak: ?lang=, then the cookie, then the first of the browser's languages that Rounds speaks. */
export function chooseLanguage(search, cookies, preferred) {
  const supported = (tag) => {
    const primary = String(tag || '').toLowerCase().split(/[-_]/)[0];
    return Object.hasOwn(LANGUAGES, primary) ? primary : null;
  };
  const cookie = cookies.split(';').map((c) => c.trim().split('=')).find(([name]) => name === LANGUAGE_COOKIE);
  return supported(new URLSearchParams(search).get('lang')) || supported(cookie?.[1])
    || (preferred || []).map(supported).find(Boolean) || DEFAULT_LANGUAGE;
}

async function bundle(lang) {
  try {
    const response = await fetch(new URL(`../i18n/${lang}.json`, import.meta.url));
    return response.ok ? await response.json() : {};
  } catch {
    return {}; // offline on a reload: the page's own (English) words stay
  }
}

const wanted = chooseLanguage(location.search, document.cookie, navigator.languages);
const [english, theirs] = await Promise.all([bundle(DEFAULT_LANGUAGE),
  wanted === DEFAULT_LANGUAGE ? {} : bundle(wanted)]);
// The pages trainees and the public see (marked <html data-i18n-pending>) have all their words in every bundle. The
// others (staff pages) speak a language only once its bundle has every word English has, so that a staff page is
// never half in two languages: a complete file is all a new language needs.
const forTrainees = document.documentElement.hasAttribute('data-i18n-pending');
const complete = Object.keys(english).length > 0 && Object.keys(english).every((key) => Object.hasOwn(theirs, key));
export const language = forTrainees || complete ? wanted : DEFAULT_LANGUAGE;
if (language === wanted && new URLSearchParams(location.search).has('lang')) remember(language);
const messages = { ...english, ...(language === DEFAULT_LANGUAGE ? {} : theirs) };
const plurals = new Intl.PluralRules(language);
const numbers = new Intl.NumberFormat(language);

/**
 * The message for a key in the reader's language, with {placeholders} filled from params (numbers formatted the
 * reader's way). A message with plural forms ({ "one": …, "other": … }) is chosen by params.count. An unknown key
 * answers itself, which a test notices.
 */
export function t(key, params = {}) {
  let message = messages[key];
  if (message && typeof message === 'object') {
    message = message[plurals.select(params.count ?? 0)] ?? message.other;
  }
  if (typeof message !== 'string') return key;
  return message.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return typeof value === 'number' ? numbers.format(value) : String(value);
  });
}

/**
 * A message whose {placeholders} stand for elements (bold words, a link, a key to press), as pieces for
 * replaceChildren: the reader's words around them, so each language puts the elements where its sentence needs them.
 * A value is a Node, a string (inserted as text, never as HTML), an array of them, or a function that makes them (for
 * an element said twice).
 */
export function tPieces(key, parts) {
  return t(key).split(/\{(\w+)\}/).flatMap((piece, i) => {
    if (i % 2 === 0) return piece ? [piece] : [];
    if (!Object.hasOwn(parts, piece)) return [`{${piece}}`];
    const value = typeof parts[piece] === 'function' ? parts[piece]() : parts[piece];
    return [value ?? ''].flat();
  });
}

/** The language a key's message is said in: the reader's, or English where their bundle lacks the key. */
export function languageOf(key) {
  return language !== DEFAULT_LANGUAGE && Object.hasOwn(theirs, key) ? language : DEFAULT_LANGUAGE;
}

/** Whether a bundle has this key: for words that only some answers (problem types) have. */
export function has(key) {
  return Object.hasOwn(messages, key);
}

/** Numbers the reader's way: 1,234 in English, 1.234 in German. */
export function formatNumber(n) {
  return numbers.format(n);
}

/** Sets the marked words of a part of the page (the whole document by default). */
export function translate(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split('=').map((s) => s.trim());
      if (attribute && key) element.setAttribute(attribute, t(key));
    }
  }
}

function remember(lang) {
  document.cookie = `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=${YEAR_IN_SECONDS}; SameSite=Lax`;
}

/**
 * Fills each element marked data-language-switch with a labelled choice of the languages, each named in itself;
 * choosing one remembers it and shows the page again in it. What the page holds lives on the server or in
 * localStorage, and what was typed but not sent (a half-written question) is kept over the reload.
 */
function languageSwitches() {
  for (const place of document.querySelectorAll('[data-language-switch]')) {
    const id = `language-${Math.random().toString(36).slice(2, 8)}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = t('common.language');
    const select = document.createElement('select');
    select.id = id;
    select.name = 'language';
    for (const [code, name] of Object.entries(LANGUAGES)) {
      const option = new Option(name, code, code === language, code === language);
      option.lang = code;
      select.append(option);
    }
    select.addEventListener('change', () => {
      remember(select.value);
      keepTyped();
      const url = new URL(location.href);
      url.searchParams.delete('lang');
      location.replace(url);
    });
    place.replaceChildren(label, select);
  }
}

const TYPED_KEY = 'rounds.typedBeforeSwitch';

/** What was typed into the page's text fields (never a password), for the page shown again in another language. */
function keepTyped() {
  const typed = {};
  for (const field of document.querySelectorAll('textarea[id], input[id]:not([type]), input[id][type="text"]')) {
    if (field.value) typed[field.id] = field.value;
  }
  try {
    sessionStorage.setItem(TYPED_KEY, JSON.stringify({ page: location.pathname, typed }));
  } catch {
    // storage refused (private mode, full): the page is shown again without it
  }
}

/** Puts back what keepTyped kept, before the page's own script reads its fields (counters count it). */
function restoreTyped() {
  let kept = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(TYPED_KEY) || 'null');
    sessionStorage.removeItem(TYPED_KEY);
  } catch {
    return;
  }
  if (kept?.page !== location.pathname) return;
  for (const [id, value] of Object.entries(kept.typed || {})) {
    const field = document.getElementById(id);
    if (field && !field.value) field.value = value;
  }
}

document.documentElement.lang = language;
translate();
languageSwitches();
restoreTyped();
document.documentElement.removeAttribute('data-i18n-pending');
