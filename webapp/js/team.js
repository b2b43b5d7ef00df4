import { api, clearErrors, showError, whileBusy } from './api.js';
import { t, tPieces } from './i18n.js';

// A session's team on its card on the Sessions page: who owns it and who helps, with their role; its owner (or an
// admin) adds staff by user name, changes their role and removes them. Self-contained: the card only appends it.

const ROLES = ['CO_PRESENTER', 'COMMUNICATOR'];
const ROLE_TEXT = Object.fromEntries(ROLES.map((role) => [role, t(`team.role.${role}`)]));
/** In a member's row, where a card is narrow: what each role covers is said in the form below. */
const ROLE_SHORT = Object.fromEntries(ROLES.map((role) => [role, t(`team.roleShort.${role}`)]));
/** Answers about the person typed, shown beside the user name field rather than above the form. */
const ABOUT_THE_PERSON = ['user-not-found', 'team-owner', 'team-role-not-held'];

let panels = 0;

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

function roleSelect(id, value, texts = ROLE_TEXT) {
  const select = element('select', { id, name: 'role' });
  for (const [role, text] of Object.entries(texts)) {
    select.append(element('option', { value: role, textContent: text, selected: role === value }));
  }
  return select;
}

/** The team panel of one session (from GET api/sessions: its id, title and what the caller may do). */
export function teamPanel(session) {
  const n = ++panels;
  const manages = session.access?.parts?.includes('MANAGE');
  const path = `api/sessions/${encodeURIComponent(session.id)}/team`;
  const summaryCount = element('span', { className: 'team-count' });
  const panel = element('details', { className: 'team' },
    element('summary', {}, t('team.heading'), summaryCount));
  const owner = element('p', { className: 'team-owner' });
  const members = element('ul', { className: 'team-members' });
  const status = element('p', { className: 'status-message' });
  status.setAttribute('role', 'status');
  const problem = element('p', { className: 'alert' });
  problem.setAttribute('role', 'alert');
  panel.append(owner, members, problem, status);

  function say(text) {
    problem.textContent = '';
    status.textContent = text;
  }

  function fail(e) {
    status.textContent = '';
    problem.textContent = e.message;
  }

  function memberRow(member) {
    const li = element('li', { className: 'team-member' });
    const who = element('p', { className: 'team-name' }, element('strong', { textContent: member.displayName }),
      element('span', { className: 'muted', textContent: ` (${member.username})` }));
    li.append(who);
    if (!manages) {
      li.append(element('p', { className: 'muted team-role', textContent: ROLE_TEXT[member.role] }));
      return li;
    }
    const selectId = `team-${n}-role-${member.username}`;
    const select = roleSelect(selectId, member.role, ROLE_SHORT);
    const label = element('label', { htmlFor: selectId, className: 'visually-hidden',
      textContent: t('team.roleOf', { name: member.displayName, title: session.title }) });
    select.addEventListener('change', async () => {
      const next = select.value;
      select.disabled = true;
      try {
        await api('PUT', `${path}/${encodeURIComponent(member.username)}`, { role: next });
        member.role = next;
        say(t(`team.nowRole.${next}`, { name: member.displayName }));
      } catch (e) {
        select.value = member.role;
        fail(e);
      } finally {
        select.disabled = false;
      }
    });
    const remove = element('button', { type: 'button', textContent: t('team.remove') });
    remove.setAttribute('aria-label', t('team.removeLabel', { name: member.displayName, title: session.title }));
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      try {
        await api('DELETE', `${path}/${encodeURIComponent(member.username)}`);
        await refresh();
        say(t('team.removed', { name: member.displayName }));
        addForm?.elements.username.focus();
      } catch (e) {
        remove.disabled = false;
        fail(e);
      }
    });
    li.append(label, element('div', { className: 'team-member-actions' }, select, remove));
    return li;
  }

  async function refresh() {
    const team = await api('GET', path);
    // "Owner: {owner}": the name in bold (and the user name) wherever a language's sentence puts it
    const who = () => [element('strong', { textContent: team.owner }),
      team.ownerUsername ? element('span', { className: 'muted', textContent: ` (${team.ownerUsername})` }) : ''];
    owner.replaceChildren(...tPieces('team.owner', { owner: who }));
    members.replaceChildren(...team.members.map(memberRow));
    if (!team.members.length) {
      members.append(element('li', { className: 'muted', textContent: manages
        ? t('team.noOneYet') : t('team.noOne') }));
    }
    summaryCount.textContent = ` · ${t('team.people', { count: team.members.length + 1 })}`;
  }

  let addForm = null;
  if (manages) {
    const userId = `team-${n}-username`;
    const roleId = `team-${n}-role`;
    addForm = element('form', { className: 'team-add', noValidate: true });
    const username = element('input', { id: userId, name: 'username', autocomplete: 'off', spellcheck: false,
      required: true, maxLength: 64 });
    username.setAttribute('autocapitalize', 'none');
    username.setAttribute('aria-describedby', `${userId}-hint ${userId}-error`);
    const role = roleSelect(roleId, 'CO_PRESENTER');
    role.setAttribute('aria-describedby', `${roleId}-error`);
    addForm.append(
      element('h4', { textContent: t('team.add.heading') }),
      element('div', { className: 'field' },
        element('label', { htmlFor: userId, textContent: t('team.add.username') }), username,
        element('p', { id: `${userId}-hint`, className: 'hint', textContent: t('team.add.usernameHint') }),
        element('p', { id: `${userId}-error`, className: 'error' })),
      element('div', { className: 'field' },
        element('label', { htmlFor: roleId, textContent: t('team.add.role') }), role,
        element('p', { id: `${roleId}-error`, className: 'error' })),
      element('p', { className: 'alert' }),
      element('div', { className: 'actions' }, element('button', { type: 'submit', className: 'primary',
        textContent: t('team.add.submit') })));
    addForm.querySelector(`#${userId}-error`).dataset.errorFor = 'username';
    addForm.querySelector(`#${roleId}-error`).dataset.errorFor = 'role';
    addForm.querySelector('.alert').setAttribute('role', 'alert');
    addForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(addForm);
      say('');
      const typed = username.value.trim();
      if (!typed) {
        showError(addForm, { fieldErrors: [{ field: 'username', message: t('team.add.usernameMissing') }] });
        return;
      }
      await whileBusy(addForm, async () => {
        try {
          const placed = await api('PUT', `${path}/${encodeURIComponent(typed)}`, { role: role.value });
          addForm.reset();
          await refresh();
          say(t(`team.added.${placed.role}`, { name: placed.displayName }));
          username.focus();
        } catch (e) {
          const type = (e.problem?.type || '').split(':').pop();
          showError(addForm, ABOUT_THE_PERSON.includes(type)
            ? { fieldErrors: [{ field: 'username', message: e.message }] } : e);
        }
      });
    });
    panel.append(addForm);
  }

  // read when opened, not with the list: one request per card would slow a long list down
  panel.addEventListener('toggle', () => {
    if (panel.open) refresh().catch(fail);
  });
  return panel;
}
