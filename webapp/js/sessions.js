import { api, getIfChanged, requireStaff, showError, clearErrors, whileBusy, logout, instantFromLocal, localFromInstant, formatWhen } from './api.js';
import { teamPanel } from './team.js';
import { t, tPieces, translate } from './i18n.js';

const form = document.getElementById('session-form');
const list = document.getElementById('sessions');
const pageProblem = document.getElementById('page-problem');
const pageStatus = document.getElementById('page-status');
/** The team roles a card names ("You are co-presenter · owner: …"): sessions.team.<relation>. */
const TEAM_ROLES = ['CO_PRESENTER', 'COMMUNICATOR'];
const listProblem = document.getElementById('list-problem');

/**
 * The list follows changes made elsewhere (a session started from the board or by a colleague) by asking again every
 * few seconds while the page is visible, with the ETag of what it shows: the server answers 304 while nothing changed,
 * so a quiet list costs one small request and no redraw (focus stays where the keyboard left it). Polling rather than
 * a staff WebSocket: the list changes a few times a day, not many times a second; GET api/sessions already applies who
 * may see which session, where a stream would need that rule again; and nothing stays open for proxies to cut.
 */
const POLL_MILLIS = 5000;

/** What the filter buttons show: all sessions, those live or to come, or those over. */
const SHOWN = {
  all: { test: () => true, empty: t('sessions.empty.all') },
  current: { test: (s) => s.status !== 'ENDED', empty: t('sessions.empty.current') },
  ended: { test: (s) => s.status === 'ENDED', empty: t('sessions.empty.ended') },
};

/**
 * The legend of the hashtag-posts choice: its message holds {question} and {feedback} where the page shows the
 * hashtags to type as code, so the words come from the bundle and the samples stay <code>.
 */
function otherPostsLegend() {
  const code = (text) => Object.assign(document.createElement('code'), { textContent: text });
  document.getElementById('other-posts-legend').replaceChildren(...tPieces('sessions.otherPosts.legend',
    { question: code('#q'), feedback: code('#feedback 4/5') }));
}

/** The list as last answered, and its ETag; null until the first answer. */
let shown = null;
const asked = new URLSearchParams(location.search).get('show');
let show = Object.hasOwn(SHOWN, asked) ? asked : 'all';
let pollTimer = null;

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
  document.getElementById('form-heading').textContent = t('sessions.editHeading', { title: session.title });
  document.getElementById('save').textContent = t('sessions.saveChanges');
  document.getElementById('cancel-edit').hidden = false;
  f.title.focus();
}

function resetForm() {
  form.reset();
  form.elements.id.value = '';
  clearErrors(form);
  document.getElementById('form-heading').textContent = t('sessions.scheduleHeading');
  document.getElementById('save').textContent = t('sessions.schedule');
  document.getElementById('cancel-edit').hidden = true;
}

/** Runs a change to one session; the banner then says what this change did, never what an earlier one did. */
async function act(work, done) {
  pageProblem.textContent = '';
  pageStatus.textContent = '';
  try {
    const session = await work();
    pageStatus.textContent = done(session);
    await refresh();
  } catch (e) {
    pageProblem.textContent = e.message;
  }
}

/** Where a session stands, in words: "Live since 09:12", "Starts 5 Dec 2026, 14:00", "Ended 4 Dec 2026, 11:30". */
function statusText(session) {
  switch (session.status) {
    case 'LIVE': return t('sessions.status.LIVE', { when: formatWhen(session.startedAt) });
    case 'ENDED': return t('sessions.status.ENDED', { when: formatWhen(session.endedAt) });
    default: return session.scheduledStart ? t('sessions.status.SCHEDULED', { when: formatWhen(session.scheduledStart) })
      : t('sessions.status.unscheduled');
  }
}

function card(session) {
  const item = document.getElementById('session-card').content.firstElementChild.cloneNode(true);
  translate(item);
  const title = { title: session.title };
  item.dataset.sessionId = session.id;
  item.dataset.status = session.status;
  item.querySelector('.card-title').textContent = session.title;
  item.querySelector('.card-meta').textContent = [session.facility,
    session.hashtag ? `#${session.hashtag}` : null].filter(Boolean).join(' · ');
  item.querySelector('.code').textContent = session.joinCode;
  item.querySelector('.status').textContent = statusText(session);
  const boardLink = item.querySelector('.board');
  boardLink.href = `board.html?id=${encodeURIComponent(session.id)}`;
  boardLink.setAttribute('aria-label', t('sessions.card.boardLabel', title));
  const media = item.querySelector('.media');
  media.href = `media.html?id=${encodeURIComponent(session.id)}`;
  media.setAttribute('aria-label', t('sessions.card.mediaLabel', title)); // starts with what it shows, for voice control
  const highlights = item.querySelector('.highlights');
  highlights.href = `highlights.html?session=${encodeURIComponent(session.id)}`;
  highlights.setAttribute('aria-label', t('sessions.card.highlightsLabel', title));
  const report = item.querySelector('.report');
  report.href = `report.html?id=${encodeURIComponent(session.id)}`;
  report.setAttribute('aria-label', t('sessions.card.reportLabel', title));
  const projector = item.querySelector('.projector');
  projector.href = `projector.html?id=${encodeURIComponent(session.id)}`;
  projector.setAttribute('aria-label', t('sessions.card.projectorLabel', title));
  const ended = session.status === 'ENDED';
  const edit = item.querySelector('.edit');
  const start = item.querySelector('.start');
  const end = item.querySelector('.end');
  // only what the session-staff policy lets this person use of the session
  const may = (part) => session.access.parts.includes(part);
  boardLink.hidden = !may('BOARD');
  media.hidden = !may('MEDIA');
  highlights.hidden = !may('HIGHLIGHTS');
  edit.hidden = ended || !may('MANAGE');
  start.hidden = session.status !== 'SCHEDULED' || !may('BOARD');
  end.hidden = ended || !may('BOARD');
  projector.hidden = ended || !may('BOARD');
  const relation = session.access.relation;
  if (TEAM_ROLES.includes(relation)) {
    const meta = item.querySelector('.card-meta');
    if (meta.textContent) meta.append(document.createElement('br'));
    meta.append(t(`sessions.team.${relation}`, { owner: session.access.owner }));
  }
  item.append(teamPanel(session));
  edit.setAttribute('aria-label', t('sessions.card.editLabel', title));
  start.setAttribute('aria-label', t('sessions.card.startLabel', title));
  end.setAttribute('aria-label', t('sessions.card.endLabel', title));
  edit.addEventListener('click', () => editSession(session));
  start.addEventListener('click', () => act(() => api('POST', `api/sessions/${session.id}/start`),
    (live) => t('sessions.wentLive', { title: live.title, code: live.joinCode })));
  end.addEventListener('click', () => {
    if (confirm(t('sessions.endConfirm', title))) {
      act(() => api('POST', `api/sessions/${session.id}/end`), (over) => t('sessions.ended', { title: over.title }));
    }
  });
  return item;
}

/** Draws the list as the server ordered it, filtered; the keyboard focus stays on the same control of the same card. */
function draw() {
  if (!shown) return;
  const focused = document.activeElement?.closest('#sessions .card') ? document.activeElement : null;
  const focusedCard = focused?.closest('.card').dataset.sessionId;
  const focusedControl = focused ? ['board', 'projector', 'media', 'highlights', 'report', 'edit', 'start',
    'end']
    .find((name) => focused.classList.contains(name)) : null;
  const sessions = shown.sessions.filter(SHOWN[show].test);
  list.replaceChildren(...sessions.map(card));
  const empty = document.getElementById('empty');
  empty.textContent = SHOWN[show].empty;
  empty.hidden = sessions.length > 0;
  if (focusedCard) {
    const again = [...list.children].find((item) => item.dataset.sessionId === focusedCard);
    const control = again?.querySelector(`.${focusedControl}`);
    // a button that no longer applies (Go live, once live) hands the focus to the card's board link
    (control && !control.hidden ? control : again?.querySelector('.board') || document.getElementById('list-heading'))
      .focus();
  }
}

async function refresh() {
  const answer = await getIfChanged('api/sessions', shown?.etag);
  if (answer) {
    shown = { etag: answer.etag, sessions: answer.body };
    draw();
  }
}

async function poll() {
  clearTimeout(pollTimer);
  try {
    await refresh();
    listProblem.textContent = '';
  } catch (e) {
    if (e.status === 401) {
      listProblem.textContent = t('sessions.loggedOut');
      return;
    }
    listProblem.textContent = t('sessions.updateFailed', { message: e.message });
  }
  if (document.visibilityState === 'visible') pollTimer = setTimeout(poll, POLL_MILLIS);
}

function showOnly(choice) {
  show = choice;
  for (const button of document.querySelectorAll('[data-show]')) {
    button.setAttribute('aria-pressed', String(button.dataset.show === choice));
  }
  const url = new URL(location.href);
  if (choice === 'all') url.searchParams.delete('show'); else url.searchParams.set('show', choice);
  history.replaceState(null, '', url);
  draw();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  pageStatus.textContent = '';
  await whileBusy(form, async () => {
    try {
      const id = form.elements.id.value;
      const saved = id
        ? await api('PUT', `api/sessions/${id}`, requestBody())
        : await api('POST', 'api/sessions', requestBody());
      resetForm();
      pageStatus.textContent = id ? t('sessions.saved', { title: saved.title })
        : t('sessions.scheduled', { title: saved.title, code: saved.joinCode });
      await refresh();
    } catch (e) {
      showError(form, e);
    }
  });
});

otherPostsLegend();
document.getElementById('cancel-edit').addEventListener('click', resetForm);
document.getElementById('logout').addEventListener('click', logout);
for (const button of document.querySelectorAll('[data-show]')) {
  button.addEventListener('click', () => showOnly(button.dataset.show));
}

const me = await requireStaff().catch((e) => { pageProblem.textContent = e.message; });
if (me) {
  showOnly(show);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') poll(); else clearTimeout(pollTimer);
  });
  await poll();
}
