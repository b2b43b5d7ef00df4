import { api, showError, clearErrors, whileBusy } from './api.js';

const form = document.getElementById('login-form');
form.elements.username.focus();

/** Only pages of this site, named plainly, are followed after login. */
function nextPage(me) {
  const next = new URLSearchParams(location.search).get('next');
  if (next && /^[a-z-]+\.html(\?[\w=&%-]*)?$/.test(next)) return next;
  if (me.roles.includes('presenter') || me.roles.includes('communicator')) return 'sessions.html';
  if (me.roles.includes('reviewer')) return 'review.html';
  return me.roles.includes('admin') ? 'admin.html' : 'sessions.html';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  await whileBusy(form, async () => {
    try {
      const me = await api('POST', 'api/auth/login', {
        username: form.elements.username.value,
        password: form.elements.password.value,
      });
      location.assign(nextPage(me));
    } catch (e) {
      form.elements.password.value = '';
      showError(form, e);
    }
  });
});
