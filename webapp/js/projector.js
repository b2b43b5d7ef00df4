import { api, requireStaff } from './api.js';

const problem = document.getElementById('problem');

async function show() {
  const id = new URLSearchParams(location.search).get('id');
  if (!(await requireStaff(['presenter', 'communicator', 'admin']))) return;
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
}

document.getElementById('fullscreen').addEventListener('click', () => {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen?.();
});

show().catch((e) => { problem.textContent = e.message; });
