import { api, openSessionPart, uploadFile, showError, clearErrors, whileBusy } from './api.js';

// The session's media library: several files at once, each with its own progress bar, then the thumbnails.
const sessionId = new URLSearchParams(location.search).get('id') || '';
const problem = document.getElementById('problem');
const form = document.getElementById('upload');

function describeItem(item) {
  const size = item.sizeBytes > 1024 * 1024 ? `${(item.sizeBytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.round(item.sizeBytes / 1024)} KB`;
  const dimensions = item.width ? `${item.width}×${item.height}` : '';
  const duration = item.durationMillis ? `${Math.round(item.durationMillis / 1000)} s` : '';
  const metadata = item.metadata === 'REMOVED' ? 'metadata removed' : 'hidden metadata kept';
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
  consentSection(li, item);
  return li;
}

const RELATIONS = { STAFF: 'staff', TRAINEE: 'trainee', PATIENT: 'patient', VISITOR: 'visitor' };

/** Who is pictured and what they agreed to; withdrawing is one button, as easy as granting. */
function consentSection(li, item) {
  const base = `api/sessions/${sessionId}/media/${item.id}`;
  const noPeople = li.querySelector('.no-people');
  noPeople.checked = item.noIdentifiablePeople;
  noPeople.addEventListener('change', () => change(() => api('PUT', `${base}/people`,
    { noIdentifiablePeople: noPeople.checked })));
  li.querySelector('.consents').replaceChildren(...item.consents.map((c) => {
    const row = document.createElement('li');
    row.textContent = `${c.person} (${RELATIONS[c.relation]}): ${c.status.toLowerCase()}, `
      + `${c.scope === 'PUBLIC' ? 'publication' : 'internal use'}${c.signedAuthorisation ? ', authorisation signed' : ''} `;
    const next = c.status === 'GRANTED' ? 'WITHDRAWN' : 'GRANTED';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'small';
    button.textContent = next === 'WITHDRAWN' ? 'Withdraw' : 'Grant';
    button.setAttribute('aria-label', `${button.textContent} consent of ${c.person}`);
    button.addEventListener('click', () => change(() => api('PUT', `${base}/consents/${c.id}`, { status: next })));
    row.append(button, ' ', evidenceControl(base, c));
    return row;
  }));
  const form = li.querySelector('.add-consent');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const f = form.elements;
    try {
      await whileBusy(form, () => api('POST', `${base}/consents`, {
        person: f.person.value.trim(), relation: f.relation.value || null, scope: f.scope.value || null,
        status: f.status.value || null,
        signedAuthorisation: f.signedAuthorisation.checked, evidenceNote: f.evidenceNote.value.trim() || null,
      }));
      refresh();
    } catch (e) {
      showError(form, e);
    }
  });
}

/** The scanned consent form: a link to it once attached, and a file input to attach (or replace) it. */
function evidenceControl(base, c) {
  const wrap = document.createElement('span');
  wrap.className = 'evidence';
  if (c.evidenceFile) {
    const link = document.createElement('a');
    link.href = `${base}/consents/${c.id}/evidence`;
    link.textContent = `Form: ${c.evidenceFile}`;
    wrap.append(link, ' ');
  }
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'application/pdf,image/jpeg,image/png';
  input.id = `evidence-${c.id}`;
  const label = document.createElement('label');
  label.htmlFor = input.id;
  label.textContent = c.evidenceFile ? 'Replace the scanned form' : 'Attach the scanned form';
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    try {
      await uploadFile(`${base}/consents/${c.id}/evidence?name=${encodeURIComponent(file.name)}`, file, (share) => {
        status.textContent = `${Math.round(share * 100)} %`;
      });
      refresh();
    } catch (e) {
      status.textContent = `Not attached: ${e.message}`;
    }
  });
  wrap.append(label, ' ', input, ' ', status);
  return wrap;
}

async function change(request) {
  problem.textContent = '';
  try {
    await request();
  } catch (e) {
    problem.textContent = e.message;
  }
  refresh();
}

async function refresh() {
  const items = await api('GET', `api/sessions/${sessionId}/media`);
  const list = document.getElementById('media');
  // keep open what was open: a change re-renders the cards
  const open = new Set([...list.querySelectorAll('details[open]')]
    .map((d) => `${d.closest('.media-card').dataset.id} ${d.className}`));
  list.replaceChildren(...items.map(card));
  list.querySelectorAll('details').forEach((d) => {
    d.open = open.has(`${d.closest('.media-card').dataset.id} ${d.className}`);
  });
  document.getElementById('media-count').textContent = `(${items.length})`;
  document.getElementById('media-empty').hidden = items.length > 0;
}

/** One file's row: its bar fills as it goes; a failure turns the bar red and says why, with a retry. */
async function uploadOne(file) {
  const row = document.getElementById('upload-row').content.firstElementChild.cloneNode(true);
  row.querySelector('.upload-name').textContent = file.name;
  row.querySelector('.retry').setAttribute('aria-label', `Try uploading ${file.name} again`);
  row.querySelector('.retry').addEventListener('click', async () => {
    await sendInto(row, file);
    refresh();
  });
  document.getElementById('uploads').append(row);
  await sendInto(row, file);
}

async function sendInto(row, file) {
  const bar = row.querySelector('progress');
  const status = row.querySelector('.upload-status');
  const retry = row.querySelector('.retry');
  row.classList.remove('failed', 'done');
  retry.hidden = true;
  bar.value = 0;
  bar.setAttribute('aria-label', `Upload of ${file.name}`);
  status.textContent = 'Uploading…';
  try {
    await uploadFile(`api/sessions/${sessionId}/media?name=${encodeURIComponent(file.name)}`, file, (share) => {
      bar.value = share;
      status.textContent = share < 1 ? `${Math.round(share * 100)} %` : 'Processing…';
    });
    bar.value = 1;
    status.textContent = 'Done';
    row.classList.add('done');
  } catch (e) {
    row.classList.add('failed');
    bar.setAttribute('aria-label', `Upload of ${file.name} failed`);
    status.textContent = `Not uploaded. ${whyNotUploaded(e)}`;
    retry.hidden = false;
  }
}

/** The server's reason in words; for a lost connection, what to do. */
function whyNotUploaded(e) {
  if (e.status === 0) return 'The connection was lost: check the network and try again.';
  return e.problem?.detail || e.message;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  const files = [...form.elements.files.files];
  if (!files.length) {
    showError(form, { fieldErrors: [{ field: 'files', message: 'Choose one or more photos or videos first.' }] });
    return;
  }
  await whileBusy(form, () => Promise.all(files.map(uploadOne)));
  form.reset();
  refresh();
});

(async () => {
  try {
    if (!(await openSessionPart(sessionId, 'MEDIA', problem))) return;
    document.getElementById('board-link').href = `board.html?id=${encodeURIComponent(sessionId)}`;
    const session = await api('GET', `api/sessions/${sessionId}`);
    document.getElementById('title').textContent = `Media · ${session.title}`;
    document.title = `${session.title} · Media · Rounds`;
    await refresh();
  } catch (e) {
    problem.textContent = e.message;
  }
})();
