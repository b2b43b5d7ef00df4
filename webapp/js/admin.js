import { api, requireStaff, showError, clearErrors, whileBusy, logout, formatWhen } from './api.js';

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
    pageStatus.textContent = `Saved ${user.username}.`;
  } catch (e) {
    pageProblem.textContent = `${user.username}: ${e.message}`;
  }
  await render();
}

function row(user) {
  const tr = document.createElement('tr');
  const name = document.createElement('td');
  name.textContent = `${user.displayName} (${user.username})`;
  const roles = document.createElement('td');
  const group = document.createElement('fieldset');
  group.className = 'inline';
  const legend = document.createElement('legend');
  legend.className = 'visually-hidden';
  legend.textContent = `Roles of ${user.username}`;
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
    label.append(box, ` ${role}`);
    group.append(label);
  }
  roles.append(group);
  const account = document.createElement('td');
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.textContent = user.enabled ? 'Disable' : 'Enable';
  toggle.setAttribute('aria-label', `${user.enabled ? 'Disable' : 'Enable'} ${user.username}`);
  toggle.addEventListener('click', () => save(user, { enabled: !user.enabled }));
  account.append(user.enabled ? 'Enabled ' : 'Disabled ', toggle);
  tr.append(name, roles, account);
  return tr;
}

async function render() {
  const users = await api('GET', 'api/users');
  document.getElementById('users').replaceChildren(...users.map(row));
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
      pageStatus.textContent = `Added ${created.username}.`;
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
  result.textContent = 'Verifying…';
  try {
    const v = await api('GET', 'api/audit/verification');
    result.textContent = v.intact
      ? `Intact: ${v.entriesChecked} entries checked, each carrying the hash of the one before.`
      : `BROKEN at entry ${v.firstBrokenSeq}: ${v.problem}. ${v.entriesChecked} entries before it are intact.`;
    result.classList.toggle('error', !v.intact);
  } catch (e) {
    result.textContent = e.message;
  }
});

const me = await requireStaff(['admin']).catch((e) => { pageProblem.textContent = e.message; });
if (me) {
  document.getElementById('who').textContent = me.displayName;
  await render().catch((e) => { pageProblem.textContent = e.message; });
  await renderAudit().catch((e) => { pageProblem.textContent = e.message; });
}
