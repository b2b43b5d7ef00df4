import { ApiError, PARTICIPANT_KEY } from './api.js';

const token = localStorage.getItem(PARTICIPANT_KEY);
const loading = document.getElementById('loading');

async function load() {
  if (!token) {
    location.replace('./');
    return;
  }
  const response = await fetch('api/participants/me', { headers: { 'Rounds-Participant': token, Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new ApiError(response.status, body);
  const { session, displayName } = body;
  document.getElementById('title').textContent = session.title;
  document.getElementById('facility').textContent = session.facility || '';
  document.getElementById('status').textContent = { SCHEDULED: 'not started yet', LIVE: 'live', ENDED: 'ended' }[session.status];
  document.getElementById('welcome').textContent = displayName ? `You joined as ${displayName}.` : 'You joined anonymously.';
  document.title = `${session.title} · Rounds`;
  loading.hidden = true;
  document.getElementById('session').hidden = false;
}

document.getElementById('leave').addEventListener('click', () => {
  localStorage.removeItem(PARTICIPANT_KEY);
  location.assign('./');
});

load().catch((e) => {
  loading.hidden = true;
  if (e.status === 401) localStorage.removeItem(PARTICIPANT_KEY);
  document.getElementById('problem').textContent = e.status === 401
    ? 'This device is no longer in a session. Join again with the session code.'
    : e.message;
});
