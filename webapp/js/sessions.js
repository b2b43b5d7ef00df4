import { api, requireStaff, showError, clearErrors, whileBusy, logout, instantFromLocal, localFromInstant, formatWhen } from './api.js';

const form = document.getElementById('session-form');
const list = document.getElementById('sessions');
const pageProblem = document.getElementById('page-problem');
const pageStatus = document.getElementById('page-status');
const STATUS_TEXT = { SCHEDULED: 'Scheduled', LIVE: 'Live', ENDED: 'Ended' };

function requestBody() {
  const f = form.elements;
  return {
    title: f.title.value,
    facility: f.facility.value || null,
    description: f.description.value || null,
    hashtag: f.hashtag.value || null,
    scheduledStart: instantFromLocal(f.scheduledStart.value),
    scheduledEnd: instantFromLocal(f.scheduledEnd.value),
    moderationMode: f.moderationMode.value,
    otherPosts: f.otherPosts.value,
  };
}

function editSession(session) {
  const f = form.elements;
  f.id.value = session.id;
  f.title.value = session.title;
  f.facility.value = session.facility || '';
  f.description.value = session.description || '';
  f.hashtag.value = session.hashtag ? `#${session.hashtag}` : '';
  f.scheduledStart.value = localFromInstant(session.scheduledStart);
  f.scheduledEnd.value = localFromInstant(session.scheduledEnd);
  f.moderationMode.value = session.moderationMode;
  f.otherPosts.value = session.otherPosts;
  document.getElementById('form-heading').textContent = `Edit “${session.title}”`;
  document.getElementById('save').textContent = 'Save changes';
  document.getElementById('cancel-edit').hidden = false;
  f.title.focus();
}

function resetForm() {
  form.reset();
  form.elements.id.value = '';
  clearErrors(form);
  document.getElementById('form-heading').textContent = 'Schedule a session';
  document.getElementById('save').textContent = 'Schedule session';
  document.getElementById('cancel-edit').hidden = true;
}

async function act(work) {
  pageProblem.textContent = '';
  try {
    await work();
    await render();
  } catch (e) {
    pageProblem.textContent = e.message;
  }
}

function card(session) {
  const item = document.getElementById('session-card').content.firstElementChild.cloneNode(true);
  item.querySelector('.card-title').textContent = session.title;
  item.querySelector('.card-meta').textContent = [session.facility, formatWhen(session.scheduledStart),
    session.hashtag ? `#${session.hashtag}` : null].filter(Boolean).join(' · ');
  item.querySelector('.code').textContent = session.joinCode;
  item.querySelector('.status').textContent = STATUS_TEXT[session.status];
  const boardLink = item.querySelector('.board');
  boardLink.href = `board.html?id=${encodeURIComponent(session.id)}`;
  boardLink.setAttribute('aria-label', `Live board of ${session.title}`);
  const media = item.querySelector('.media');
  media.href = `media.html?id=${encodeURIComponent(session.id)}`;
  media.setAttribute('aria-label', `Media of ${session.title}`); // starts with what it shows, for voice control
  const highlights = item.querySelector('.highlights');
  highlights.href = `highlights.html?session=${encodeURIComponent(session.id)}`;
  highlights.setAttribute('aria-label', `Highlights of ${session.title}`);
  const projector = item.querySelector('.projector');
  projector.href = `projector.html?id=${encodeURIComponent(session.id)}`;
  projector.setAttribute('aria-label', `Show join code of ${session.title}`);
  const ended = session.status === 'ENDED';
  const edit = item.querySelector('.edit');
  const start = item.querySelector('.start');
  const end = item.querySelector('.end');
  edit.hidden = ended;
  start.hidden = session.status !== 'SCHEDULED';
  end.hidden = ended;
  projector.hidden = ended;
  for (const [button, label] of [[edit, 'Edit'], [start, 'Go live with'], [end, 'End session']]) {
    button.setAttribute('aria-label', `${label} ${session.title}`);
  }
  edit.addEventListener('click', () => editSession(session));
  start.addEventListener('click', () => act(() => api('POST', `api/sessions/${session.id}/start`)));
  end.addEventListener('click', () => {
    if (confirm(`End “${session.title}” for good? Trainees can no longer join or ask.`)) {
      act(() => api('POST', `api/sessions/${session.id}/end`));
    }
  });
  return item;
}

async function render() {
  const sessions = await api('GET', 'api/sessions');
  list.replaceChildren(...sessions.map(card));
  document.getElementById('empty').hidden = sessions.length > 0;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  await whileBusy(form, async () => {
    try {
      const id = form.elements.id.value;
      const saved = id
        ? await api('PUT', `api/sessions/${id}`, requestBody())
        : await api('POST', 'api/sessions', requestBody());
      resetForm();
      await render();
      pageStatus.textContent = id ? `Saved “${saved.title}”.` : `Scheduled “${saved.title}”: join code ${saved.joinCode}.`;
    } catch (e) {
      showError(form, e);
    }
  });
});

document.getElementById('cancel-edit').addEventListener('click', resetForm);
document.getElementById('logout').addEventListener('click', logout);

const me = await requireStaff(['presenter', 'communicator', 'admin']).catch((e) => { pageProblem.textContent = e.message; });
if (me) {
  document.getElementById('who').textContent = me.displayName;
  document.getElementById('admin-link').hidden = !me.roles.includes('admin');
  await render().catch((e) => { pageProblem.textContent = e.message; });
}
