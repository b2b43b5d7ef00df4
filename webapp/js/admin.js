import { api, requireStaff, showError, clearErrors, whileBusy, logout, formatWhen } from './api.js';
import { t } from './i18n.js';

const ROLES = ['presenter', 'communicator', 'reviewer', 'admin'];
const form = document.getElementById('user-form');
const pageProblem = document.getElementById('page-problem');
const pageStatus = document.getElementById('page-status');

async function save(user, change) {
  pageProblem.textContent = '';
  try {
    await api('PUT', `api/users/${encodeURIComponent(user.username)}`, {
      displayName: user.displayName, roles: user.roles, enabled: user.enabled, ...change,
    });
    pageStatus.textContent = t('admin.saved', { username: user.username });
  } catch (e) {
    pageProblem.textContent = t('admin.userProblem', { username: user.username, message: e.message });
  }
  await render();
}

/** A button of a user's row, named with the user (label) so that each says whose account it changes. */
function rowButton(text, label, action) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  button.dataset.action = action;
  button.setAttribute('aria-label', label);
  return button;
}

function row(user) {
  const tr = document.createElement('tr');
  tr.dataset.username = user.username;
  const name = document.createElement('td');
  name.textContent = `${user.displayName} (${user.username})`;
  const roles = document.createElement('td');
  const group = document.createElement('fieldset');
  group.className = 'inline';
  const legend = document.createElement('legend');
  legend.className = 'visually-hidden';
  legend.textContent = t('admin.rolesOf', { username: user.username });
  group.append(legend);
  for (const role of ROLES) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = user.roles.includes(role);
    box.addEventListener('change', () => {
      const next = ROLES.filter((r) => (r === role ? box.checked : user.roles.includes(r)));
      save(user, { roles: next });
    });
    label.append(box, ` ${t(`admin.role.${role}`)}`);
    group.append(label);
  }
  roles.append(group);
  const account = document.createElement('td');
  const state = document.createElement('span');
  state.textContent = user.enabled ? t('admin.enabled') : t('admin.disabled');
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.textContent = user.enabled ? t('admin.disable') : t('admin.enable');
  toggle.setAttribute('aria-label', user.enabled ? t('admin.disableUser', { username: user.username })
    : t('admin.enableUser', { username: user.username }));
  toggle.addEventListener('click', () => save(user, { enabled: !user.enabled }));
  const rename = rowButton(t('admin.changeName'), t('admin.changeNameOf', { username: user.username }), 'rename');
  rename.addEventListener('click', () => openRename(user));
  const actions = document.createElement('div');
  actions.className = 'actions small';
  actions.append(toggle, rename);
  if (user.username === me?.username) {
    // an admin's own reset would log this very browser out: one's own password is changed under Your account
    const own = document.createElement('a');
    own.href = 'account.html';
    own.textContent = t('admin.changeOwnPassword');
    actions.append(own);
  } else {
    const reset = rowButton(t('admin.resetPassword'), t('admin.resetPasswordOf', { username: user.username }), 'reset');
    reset.addEventListener('click', () => openReset(user));
    actions.append(reset);
  }
  account.append(state, actions);
  tr.append(name, roles, account);
  return tr;
}

// --- changing a name and resetting a password: each in a dialog that says what will happen --------------------

const renameDialog = document.getElementById('rename-dialog');
const renameForm = document.getElementById('rename-form');
const resetDialog = document.getElementById('reset-dialog');
const resetForm = document.getElementById('reset-form');
let dialogUser = null;

function openRename(user) {
  dialogUser = user;
  renameForm.reset();
  clearErrors(renameForm);
  document.getElementById('rename-heading').textContent = t('admin.rename.headingNamed', { username: user.username });
  renameForm.elements.displayName.value = user.displayName === user.username ? '' : user.displayName;
  renameDialog.showModal();
  renameForm.elements.displayName.select();
}

function openReset(user) {
  dialogUser = user;
  resetForm.reset();
  clearErrors(resetForm);
  document.getElementById('reset-heading').textContent = t('admin.reset.headingNamed',
    { name: user.displayName, username: user.username });
  document.getElementById('reset-confirm').textContent = t('admin.reset.submitNamed', { username: user.username });
  resetDialog.showModal();
  resetForm.elements.password.focus();
}

/** Closes a dialog and puts the focus back on the button of the user's row that opened it (the rows are redrawn). */
function closeDialog(dialog, action) {
  dialog.close();
  const again = [...document.querySelectorAll('#users tr')].find((tr) => tr.dataset.username === dialogUser?.username);
  again?.querySelector(`[data-action="${action}"]`)?.focus();
}

for (const [dialog, action] of [[renameDialog, 'rename'], [resetDialog, 'reset']]) {
  dialog.querySelector('.close-dialog').addEventListener('click', () => closeDialog(dialog, action));
}

renameForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(renameForm);
  pageStatus.textContent = '';
  await whileBusy(renameForm, async () => {
    try {
      const user = dialogUser;
      const saved = await api('PUT', `api/users/${encodeURIComponent(user.username)}`, {
        displayName: renameForm.elements.displayName.value || null, roles: user.roles, enabled: user.enabled,
      });
      await render();
      closeDialog(renameDialog, 'rename');
      pageStatus.textContent = saved.displayName === saved.username
        ? t('admin.rename.noName', { username: saved.username })
        : t('admin.rename.done', { username: saved.username, name: saved.displayName });
    } catch (e) {
      showError(renameForm, e);
    }
  });
});

resetForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(resetForm);
  pageStatus.textContent = '';
  const f = resetForm.elements;
  if (f.password.value !== f.repeated.value) {
    showError(resetForm, { fieldErrors: [{ field: 'repeated', message: t('admin.reset.differ') }] });
    return;
  }
  await whileBusy(resetForm, async () => {
    try {
      const user = dialogUser;
      await api('PUT', `api/users/${encodeURIComponent(user.username)}/password`, { password: f.password.value });
      resetForm.reset();
      closeDialog(resetDialog, 'reset');
      pageStatus.textContent = t('admin.reset.done', { username: user.username });
    } catch (e) {
      showError(resetForm, e);
    }
  });
});

/**
 * How many rows the table draws at once: a hospital's hundreds of staff are found by typing part of a name, user
 * name or role, not by scrolling (and a page of hundreds of rows of controls is slow for every reader).
 */
const SHOWN_AT_MOST = 50;
const filter = document.getElementById('user-filter');
let users = [];

function showUsers() {
  const typed = filter.value.trim();
  const query = typed.toLowerCase();
  const matching = users.filter((u) => !query
    || `${u.username} ${u.displayName} ${u.roles.join(' ')}`.toLowerCase().includes(query));
  document.getElementById('users').replaceChildren(...matching.slice(0, SHOWN_AT_MOST).map(row));
  document.getElementById('users-shown').textContent = !matching.length ? t('admin.filter.none', { query: typed })
    : matching.length > SHOWN_AT_MOST ? t('admin.filter.firstOf', { shown: SHOWN_AT_MOST, count: matching.length })
      : t('admin.filter.count', { count: matching.length });
}

filter.addEventListener('input', showUsers);

async function render() {
  users = await api('GET', 'api/users');
  showUsers();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  await whileBusy(form, async () => {
    try {
      const f = form.elements;
      const created = await api('POST', 'api/users', {
        username: f.username.value,
        displayName: f.displayName.value || null,
        password: f.password.value,
        roles: [...form.querySelectorAll('input[name="roles"]:checked')].map((b) => b.value),
      });
      form.reset();
      pageStatus.textContent = t('admin.added', { username: created.username });
      filter.value = created.username; // the new row in view, whoever else there is
      await render();
    } catch (e) {
      showError(form, e);
    }
  });
});

document.getElementById('logout').addEventListener('click', logout);

async function renderAudit() {
  const entries = await api('GET', 'api/audit?limit=50');
  document.getElementById('audit').replaceChildren(...entries.map((e) => {
    const tr = document.createElement('tr');
    for (const text of [e.seq, formatWhen(e.recordedAt), e.actor, e.action, `${e.subjectType} ${e.subjectId}`]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    tr.title = e.detail || '';
    return tr;
  }));
}

document.getElementById('verify-audit').addEventListener('click', async () => {
  const result = document.getElementById('audit-result');
  result.textContent = t('admin.verifying');
  try {
    const v = await api('GET', 'api/audit/verification');
    result.textContent = v.intact
      ? t('admin.intact', { count: v.entriesChecked })
      : t('admin.broken', { seq: String(v.firstBrokenSeq), problem: v.problem, count: v.entriesChecked });
    result.classList.toggle('error', !v.intact);
  } catch (e) {
    result.textContent = e.message;
  }
});

const me = await requireStaff().catch((e) => { pageProblem.textContent = e.message; });
if (me) {
  await render().catch((e) => { pageProblem.textContent = e.message; });
  await renderAudit().catch((e) => { pageProblem.textContent = e.message; });
}
