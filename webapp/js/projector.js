import { api, requireStaff } from './api.js';
import { connectBoard } from './board.js';

const problem = document.getElementById('problem');
const SHOWN = 6;

function renderQuestions(state) {
  const shown = state.sorted('votes', (q) => !q.answered).slice(0, SHOWN);
  document.getElementById('projector-questions').replaceChildren(...shown.map((q) => {
    const li = document.createElement('li');
    li.className = q.pinned ? 'pinned' : '';
    const text = document.createElement('p');
    text.className = 'projector-question';
    text.textContent = q.text;
    const meta = document.createElement('p');
    meta.className = 'projector-votes';
    meta.textContent = `${q.pinned ? 'Pinned · ' : ''}${q.votes} ${q.votes === 1 ? 'vote' : 'votes'}`;
    li.append(text, meta);
    return li;
  }));
  document.getElementById('projector-empty').hidden = shown.length > 0;
  if (state.session) document.getElementById('session-title').textContent = state.session.title;
}

async function show() {
  const id = new URLSearchParams(location.search).get('id');
  if (!(await requireStaff())) return;
  const session = await api('GET', `api/sessions/${encodeURIComponent(id || '')}`);
  const joinUrl = new URL(session.joinUrl);
  document.getElementById('session-title').textContent = session.title;
  document.getElementById('session-facility').textContent = session.facility || '';
  document.getElementById('join-host').textContent = joinUrl.host;
  document.getElementById('join-code').textContent = session.joinCode;
  document.getElementById('join-code').setAttribute('aria-label', `Join code ${session.joinCode.split('').join(' ')}`);
  document.getElementById('hashtag').textContent = session.hashtag ? `On Mastodon or Bluesky: #${session.hashtag}` : '';
  const qr = document.getElementById('qr');
  qr.src = session.qrCodeUrl;
  qr.alt = `QR code linking to ${session.joinUrl}`;
  document.title = `${session.joinCode} · ${session.title}`;
  document.getElementById('join').hidden = false;
  connectBoard(`ws/public/${encodeURIComponent(session.joinCode.replace('-', ''))}`, (frame, state) => renderQuestions(state),
    (text, connected) => { document.getElementById('connection').textContent = connected ? '' : text; });
}

document.getElementById('fullscreen').addEventListener('click', () => {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen?.();
});

show().catch((e) => { problem.textContent = e.message; });
