// A poll's results as the trainee page, the projector and the presenter's board show them: bars that are a table
// (so the chart is its own data table for screen readers and keyboards), a rating's mean, a word cloud with a table
// beside it, open answers, and a quiz's leaderboard. Words from the bundles (poll.*).

import { formatNumber, t } from './i18n.js';

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Rows of label, count and share, drawn as bars; `correct` marks a quiz's right options once it closed. */
function bars(caption, rows) {
  const table = element('table', 'poll-bars');
  table.append(element('caption', 'visually-hidden', caption));
  const head = element('thead');
  const headRow = element('tr');
  for (const key of ['poll.results.option', 'poll.results.count', 'poll.results.share']) {
    const th = element('th', null, t(key));
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = element('tbody');
  for (const row of rows) {
    const tr = element('tr');
    if (row.correct) tr.className = 'correct';
    const label = element('th', null, row.label);
    label.scope = 'row';
    if (row.correct) label.append(element('span', 'correct-mark', ` ✓ ${t('poll.results.correct')}`));
    const share = element('td', 'share');
    const bar = element('span', 'poll-bar');
    bar.setAttribute('aria-hidden', 'true');
    bar.style.setProperty('--share', `${Math.min(100, row.percent)}%`);
    share.append(bar, element('span', 'percent', `${formatNumber(row.percent)} %`));
    tr.append(label, element('td', 'count', formatNumber(row.count)), share);
    body.append(tr);
  }
  table.append(head, body);
  return table;
}

function cloud(poll, words) {
  const box = element('div', 'cloud-box');
  if (!words.length) {
    box.append(element('p', 'muted', t('poll.results.noWords')));
    return box;
  }
  const most = Math.max(...words.map((w) => w.count));
  const list = element('ul', 'cloud');
  list.setAttribute('aria-hidden', 'true'); // the table below says the same in order
  for (const word of words) {
    const item = element('li', null, word.word);
    item.style.setProperty('--weight', String(1 + (2 * word.count) / most));
    list.append(item);
  }
  const details = element('details', 'cloud-table');
  details.append(element('summary', null, t('poll.results.asTable')));
  const total = words.reduce((sum, w) => sum + w.count, 0);
  details.append(bars(t('poll.results.caption', { title: poll.title }), words.map((w) => ({
    label: w.word, count: w.count, percent: Math.round((1000 * w.count) / total) / 10 }))));
  box.append(list, details);
  return box;
}

function entries(list) {
  if (!list.length) return element('p', 'muted', t('poll.results.noEntries'));
  const ul = element('ul', 'poll-entries');
  for (const entry of list) ul.append(element('li', null, entry.text));
  return ul;
}

function leaderboard(leaders) {
  const section = element('div', 'leaderboard');
  section.append(element('h3', null, t('poll.leaderboard.heading')));
  if (!leaders.length) {
    section.append(element('p', 'muted', t('poll.leaderboard.none')));
    return section;
  }
  const list = element('ol');
  for (const leader of leaders) {
    const item = element('li');
    item.append(element('span', 'rank', `${formatNumber(leader.rank)}.`), element('span', 'name', leader.name),
      element('span', 'points', t('poll.leaderboard.points', { count: leader.points })));
    list.append(item);
  }
  section.append(list);
  return section;
}

/** The results of `poll` (a poll view) as one element; `results` as the stream carries them. */
export function resultsView(poll, results) {
  const box = element('div', 'poll-results');
  box.append(element('p', 'answered', t('poll.results.answered', { count: results.answered })));
  const caption = t('poll.results.caption', { title: poll.title });
  if (results.options) {
    box.append(bars(caption, results.options.map((o, i) => ({ label: poll.options?.[i]?.text ?? String(i + 1),
      count: o.count, percent: o.percent, correct: poll.options?.[i]?.correct === true }))));
  } else if (results.rating) {
    const max = results.rating.distribution.length;
    box.append(bars(caption, results.rating.distribution.map((count, i) => {
      const value = i + 1;
      const label = value === 1 && poll.lowLabel ? `1 (${poll.lowLabel})`
        : value === max && poll.highLabel ? `${max} (${poll.highLabel})` : String(value);
      return { label, count, percent: results.answered ? Math.round((1000 * count) / results.answered) / 10 : 0 };
    })));
    box.append(element('p', 'mean', t('poll.results.mean', { mean: formatNumber(results.rating.mean), max })));
  } else if (results.words) {
    box.append(cloud(poll, results.words));
  } else if (results.entries) {
    box.append(entries(results.entries));
  }
  if (results.leaderboard) box.append(leaderboard(results.leaderboard));
  return box;
}

/** The poll's kind in words ("Quiz", "Word cloud"). */
export function kindWords(kind) {
  return t(`poll.kind.${kind}`);
}
