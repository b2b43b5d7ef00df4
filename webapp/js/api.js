// One way for the pages to talk to the API: JSON in and out, the CSRF token on every change,
// and problem+json answers turned into an ApiError that names the fields at fault.

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
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
    request.addEventListener('error', () => reject(new ApiError(0, { detail: 'The connection was lost.' })));
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

/** Sends the browser to the login page unless a staff member with one of the roles is logged in. */
export async function requireStaff(roles) {
  const me = await currentStaff();
  if (!me) {
    location.assign(`login.html?next=${encodeURIComponent(location.pathname.split('/').pop() + location.search)}`);
    return null;
  }
  if (roles && !roles.some((r) => me.roles.includes(r))) {
    throw new ApiError(403, { detail: `This page needs one of the roles: ${roles.join(', ')}.` });
  }
  return me;
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
      : placed.length > 1 ? `Please correct ${placed.length} fields: ${messages.join(' ')}`
        : placed.length ? `Please correct the marked field: ${messages.join(' ')}` : messages.join(' ');
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
