import { api, showError, clearErrors, whileBusy, formatWhen } from './api.js';
import { has, t } from './i18n.js';

// The session's hashtag sources on the presenter's board: their state, lag and last error, refreshed every
// 5 seconds; add, stop, restart and remove.
const sessionId = new URLSearchParams(location.search).get('id') || '';
const rows = document.querySelector('#sources tbody');
const form = document.getElementById('add-source');
const secret = document.getElementById('webhook-secret');

/** A source's state in words (sources.state.RUNNING …); a state this page does not know yet, as the server says it. */
function stateWords(state) {
  return has(`sources.state.${state}`) ? t(`sources.state.${state}`) : state;
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function button(label, describedAs, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'small';
  b.textContent = label;
  b.setAttribute('aria-label', t('sources.actionOn', { action: label, source: describedAs }));
  b.addEventListener('click', action);
  return b;
}

function row(source) {
  const tr = document.createElement('tr');
  tr.dataset.state = source.state;
  const name = cell(source.label);
  const where = document.createElement('small');
  where.className = 'muted';
  where.textContent = ` ${source.kind === 'WEBHOOK' ? source.webhookUrl : source.baseUrl}`;
  name.append(where);
  const actions = document.createElement('td');
  actions.append(
    button(source.enabled ? t('sources.stop') : t('sources.restart'), source.label, () => change(() =>
      api('PUT', `api/sessions/${sessionId}/sources/${source.id}/enabled`, { enabled: !source.enabled }))),
    button(t('sources.remove'), source.label, () => {
      if (confirm(t('sources.removeConfirm', { label: source.label }))) {
        change(() => api('DELETE', `api/sessions/${sessionId}/sources/${source.id}`));
      }
    }));
  tr.append(name, cell(stateWords(source.state)),
    cell(source.lastSuccessAt ? formatWhen(source.lastSuccessAt) : '–'),
    cell(source.lagSeconds == null ? '–' : t('sources.lag', { seconds: source.lagSeconds })),
    cell(source.lastError || ''), actions);
  return tr;
}

async function change(request) {
  try {
    await request();
  } catch (e) {
    document.getElementById('problem').textContent = e.message;
  }
  refresh();
}

let polling = null;

async function refresh() {
  try {
    const sources = await api('GET', `api/sessions/${sessionId}/sources`);
    rows.replaceChildren(...sources.map(row));
    document.getElementById('sources-empty').hidden = sources.length > 0;
  } catch (e) {
    // not this person's board (the page says why) or no such session: asking again will not change that
    if (e.status === 403 || e.status === 404) clearInterval(polling);
    // otherwise the board's own connection status tells about an unreachable server
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  const kind = form.elements.kind.value;
  const body = { kind, label: form.elements.label.value.trim() };
  if (kind !== 'WEBHOOK') body.baseUrl = form.elements.baseUrl.value.trim();
  for (const field of ['account', 'credential']) {
    if (form.elements[field].value.trim()) body[field] = form.elements[field].value.trim();
  }
  try {
    const added = await whileBusy(form, () => api('POST', `api/sessions/${sessionId}/sources`, body));
    form.reset();
    secret.hidden = !added.webhookSecret;
    secret.textContent = added.webhookSecret
      ? t('sources.webhookSecret', { url: `${location.origin}${added.source.webhookUrl}`, secret: added.webhookSecret })
      : '';
    refresh();
  } catch (e) {
    showError(form, e);
  }
});

polling = setInterval(refresh, 5000);
refresh();
