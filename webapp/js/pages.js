// Which roles may use which staff page, and where each role starts: the one list that the login, the navigation
// and every staff page ask (through requireStaff in api.js). It only keeps people off pages they could not use; the
// API checks the roles again on every request.

import { languageOf, t } from './i18n.js';

const EVERY_ROLE = ['presenter', 'communicator', 'reviewer', 'admin'];
const SESSION_STAFF = ['presenter', 'communicator', 'admin'];

/** Each staff page: its name in words, the roles that may use it, and whether the navigation offers it. */
export const PAGES = {
  'sessions.html': { name: t('staff.page.sessions'), roles: SESSION_STAFF, navigation: true },
  'review.html': { name: t('staff.page.review'), roles: ['reviewer', 'admin'], navigation: true },
  'reports.html': { name: t('staff.page.reports'), roles: ['communicator', 'admin'], navigation: true },
  'admin.html': { name: t('staff.page.admin'), roles: ['admin'], navigation: true },
  'board.html': { name: t('staff.page.board'), roles: SESSION_STAFF },
  'projector.html': { name: t('staff.page.projector'), roles: SESSION_STAFF },
  'media.html': { name: t('staff.page.media'), roles: SESSION_STAFF },
  'highlights.html': { name: t('staff.page.highlights'), roles: ['communicator', 'admin'] },
  'report.html': { name: t('staff.page.report'), roles: SESSION_STAFF },
  'account.html': { name: t('staff.page.account'), roles: EVERY_ROLE },
};

const ROLE_NAMES = { presenter: t('staff.roles.presenter'), communicator: t('staff.roles.communicator'),
  reviewer: t('staff.roles.reviewer'), admin: t('staff.roles.admin') };

/**
 * "presenters, communicators and admins" in the language of the sentence it goes into (a translated page such as
 * the projector may still say it in English). Rounds' English leaves out the comma before "and", as British English
 * does (the list format of plain "en" would add it).
 */
const LIST_LANGUAGE = languageOf('staff.notForYou.forRoles');
const LIST = new Intl.ListFormat(LIST_LANGUAGE === 'en' ? 'en-GB' : LIST_LANGUAGE, { type: 'conjunction' });

/** The file name of a page's address: 'sessions.html' for /sessions.html?x=1; a page not listed is nobody's. */
export function pageOf(url) {
  return new URL(url, location.href).pathname.split('/').pop() || 'index.html';
}

export function mayUse(page, roles) {
  return (PAGES[page]?.roles || []).some((role) => roles.includes(role));
}

/**
 * Where someone lands after login and where "Rounds" at the top leads: the page of the work they are there for.
 * Presenters and communicators run sessions; reviewers review. An admin who does neither lands on Users (accounts
 * and the audit trail are what only an admin can do); an admin who also presents or communicates lands on Sessions.
 */
export function startPage(roles) {
  if (roles.includes('presenter') || roles.includes('communicator')) return 'sessions.html';
  if (roles.includes('reviewer')) return 'review.html';
  if (roles.includes('admin')) return 'admin.html';
  return 'account.html';
}

/** "presenters, communicators and admins": who a page is for, in words. */
export function whoMayUse(page) {
  return LIST.format((PAGES[page]?.roles || []).map((role) => ROLE_NAMES[role]));
}

/**
 * Shows in the page's header only what this person may use: the main pages (Sessions, Review, Users) their roles
 * allow, in one order on every page, and none of the page's own links to pages they may not use; their name links
 * to their account.
 */
export function showNavigation(me, page) {
  const brand = document.querySelector('header .brand');
  if (brand) brand.href = startPage(me.roles);
  const nav = document.querySelector('header nav');
  if (!nav) return;
  const account = nav.querySelector('#who');
  if (account) account.textContent = me.displayName;
  for (const link of nav.querySelectorAll('a[href]')) {
    const target = pageOf(link.getAttribute('href'));
    if (PAGES[target]?.navigation || (PAGES[target] && !mayUse(target, me.roles))) link.remove();
  }
  const main = Object.entries(PAGES)
    .filter(([target, about]) => about.navigation && mayUse(target, me.roles))
    .map(([target, about]) => {
      const link = document.createElement('a');
      link.href = target;
      link.textContent = about.name;
      if (target === page) link.setAttribute('aria-current', 'page');
      return link;
    });
  nav.prepend(...main);
}

/**
 * Instead of a page someone may not use: says so in words and where to go, and draws nothing of the page (no form
 * that would only fail when sent).
 */
export function showNotForYou(me, page) {
  const start = startPage(me.roles);
  const heading = document.createElement('h1');
  heading.textContent = PAGES[page] ? t('staff.notForYou.heading', { page: PAGES[page].name })
    : t('staff.notForYou.headingUnknown');
  const why = document.createElement('p');
  const who = { name: me.displayName, username: me.username };
  why.textContent = PAGES[page] ? t('staff.notForYou.forRoles', { roles: whoMayUse(page), ...who })
    : t('staff.notForYou.loggedInAs', who);
  const next = document.createElement('p');
  const link = document.createElement('a');
  link.href = start;
  link.id = 'start-page-link';
  link.textContent = t('staff.notForYou.startPage', { page: PAGES[start].name });
  next.append(link);
  const message = document.createElement('section');
  message.className = 'not-for-you';
  message.setAttribute('aria-labelledby', 'not-for-you-heading');
  heading.id = 'not-for-you-heading';
  message.append(heading, why, next);
  document.querySelector('main').replaceChildren(message);
  document.title = t('staff.notForYou.title');
  showNavigation(me, page);
}
