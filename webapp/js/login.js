import { api, showError, clearErrors, whileBusy } from './api.js';
import { mayUse, pageOf, startPage } from './pages.js';

const form = document.getElementById('login-form');
form.elements.username.focus();

/**
 * Back to the page the person was going to, if it is a page of this site, named plainly, that they may use; else to
 * their start page (pages.js says which is whose).
 */
function nextPage(me) {
  const next = new URLSearchParams(location.search).get('next');
  if (next && /^[a-z-]+\.html(\?[\w=&%-]*)?$/.test(next) && mayUse(pageOf(next), me.roles)) return next;
  return startPage(me.roles);
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
// the button works from now on: pressed before (a slow phone still loading this script), the browser would have
// submitted the form itself and the typing been lost
form.querySelector('button[type="submit"]').disabled = false;
