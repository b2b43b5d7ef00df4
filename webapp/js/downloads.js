import { t } from './i18n.js';

// Exports that take a moment to make (a workbook, a PDF): the page fetches them itself and says in its status line
// how far along they are, then hands the file to the browser. Links marked data-download; without scripts they are
// plain links to the same files.

/** How often the status line says how much has arrived: screen readers read each change aloud. */
const SAY_EVERY_MILLIS = 3000;

function filenameOf(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') || '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] || fallback;
}

async function problemOf(response) {
  try {
    return (await response.json()).detail;
  } catch {
    return null;
  }
}

async function fetchWithProgress(link, status) {
  const name = link.textContent.trim();
  status.textContent = t('report.download.preparing', { name });
  const response = await fetch(link.href, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error((await problemOf(response)) || t('report.download.failed', { name }));
  }
  const reader = response.body.getReader();
  const parts = [];
  let received = 0;
  let said = Date.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    if (Date.now() - said >= SAY_EVERY_MILLIS) { // a status line read aloud at each chunk would drown the reader
      said = Date.now();
      status.textContent = t('report.download.receiving', { name, kb: Math.ceil(received / 1024) });
    }
  }
  const file = URL.createObjectURL(new Blob(parts, { type: response.headers.get('Content-Type') || '' }));
  const save = Object.assign(document.createElement('a'), { href: file,
    download: filenameOf(response, link.href.split('/').pop().split('?')[0]) });
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(file), 60000);
  status.textContent = t('report.download.done', { name, kb: Math.ceil(received / 1024) });
}

/** Makes the page's data-download links fetch with progress shown in {@code status}, problems in {@code alert}. */
export function downloadsWithProgress(status, alert) {
  document.querySelectorAll('a[data-download]').forEach((link) => {
    link.addEventListener('click', async (event) => {
      event.preventDefault();
      if (link.getAttribute('aria-disabled') === 'true') return;
      link.setAttribute('aria-disabled', 'true');
      alert.textContent = '';
      try {
        await fetchWithProgress(link, status);
      } catch (e) {
        status.textContent = '';
        alert.textContent = e.message;
      } finally {
        link.removeAttribute('aria-disabled');
      }
    });
  });
}
