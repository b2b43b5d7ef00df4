import { api, requireStaff, uploadFile, showError, clearErrors, whileBusy } from './api.js';

// The session's media library: several files at once, each with its own progress bar, then the thumbnails.
const sessionId = new URLSearchParams(location.search).get('id') || '';
const problem = document.getElementById('problem');
const form = document.getElementById('upload');

function describeItem(item) {
  const size = item.sizeBytes > 1024 * 1024 ? `${(item.sizeBytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.round(item.sizeBytes / 1024)} KB`;
  const dimensions = item.width ? `${item.width}×${item.height}` : '';
  const duration = item.durationMillis ? `${Math.round(item.durationMillis / 1000)} s` : '';
  const metadata = item.metadata === 'REMOVED' ? 'metadata removed' : 'metadata kept: check before publishing';
  const publishable = item.publishable ? 'publishable'
    : `not publishable: ${item.unpublishableReasons.join('; ')}`;
  return [item.fileName, item.kind === 'PHOTO' ? 'photo' : 'video', dimensions, duration, size, metadata, publishable]
    .filter(Boolean).join(' · ');
}

function card(item) {
  const li = document.getElementById('media-card').content.firstElementChild.cloneNode(true);
  li.dataset.id = item.id;
  const image = li.querySelector('.thumbnail');
  if (item.smallUrl) {
    image.src = item.smallUrl;
    image.alt = item.altText || `Photo ${item.fileName || ''} (no alt text yet)`;
  } else {
    image.replaceWith(Object.assign(document.createElement('p'), { className: 'video-badge', textContent: '▶ Video' }));
  }
  li.querySelector('.media-meta').textContent = describeItem(item);
  const describe = li.querySelector('.describe');
  for (const field of ['caption', 'altText', 'photographer', 'tags']) describe.elements[field].value = item[field] || '';
  describe.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(describe);
    const body = Object.fromEntries(['caption', 'altText', 'photographer', 'tags']
      .map((field) => [field, describe.elements[field].value.trim() || null]));
    try {
      await whileBusy(describe, () => api('PUT', `api/sessions/${sessionId}/media/${item.id}`, body));
      refresh();
    } catch (e) {
      showError(describe, e);
    }
  });
  return li;
}

async function refresh() {
  const items = await api('GET', `api/sessions/${sessionId}/media`);
  document.getElementById('media').replaceChildren(...items.map(card));
  document.getElementById('media-count').textContent = `(${items.length})`;
  document.getElementById('media-empty').hidden = items.length > 0;
}

async function uploadOne(file) {
  const row = document.getElementById('upload-row').content.firstElementChild.cloneNode(true);
  row.querySelector('.upload-name').textContent = file.name;
  const bar = row.querySelector('progress');
  bar.setAttribute('aria-label', `Upload of ${file.name}`);
  const status = row.querySelector('.upload-status');
  status.textContent = 'Uploading…';
  document.getElementById('uploads').append(row);
  try {
    await uploadFile(`api/sessions/${sessionId}/media?name=${encodeURIComponent(file.name)}`, file, (share) => {
      bar.value = share;
      status.textContent = share < 1 ? `${Math.round(share * 100)} %` : 'Processing…';
    });
    bar.value = 1;
    status.textContent = 'Done';
    row.classList.add('done');
  } catch (e) {
    status.textContent = `Not uploaded: ${e.message}`;
    row.classList.add('failed');
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const files = [...form.elements.files.files];
  if (!files.length) return;
  await whileBusy(form, () => Promise.all(files.map(uploadOne)));
  form.reset();
  refresh();
});

(async () => {
  try {
    if (!(await requireStaff(['presenter', 'communicator', 'admin']))) return;
    document.getElementById('board-link').href = `board.html?id=${encodeURIComponent(sessionId)}`;
    const session = await api('GET', `api/sessions/${sessionId}`);
    document.getElementById('title').textContent = `Media · ${session.title}`;
    document.title = `${session.title} · Media · Rounds`;
    await refresh();
  } catch (e) {
    problem.textContent = e.message;
  }
})();
