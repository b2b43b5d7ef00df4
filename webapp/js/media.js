import { api, openSessionPart, uploadFile, showError, clearErrors, whileBusy } from './api.js';
import { language, t, translate } from './i18n.js';

// The session's media library: several files at once, each with its own progress bar, then the thumbnails.
const sessionId = new URLSearchParams(location.search).get('id') || '';
const problem = document.getElementById('problem');
const form = document.getElementById('upload');

const megabytes = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The facts of one file, a list: "sink.jpg · photo · 640×480 · 52 KB · metadata removed · publishable". */
function describeItem(item) {
  const size = item.sizeBytes > 1024 * 1024
    ? t('media.sizeMegabytes', { size: megabytes.format(item.sizeBytes / 1024 / 1024) })
    : t('media.sizeKilobytes', { size: Math.round(item.sizeBytes / 1024) });
  // pixels are not grouped: 1920×1080, not 1,920×1,080
  const dimensions = item.width
    ? t('media.dimensions', { width: String(item.width), height: String(item.height) }) : '';
  const duration = item.durationMillis ? t('media.seconds', { seconds: Math.round(item.durationMillis / 1000) }) : '';
  const metadata = item.metadata === 'REMOVED' ? t('media.metadataRemoved') : t('media.metadataKept');
  const publishable = item.publishable ? t('media.publishable')
    : t('media.notPublishable', { reasons: item.unpublishableReasons.join('; ') });
  return [item.fileName, item.kind === 'PHOTO' ? t('media.kindPhoto') : t('media.kindVideo'), dimensions, duration,
    size, metadata, publishable].filter(Boolean).join(' · ');
}

function card(item) {
  const li = document.getElementById('media-card').content.firstElementChild.cloneNode(true);
  translate(li);
  li.dataset.id = item.id;
  const image = li.querySelector('.thumbnail');
  if (item.smallUrl) {
    image.src = item.smallUrl;
    image.alt = item.altText || t('media.photoAlt', { name: item.fileName || '' });
  } else {
    image.replaceWith(Object.assign(document.createElement('p'),
      { className: 'video-badge', textContent: t('media.videoBadge') }));
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

/** Who is pictured and what they agreed to; withdrawing is one button, as easy as granting. */
function consentSection(li, item) {
  const base = `api/sessions/${sessionId}/media/${item.id}`;
  const noPeople = li.querySelector('.no-people');
  noPeople.checked = item.noIdentifiablePeople;
  noPeople.addEventListener('change', () => change(() => api('PUT', `${base}/people`,
    { noIdentifiablePeople: noPeople.checked })));
  li.querySelector('.consents').replaceChildren(...item.consents.map((c) => {
    const row = document.createElement('li');
    const said = { person: c.person, relation: t(`media.consent.relationWord.${c.relation}`),
      status: t(`media.consent.statusWord.${c.status}`), scope: t(`media.consent.scopeWord.${c.scope}`) };
    row.textContent = `${c.signedAuthorisation ? t('media.consent.lineSigned', said) : t('media.consent.line', said)} `;
    const next = c.status === 'GRANTED' ? 'WITHDRAWN' : 'GRANTED';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'small';
    button.textContent = next === 'WITHDRAWN' ? t('media.consent.withdraw') : t('media.consent.grant');
    button.setAttribute('aria-label', next === 'WITHDRAWN' ? t('media.consent.withdrawOf', { person: c.person })
      : t('media.consent.grantOf', { person: c.person }));
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
    link.textContent = t('media.evidence.file', { file: c.evidenceFile });
    wrap.append(link, ' ');
  }
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'application/pdf,image/jpeg,image/png';
  input.id = `evidence-${c.id}`;
  const label = document.createElement('label');
  label.htmlFor = input.id;
  label.textContent = c.evidenceFile ? t('media.evidence.replace') : t('media.evidence.attach');
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    try {
      await uploadFile(`${base}/consents/${c.id}/evidence?name=${encodeURIComponent(file.name)}`, file, (share) => {
        status.textContent = t('media.percent', { percent: Math.round(share * 100) });
      });
      refresh();
    } catch (e) {
      status.textContent = t('media.evidence.failed', { reason: e.message });
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
  document.getElementById('media-count').textContent = t('media.count', { count: items.length });
  document.getElementById('media-empty').hidden = items.length > 0;
}

/** One file's row: its bar fills as it goes; a failure turns the bar red and says why, with a retry. */
async function uploadOne(file) {
  const row = document.getElementById('upload-row').content.firstElementChild.cloneNode(true);
  translate(row);
  row.querySelector('.upload-name').textContent = file.name;
  row.querySelector('.retry').setAttribute('aria-label', t('media.upload.retryOf', { name: file.name }));
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
  bar.setAttribute('aria-label', t('media.upload.of', { name: file.name }));
  status.textContent = t('media.upload.uploading');
  try {
    await uploadFile(`api/sessions/${sessionId}/media?name=${encodeURIComponent(file.name)}`, file, (share) => {
      bar.value = share;
      status.textContent = share < 1 ? t('media.percent', { percent: Math.round(share * 100) })
        : t('media.upload.processing');
    });
    bar.value = 1;
    status.textContent = t('media.upload.done');
    row.classList.add('done');
  } catch (e) {
    row.classList.add('failed');
    bar.setAttribute('aria-label', t('media.upload.failedOf', { name: file.name }));
    status.textContent = t('media.upload.failed', { reason: whyNotUploaded(e) });
    retry.hidden = false;
  }
}

/** The server's reason in words; for a lost connection, what to do. */
function whyNotUploaded(e) {
  if (e.status === 0) return t('media.upload.connectionLost');
  return e.problem?.detail || e.message;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  const files = [...form.elements.files.files];
  if (!files.length) {
    showError(form, { fieldErrors: [{ field: 'files', message: t('media.upload.noFiles') }] });
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
    document.getElementById('title').textContent = t('media.headingNamed', { session: session.title });
    document.title = t('media.titleNamed', { session: session.title });
    await refresh();
  } catch (e) {
    problem.textContent = e.message;
  }
})();
