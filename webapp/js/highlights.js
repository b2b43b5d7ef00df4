import { api, openSessionPart, showError, clearErrors, whileBusy, formatWhen, logout } from './api.js';
import { nestHeadings } from './headings.js';
import { t, tPieces } from './i18n.js';

// A session's highlights: start one, choose what it shows, preview it as the public will see it, screen it,
// submit it for review, publish it once approved.
const params = new URLSearchParams(location.search);
// both go into API paths: encoded, so a crafted link cannot point a request elsewhere
const sessionId = encodeURIComponent(params.get('session') || '');
let highlightId = params.get('id') ? encodeURIComponent(params.get('id')) : null;
let current = null;
let suggestions = { questions: [], comments: [], media: [], polls: [] };
const problem = document.getElementById('problem');
const pageStatus = document.getElementById('page-status');
const draft = document.getElementById('draft');
const submission = document.getElementById('submission');

/** Where a quote came from, as said after "from": "from Mastodon", "from a relay", "from the session page". */
const originName = (code) => (code ? t(`highlights.origin.${code}`) : '');

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

async function refreshList() {
  const list = await api('GET', `api/sessions/${sessionId}/highlights`);
  document.getElementById('highlight-list').replaceChildren(...list.map((h) => element('li', {},
    element('a', { href: `highlights.html?session=${sessionId}&id=${encodeURIComponent(h.id)}`, textContent: h.title }),
    ` · ${[t(`highlights.status.${h.status}`), h.live ? t('highlights.list.live') : null, formatWhen(h.updatedAt)]
      .filter(Boolean).join(' · ')}`)));
  if (!list.length) {
    document.getElementById('highlight-list').replaceChildren(element('li', { className: 'muted',
      textContent: t('highlights.list.none') }));
  }
}

/** One row of material: a checkbox to include it, and for a quote how it is quoted. */
function materialRow(kind, refId, label, origin, chosen) {
  const key = `${kind}-${refId}`;
  const include = element('input', { type: 'checkbox', id: `include-${key}`, checked: !!chosen });
  const row = element('li', { className: 'material-item' }, include,
    element('label', { htmlFor: `include-${key}` }, ...label));
  row.dataset.kind = kind;
  row.dataset.ref = refId;
  if (kind === 'QUESTION' || kind === 'FEEDBACK') {
    const mode = element('select', { name: 'quoteMode', id: `mode-${key}` },
      element('option', { value: 'VERBATIM', textContent: t('highlights.material.verbatim') }),
      element('option', { value: 'PARAPHRASE', textContent: t('highlights.material.paraphrase') }));
    mode.value = chosen?.quoteMode || 'VERBATIM';
    const paraphrase = element('textarea', { name: 'paraphrase', id: `paraphrase-${key}`, rows: 2, maxLength: 1000,
      value: chosen?.paraphrase || '' });
    const paraphraseField = element('div', { className: 'field' },
      element('label', { htmlFor: paraphrase.id, textContent: t('highlights.material.paraphraseLabel') }), paraphrase);
    paraphraseField.hidden = mode.value !== 'PARAPHRASE';
    mode.addEventListener('change', () => { paraphraseField.hidden = mode.value !== 'PARAPHRASE'; });
    const options = element('div', { className: 'quote-options' },
      element('label', { htmlFor: mode.id, textContent: t('highlights.material.how') }), mode, paraphraseField);
    if (origin && origin !== 'WEB') {
      const permission = element('select', { name: 'permission', id: `permission-${key}` },
        ...['PENDING', 'GRANTED', 'DECLINED'].map((p) => element('option', { value: p,
          textContent: t(`highlights.permission.${p}`) })));
      permission.value = chosen?.permission || 'PENDING';
      const evidence = element('input', { name: 'permissionEvidence', id: `evidence-${key}`, maxLength: 500,
        value: chosen?.permissionEvidence || '', placeholder: t('highlights.material.evidencePlaceholder') });
      options.append(element('label', { htmlFor: permission.id, textContent: t('highlights.material.permission') }),
        permission, element('label', { htmlFor: evidence.id, textContent: t('highlights.material.evidence') }), evidence);
    }
    row.append(options);
  }
  return row;
}

function renderMaterial() {
  const chosen = new Map((current?.parts || []).map((p) => [`${p.kind}-${p.refId}`, p]));
  const shownParts = new Map((current?.rendition.parts || []).map((p) => [`${p.kind}-${p.refId}`, p]));
  const rows = [];
  const seen = new Set();
  const add = (kind, refId, label, origin) => {
    const key = `${kind}-${refId}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(materialRow(kind, refId, label, origin, chosen.get(key)));
  };
  for (const part of current?.parts || []) {
    const shown = shownParts.get(`${part.kind}-${part.refId}`) || {};
    if (part.kind === 'MEDIA') {
      add('MEDIA', part.refId, [element('img', { src: shown.previewUrl || '', alt: shown.altText || '', width: 120 }),
        ` ${shown.caption || shown.altText || t('highlights.material.photo')}`], null);
    } else if (part.kind === 'POLL') {
      add('POLL', part.refId, [t('highlights.material.poll', { title: shown.shownText || '' })], null);
    } else {
      const from = { origin: originName(shown.origin) };
      add(part.kind, part.refId, [`${t('highlights.quoted', { text: shown.originalText || '' })} `,
        element('span', { className: 'muted', textContent: part.kind === 'QUESTION'
          ? t('highlights.material.questionFrom', from) : t('highlights.material.feedbackFrom', from) })],
      shown.origin);
    }
  }
  for (const q of suggestions.questions) {
    add('QUESTION', q.id, [`${t('highlights.quoted', { text: q.text })} `, element('span', { className: 'muted',
      textContent: t('highlights.material.question', { count: q.votes, origin: originName(q.origin) }) })], q.origin);
  }
  for (const c of suggestions.comments) {
    add('FEEDBACK', c.id, [`${t('highlights.quoted', { text: c.text })} `, element('span', { className: 'muted',
      textContent: t('highlights.material.feedback', { rating: c.rating, origin: originName(c.origin) }) })], c.origin);
  }
  for (const m of suggestions.media) {
    add('MEDIA', m.id, [m.smallUrl ? element('img', { src: m.smallUrl, alt: m.altText || '', width: 120 }) : '▶ ',
      ` ${m.caption || m.altText || m.fileName || ''}`], null);
  }
  for (const p of suggestions.polls || []) {
    add('POLL', p.id, [t('highlights.material.poll', { title: p.title })], null);
  }
  document.getElementById('material').replaceChildren(...(rows.length ? rows
    : [element('li', { className: 'muted', textContent: t('highlights.material.nothing') })]));
}

function chosenParts() {
  return [...document.querySelectorAll('#material .material-item')]
    .filter((row) => row.querySelector('input[type=checkbox]').checked)
    .map((row) => {
      const value = (name) => row.querySelector(`[name=${name}]`)?.value.trim() || null;
      return { kind: row.dataset.kind, refId: row.dataset.ref, quoteMode: value('quoteMode'),
        paraphrase: value('paraphrase'), permission: value('permission'), permissionEvidence: value('permissionEvidence') };
    });
}

function renderFindings(findings) {
  document.getElementById('findings').replaceChildren(...findings.map((f, i) => {
    const reason = element('textarea', { id: `justification-${i}`, rows: 2, maxLength: 1000, value: f.justification || '' });
    const row = element('li', { className: 'finding' },
      element('p', {}, ...tPieces(f.why ? 'highlights.finding.because' : 'highlights.finding.found',
        { label: element('strong', { textContent: `${f.label}` }), field: f.field, excerpt: f.excerpt, why: f.why })),
      element('label', { htmlFor: reason.id, textContent: t('highlights.finding.justification') }), reason);
    row.dataset.field = f.field;
    row.dataset.excerpt = f.excerpt;
    row.dataset.reason = f.reason;
    return row;
  }));
}

function render(view) {
  current = view;
  highlightId = encodeURIComponent(view.id);
  document.getElementById('editor').hidden = false;
  document.getElementById('editor-status').textContent = t(`highlights.status.${view.status}`);
  const f = draft.elements;
  f.title.value = view.title;
  f.summary.value = view.summary || '';
  f.bodyHtml.value = view.bodyHtml || '';
  f.authorNotes.value = view.authorNotes || '';
  f.publishOnApproval.checked = view.publishOnApproval;
  renderMaterial();
  // the rendition is Rounds' own HTML, built and encoded on the server
  document.getElementById('preview').innerHTML = view.rendition.html;
  nestHeadings(document.getElementById('preview'), 4);
  document.getElementById('blockers').replaceChildren(...view.rendition.blockers.map((b) => element('li', { textContent: b })));
  renderFindings(view.submittedScreening || []);
  document.getElementById('live-link').hidden = !view.live;
  const link = document.getElementById('public-link');
  link.href = view.publicPath;
  link.textContent = location.origin + view.publicPath;
  document.getElementById('publish').hidden = view.status !== 'APPROVED';
  document.getElementById('unpublish').hidden = !view.live;
  submission.querySelector('button[type=submit]').hidden = !['DRAFT', 'REJECTED', 'UNPUBLISHED'].includes(view.status);
  document.getElementById('reviews').replaceChildren(...view.reviews.map((r) => {
    const said = { reviewer: r.reviewerName, when: formatWhen(r.decidedAt), minutes: Math.round(r.waitedSeconds / 60),
      comment: r.comment };
    const approved = r.decision === 'APPROVE';
    return element('li', { textContent: r.comment
      ? t(approved ? 'highlights.review.approvedComment' : 'highlights.review.rejectedComment', said)
      : t(approved ? 'highlights.review.approved' : 'highlights.review.rejected', said) });
  }));
}

async function open(id) {
  render(await api('GET', `api/highlights/${id}`));
  history.replaceState(null, '', `highlights.html?session=${sessionId}&id=${highlightId}`);
}

async function act(form, work, done) {
  problem.textContent = '';
  pageStatus.textContent = '';
  clearErrors(form);
  try {
    const view = await whileBusy(form, work);
    if (view) render(view);
    if (done) pageStatus.textContent = done;
    await refreshList();
  } catch (e) {
    showError(form, e);
  }
}

document.getElementById('new-highlight').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  act(form, async () => {
    const created = await api('POST', `api/sessions/${sessionId}/highlights`, { title: form.elements.title.value.trim() });
    form.reset();
    history.replaceState(null, '', `highlights.html?session=${sessionId}&id=${encodeURIComponent(created.id)}`);
    document.getElementById('draft-title').focus();
    return created;
  }, t('highlights.done.started'));
});

draft.addEventListener('submit', (event) => {
  event.preventDefault();
  const f = draft.elements;
  act(draft, () => api('PUT', `api/highlights/${highlightId}`, {
    title: f.title.value.trim(), summary: f.summary.value, bodyHtml: f.bodyHtml.value, authorNotes: f.authorNotes.value,
    publishOnApproval: f.publishOnApproval.checked, parts: chosenParts(),
  }), t('highlights.done.saved'));
});

document.getElementById('screen').addEventListener('click', () => act(submission, async () => {
  const findings = await api('POST', `api/highlights/${highlightId}/screening`, {});
  renderFindings(findings);
  pageStatus.textContent = findings.length ? t('highlights.screening.findings', { count: findings.length })
    : t('highlights.screening.nothing');
  return null;
}));

submission.addEventListener('submit', (event) => {
  event.preventDefault();
  const justifications = [...document.querySelectorAll('#findings .finding')]
    .map((row) => ({ field: row.dataset.field, excerpt: row.dataset.excerpt, reason: row.dataset.reason,
      justification: row.querySelector('textarea').value.trim() }))
    .filter((j) => j.justification);
  act(submission, () => api('POST', `api/highlights/${highlightId}/submission`, { justifications }),
    t('highlights.done.submitted'));
});

document.getElementById('publish').addEventListener('click', () =>
  act(submission, () => api('POST', `api/highlights/${highlightId}/publication`, {}), t('highlights.done.published')));
document.getElementById('unpublish').addEventListener('click', () =>
  act(submission, () => api('DELETE', `api/highlights/${highlightId}/publication`),
    t('highlights.done.unpublished')));

document.getElementById('logout').addEventListener('click', logout);

(async () => {
  try {
    const opened = await openSessionPart(params.get('session'), 'HIGHLIGHTS', problem);
    if (!opened) return;
    document.getElementById('who').textContent = opened.me.displayName;
    document.getElementById('media-link').href = `media.html?id=${sessionId}`;
    const session = await api('GET', `api/sessions/${sessionId}`);
    document.getElementById('title').textContent = t('highlights.headingNamed', { session: session.title });
    document.title = t('highlights.titleNamed', { session: session.title });
    suggestions = await api('GET', `api/sessions/${sessionId}/highlights/suggestions`);
    await refreshList();
    if (highlightId) await open(highlightId);
  } catch (e) {
    problem.textContent = e.message;
  }
})();
