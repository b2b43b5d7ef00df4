import { api, requireStaff, showError, clearErrors, formatWhen, logout } from './api.js';
import { nestHeadings } from './headings.js';
import { t, tPieces } from './i18n.js';

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
  return seconds < 60 ? t('review.seconds', { seconds }) : t('review.minutes', { minutes: Math.round(seconds / 60) });
}

async function refreshQueue() {
  const waiting = await api('GET', 'api/reviews');
  document.getElementById('queue-count').textContent = t('review.queue.count', { count: waiting.length });
  document.getElementById('queue-empty').hidden = waiting.length > 0;
  document.getElementById('queue').replaceChildren(...waiting.map((w) => {
    const button = element('button', { type: 'button', className: 'small',
      textContent: t('review.queue.open', { title: w.title }) });
    button.addEventListener('click', () => openPacket(w.id));
    // a list of facts, each said whole
    const counts = [t('review.queue.findings', { count: w.findings }), t('review.queue.pictures', { count: w.pictures }),
      t('review.queue.quotes', { count: w.quotes })].join(', ');
    const facts = [w.sessionTitle, t('review.by', { author: w.authorName }),
      t('review.queue.waiting', { time: minutes(w.waitingSeconds) }), counts,
      w.ownWork ? t('review.queue.ownWork') : null].filter((fact) => fact !== null);
    return element('li', {}, button, ` ${facts.join(' · ')}`);
  }));
  const stats = await api('GET', 'api/reviews/stats');
  document.getElementById('stats').textContent = stats.overall.decisions
    ? `${t('review.stats.overall', { count: stats.overall.decisions, median: minutes(stats.overall.medianSeconds),
      p90: minutes(stats.overall.p90Seconds) })} `
      + stats.perReviewer.map((r) => t('review.stats.reviewer', { reviewer: r.reviewer, decisions: r.decisions,
        median: minutes(r.medianSeconds) })).join('; ')
    : t('review.stats.none');
}

function consentText(c) {
  const said = { person: c.person, relation: t(`review.relationWord.${c.relation}`),
    status: t(`review.consentStatus.${c.status}`), scope: t(`review.scope.${c.scope}`) };
  const consent = c.relation !== 'PATIENT' ? t('review.consent', said)
    : c.signedAuthorisation ? t('review.consentSigned', said) : t('review.consentUnsigned', said);
  return c.evidenceNote ? `${consent} · ${t('review.consentEvidence', { note: c.evidenceNote })}` : consent;
}

/** "Quote of “…” · shown as “Sam, trainee” · permission: granted (their reply)". */
function quoteText(q) {
  const said = { text: q.originalText || '', attribution: q.attribution || '' };
  const quote = q.quoteMode === 'PARAPHRASE' ? t('review.quote.paraphrase', said) : t('review.quote.verbatim', said);
  const permission = t(`review.permission.${q.permission || 'NONE'}`);
  if (q.origin && q.origin !== 'WEB') {
    return `${quote} · ${q.permissionEvidence
      ? t('review.quote.permissionEvidence', { permission, evidence: q.permissionEvidence })
      : t('review.quote.permission', { permission })}`;
  }
  return q.permissionEvidence ? t('review.quote.evidence', { quote, evidence: q.permissionEvidence }) : quote;
}

function renderPacket(p) {
  packet = p;
  document.getElementById('packet').hidden = false;
  document.getElementById('packet-heading').textContent = p.title;
  document.getElementById('packet-meta').textContent = [p.sessionTitle, t('review.by', { author: p.authorName }),
    t('review.submitted', { when: formatWhen(p.submittedAt) }), t(`review.status.${p.status}`)].join(' · ');
  // the rendition is Rounds' own HTML, built and encoded on the server: the same the public page shows
  document.getElementById('rendition').innerHTML = p.rendition.html;
  nestHeadings(document.getElementById('rendition'), 4);
  document.getElementById('packet-findings').replaceChildren(...(p.findings.length ? p.findings.map((f) =>
    element('li', { className: 'finding' }, ...tPieces(f.why ? 'review.finding.because' : 'review.finding.found',
      { label: element('strong', { textContent: f.label }), field: f.field, excerpt: f.excerpt, why: f.why }),
    element('p', { textContent: f.justification ? t('review.finding.reason', { reason: f.justification })
      : t('review.finding.noReason') })))
    : [element('li', { className: 'muted', textContent: t('review.finding.none') })]));
  const parts = p.rendition.parts;
  const pictures = parts.filter((part) => part.kind === 'MEDIA');
  document.getElementById('packet-pictures').replaceChildren(...(pictures.length ? pictures.map((m) => element('li', {},
    ...tPieces('review.picture', { alt: m.altText || '', state: element('strong',
      { textContent: m.publishable ? t('review.picture.publishable') : t('review.picture.notPublishable') }) }),
    element('ul', {}, ...(m.consents.length ? m.consents.map((c) => element('li', { textContent: consentText(c) }))
      : [element('li', { textContent: t('review.picture.noOne') })])),
    ...m.problems.map((problemText) => element('p', { className: 'error', textContent: problemText }))))
    : [element('li', { className: 'muted', textContent: t('review.picture.none') })]));
  const quotes = parts.filter((part) => part.kind !== 'MEDIA');
  document.getElementById('packet-quotes').replaceChildren(...(quotes.length ? quotes.map((q) => element('li', {},
    quoteText(q), ...q.problems.map((problemText) => element('p', { className: 'error', textContent: problemText }))))
    : [element('li', { className: 'muted', textContent: t('review.quote.none') })]));
  document.getElementById('packet-notes').textContent = p.authorNotes || t('review.packet.noNotes');
  document.getElementById('packet-reviews').replaceChildren(...p.earlierReviews.map((r) => {
    const said = { reviewer: r.reviewerName, comment: r.comment };
    const approved = r.decision === 'APPROVE';
    return element('li', { textContent: r.comment
      ? t(approved ? 'review.earlier.approvedComment' : 'review.earlier.rejectedComment', said)
      : t(approved ? 'review.earlier.approved' : 'review.earlier.rejected', said) });
  }));
  const deciding = p.status === 'IN_REVIEW' && !p.ownWork;
  decision.hidden = !deciding;
  if (p.ownWork && p.status === 'IN_REVIEW') pageStatus.textContent = t('review.ownWork');
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
      ? element('span', {}, ...tPieces('review.decided.published', { link: element('a', { id: 'published-link',
        href: `/highlights/${decided.id}`, textContent: `${location.origin}/highlights/${decided.id}` }) }))
      : t(choice === 'APPROVE' ? 'review.decided.approved' : 'review.decided.rejected'));
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
