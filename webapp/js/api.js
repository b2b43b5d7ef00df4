// One way for the pages to talk to the API: JSON in and out, the CSRF token on every change,
// and problem+json answers turned into an ApiError that names the fields at fault.

import { mayUse, pageOf, showNavigation, showNotForYou } from './pages.js';
import { has, language, t } from './i18n.js';

let csrfToken = null;

/**
 * A refusal in the reader's words: the server speaks English, so in another language a problem type the bundle
 * knows (problem.join-code-unknown, …) is said from the bundle; otherwise the server's own sentence.
 */
function inReadersWords(status, problem) {
  const key = `problem.${String(problem?.type || '').replace('urn:rounds:problem:', '')}`;
  if (language !== 'en' && has(key)) return t(key);
  return problem?.detail || problem?.title || t('problem.failed', { status });
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(inReadersWords(status, problem));
    this.status = status;
    this.problem = problem || {};
    this.fieldErrors = problem?.errors || [];
  }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  return payloadOf(response);
}

/**
 * A GET that sends the ETag of the answer the page already shows: null while the server says nothing changed (304),
 * else the new answer and its ETag.
 */
export async function getIfChanged(path, etag) {
  const headers = { Accept: 'application/json' };
  if (etag) headers['If-None-Match'] = etag;
  const response = await fetch(path, { headers, credentials: 'same-origin', cache: 'no-store' });
  if (response.status === 304) return null;
  return { body: await payloadOf(response), etag: response.headers.get('ETag') };
}

async function payloadOf(response) {
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload;
}

/**
 * Sends a file as the body of a POST, reporting progress (0–1) as it goes: fetch cannot report upload progress,
 * XMLHttpRequest can. Resolves with the JSON answer; rejects with an ApiError.
 */
export function uploadFile(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json');
    if (csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    request.addEventListener('load', () => {
      let payload = null;
      try {
        payload = JSON.parse(request.responseText);
      } catch {
        // not JSON: the status says enough
      }
      if (request.status >= 200 && request.status < 300) resolve(payload);
      else reject(new ApiError(request.status, payload));
    });
    request.addEventListener('error', () => reject(new ApiError(0, { detail: t('common.connectionLost') })));
    request.send(file);
  });
}

/** The logged-in staff member, or null; remembers the session's CSRF token for later changes. */
export async function currentStaff() {
  try {
    const me = await api('GET', 'api/auth/me');
    csrfToken = me.csrfToken;
    return me;
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

export function rememberCsrfToken(token) {
  csrfToken = token;
}

/**
 * The logged-in staff member if this page is for them (pages.js says which roles may use which page), with the
 * navigation showing what they may use; null when it is not: the browser goes to the login page, or the page says
 * in words that it is not for them and where their start page is.
 */
export async function requireStaff() {
  const me = await currentStaff();
  if (!me) {
    location.assign(`login.html?next=${encodeURIComponent(location.pathname.split('/').pop() + location.search)}`);
    return null;
  }
  const page = pageOf(location.href);
  if (!mayUse(page, me.roles)) {
    showNotForYou(me, page);
    return null;
  }
  showNavigation(me, page);
  return me;
}

/**
 * Opens a page about one part of a session (BOARD, MEDIA, HIGHLIGHTS, …) only for whom the session-staff policy lets
 * use it: the page's <main aria-busy="true"> stays hidden until the answer; a refusal leaves only the page's alert,
 * in the server's words (they name who can grant access), so nothing is drawn that cannot be used. Elements marked
 * data-part="MEDIA" (links to the session's other pages, hidden in the HTML) show when that part is the caller's too.
 * Resolves with { me, access }, or null when refused or not logged in. A page that explains a missing session its own
 * way passes onMissing: it is called with the 404 instead.
 */
export async function openSessionPart(sessionId, part, alert, onMissing = null) {
  const me = await requireStaff();
  if (!me) return null;
  const main = document.querySelector('main');
  try {
    if (!sessionId) throw new ApiError(404, { detail: t('staff.noSessionChosen') });
    const access = await api('GET', `api/sessions/${encodeURIComponent(sessionId)}/access`);
    if (!access.parts.includes(part)) throw new ApiError(403, { detail: access.refusals[part] });
    document.querySelectorAll('[data-part]').forEach((el) => { el.hidden = !access.parts.includes(el.dataset.part); });
    return { me, access };
  } catch (e) {
    if (e.status === 404 && onMissing) {
      onMissing(e);
      return null;
    }
    for (const child of main.children) child.hidden = child !== alert;
    alert.textContent = e.message;
    return null;
  } finally {
    main.removeAttribute('aria-busy');
  }
}

/**
 * Shows an error in a form: each field's message beside its input (found by name; its hint element is the one marked
 * data-error-for, or one made for it), tied to the input by aria-describedby and aria-invalid, and a summary of all
 * of them, in the order of the form, in the form's alert region. Focus goes to the first field at fault.
 */
export function showError(form, error) {
  clearErrors(form);
  const placed = [];
  const unplaced = [];
  for (const { field, message } of error.fieldErrors || []) {
    const inputs = inputsNamed(form, field);
    if (inputs.length) {
      const hint = hintFor(form, field, inputs);
      hint.textContent = message;
      for (const input of inputs) {
        input.setAttribute('aria-invalid', 'true');
        describedBy(input, hint.id);
      }
      placed.push({ input: inputs[0], message });
    } else {
      unplaced.push(message);
    }
  }
  placed.sort((a, b) => (a.input.compareDocumentPosition(b.input) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const messages = [...placed.map((p) => p.message), ...unplaced];
  const alert = form.querySelector('[role="alert"]');
  if (alert) {
    alert.textContent = !messages.length ? error.message
      : placed.length ? t('common.correctFields', { count: placed.length, messages: messages.join(' ') })
        : messages.join(' ');
  }
  if (placed.length) placed[0].input.focus();
}

function inputsNamed(form, field) {
  const named = form.elements.namedItem(field);
  if (!named) return [];
  return named instanceof RadioNodeList ? [...named] : [named];
}

/** The element that holds a field's message: the page's own, or one made after the input (or its label). */
function hintFor(form, field, inputs) {
  let hint = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
  if (!hint) {
    hint = document.createElement('p');
    hint.className = 'error';
    hint.dataset.errorFor = field;
    const last = inputs[inputs.length - 1];
    const anchor = inputs.length > 1 ? (last.closest('fieldset') || last) : (last.closest('label') || last);
    if (anchor.tagName === 'FIELDSET') anchor.append(hint); else anchor.after(hint);
  }
  if (!hint.id) hint.id = `${form.id || 'form'}-${field.replace(/[^\w-]/g, '_')}-error-${++hintCount}`;
  return hint;
}
let hintCount = 0;

function describedBy(input, id) {
  const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  if (!ids.includes(id)) input.setAttribute('aria-describedby', [...ids, id].join(' '));
}

export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = ''; });
  const alert = form.querySelector('[role="alert"]');
  if (alert) alert.textContent = '';
}

/** Disables a form's submit button while work is under way, and says so to screen readers. */
export async function whileBusy(form, work) {
  const button = form.querySelector('button[type="submit"]');
  if (button) { button.disabled = true; button.setAttribute('aria-busy', 'true'); }
  try {
    return await work();
  } finally {
    if (button) { button.disabled = false; button.removeAttribute('aria-busy'); }
  }
}

export async function logout() {
  try { await api('POST', 'api/auth/logout'); } finally { location.assign('login.html'); }
}

/** A local date-time input's value as an ISO instant, or null. */
export function instantFromLocal(value) {
  return value ? new Date(value).toISOString() : null;
}

/** An ISO instant as a local date-time input's value. */
export function localFromInstant(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatWhen(instant) {
  return instant ? new Date(instant).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** Where a trainee's phone keeps its participant token. */
export const PARTICIPANT_KEY = 'rounds.participant';
