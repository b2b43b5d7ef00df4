import { api, requireStaff, showError, clearErrors, formatWhen, logout } from './api.js';
import { nestHeadings } from './headings.js';

// Compliance review on one screen: the queue, then for one highlight the exact rendition, what screening found
// with the author's reasons, each picture's consent and each quote's permission, and the decision.
const problem = document.getElementById('problem');
const pageStatus = document.getElementById('page-status');
const decision = document.getElementById('decision');
let packet = null;

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

function minutes(seconds) {
  return seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

async function refreshQueue() {
  const waiting = await api('GET', 'api/reviews');
  document.getElementById('queue-count').textContent = `(${waiting.length})`;
  document.getElementById('queue-empty').hidden = waiting.length > 0;
  document.getElementById('queue').replaceChildren(...waiting.map((w) => {
    const button = element('button', { type: 'button', className: 'small', textContent: `Review “${w.title}”` });
    button.addEventListener('click', () => openPacket(w.id));
    return element('li', {}, button, ` ${w.sessionTitle} · by ${w.authorName} · waiting ${minutes(w.waitingSeconds)}`
      + ` · ${w.findings} finding(s), ${w.pictures} picture(s), ${w.quotes} quote(s)${w.ownWork ? ' · your own work' : ''}`);
  }));
  const stats = await api('GET', 'api/reviews/stats');
  document.getElementById('stats').textContent = stats.overall.decisions
    ? `Last 30 days: ${stats.overall.decisions} decision(s), median ${minutes(stats.overall.medianSeconds)} from`
      + ` submission to decision, 90 % within ${minutes(stats.overall.p90Seconds)}. `
      + stats.perReviewer.map((r) => `${r.reviewer}: ${r.decisions}, median ${minutes(r.medianSeconds)}`).join('; ')
    : 'No decisions in the last 30 days.';
}

function consentText(c) {
  return `${c.person} (${c.relation.toLowerCase()}): ${c.status.toLowerCase()}, `
    + `${c.scope === 'PUBLIC' ? 'publication' : 'internal use only'}`
    + `${c.relation === 'PATIENT' ? (c.signedAuthorisation ? ', signed authorisation' : ', NO signed authorisation') : ''}`
    + `${c.evidenceNote ? ` · evidence: ${c.evidenceNote}` : ''}`;
}

function renderPacket(p) {
  packet = p;
  document.getElementById('packet').hidden = false;
  document.getElementById('packet-heading').textContent = p.title;
  document.getElementById('packet-meta').textContent = `${p.sessionTitle} · by ${p.authorName} · submitted `
    + `${formatWhen(p.submittedAt)} · ${p.status.toLowerCase().replace('_', ' ')}`;
  // the rendition is Rounds' own HTML, built and encoded on the server: the same the public page shows
  document.getElementById('rendition').innerHTML = p.rendition.html;
  nestHeadings(document.getElementById('rendition'), 4);
  document.getElementById('packet-findings').replaceChildren(...(p.findings.length ? p.findings.map((f) =>
    element('li', { className: 'finding' }, element('strong', { textContent: f.label }), ` in ${f.field}: “${f.excerpt}”`,
      f.why ? ` (${f.why})` : '',
      element('p', { textContent: f.justification ? `Author's reason: ${f.justification}` : 'No reason given' })))
    : [element('li', { className: 'muted', textContent: 'Screening found nothing.' })]));
  const parts = p.rendition.parts;
  const pictures = parts.filter((part) => part.kind === 'MEDIA');
  document.getElementById('packet-pictures').replaceChildren(...(pictures.length ? pictures.map((m) => element('li', {},
    element('strong', { textContent: m.publishable ? 'Publishable' : 'NOT publishable' }),
    ` · alt text: “${m.altText || ''}”`,
    element('ul', {}, ...(m.consents.length ? m.consents.map((c) => element('li', { textContent: consentText(c) }))
      : [element('li', { textContent: 'No one identifiable (recorded by staff)' })])),
    ...m.problems.map((problemText) => element('p', { className: 'error', textContent: problemText }))))
    : [element('li', { className: 'muted', textContent: 'No pictures.' })]));
  const quotes = parts.filter((part) => part.kind !== 'MEDIA');
  document.getElementById('packet-quotes').replaceChildren(...(quotes.length ? quotes.map((q) => element('li', {},
    `${q.quoteMode === 'PARAPHRASE' ? 'Paraphrase of' : 'Quote of'} “${q.originalText || ''}” · shown as “${q.attribution || ''}”`
    + `${q.origin && q.origin !== 'WEB' ? ` · permission: ${(q.permission || 'none').toLowerCase()}` : ''}`
    + `${q.permissionEvidence ? ` (${q.permissionEvidence})` : ''}`,
    ...q.problems.map((problemText) => element('p', { className: 'error', textContent: problemText }))))
    : [element('li', { className: 'muted', textContent: 'No quotes.' })]));
  document.getElementById('packet-notes').textContent = p.authorNotes || 'None.';
  document.getElementById('packet-reviews').replaceChildren(...p.earlierReviews.map((r) => element('li', {
    textContent: `${r.decision === 'APPROVE' ? 'Approved' : 'Rejected'} by ${r.reviewerName}${r.comment ? `: ${r.comment}` : ''}` })));
  const deciding = p.status === 'IN_REVIEW' && !p.ownWork;
  decision.hidden = !deciding;
  if (p.ownWork && p.status === 'IN_REVIEW') pageStatus.textContent = 'This is your own highlight: someone else reviews it.';
}

async function openPacket(id) {
  problem.textContent = '';
  pageStatus.textContent = '';
  try {
    renderPacket(await api('GET', `api/reviews/${encodeURIComponent(id)}`));
    history.replaceState(null, '', `review.html?id=${encodeURIComponent(id)}`);
    document.getElementById('packet-heading').tabIndex = -1;
    document.getElementById('packet-heading').focus();
  } catch (e) {
    problem.textContent = e.message;
  }
}

async function decide(choice) {
  clearErrors(decision);
  const buttons = decision.querySelectorAll('button');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const decided = await api('POST', `api/reviews/${encodeURIComponent(packet.id)}/decision`, {
      decision: choice, comment: decision.elements.comment.value.trim() || null, renditionHash: packet.rendition.hash,
    });
    decision.reset();
    renderPacket(decided);
    pageStatus.replaceChildren(decided.status === 'PUBLISHED'
      ? element('span', {}, 'Approved and published: ', element('a', { id: 'published-link',
        href: `/highlights/${decided.id}`, textContent: `${location.origin}/highlights/${decided.id}` }))
      : `${choice === 'APPROVE' ? 'Approved' : 'Rejected'}.`);
    await refreshQueue();
  } catch (e) {
    showError(decision, e);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

// each button says what it decides: no default that could turn a rejection into an approval
decision.addEventListener('submit', (event) => event.preventDefault());
document.getElementById('approve').addEventListener('click', () => decide('APPROVE'));
document.getElementById('reject').addEventListener('click', () => decide('REJECT'));

document.getElementById('logout').addEventListener('click', logout);

(async () => {
  try {
    const me = await requireStaff();
    if (!me) return;
    document.getElementById('who').textContent = me.displayName;
    await refreshQueue();
    const id = new URLSearchParams(location.search).get('id');
    if (id) await openPacket(id);
  } catch (e) {
    problem.textContent = e.message;
  }
})();
