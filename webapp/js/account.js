import { api, requireStaff, showError, clearErrors, whileBusy, logout, rememberCsrfToken } from './api.js';
import { t } from './i18n.js';

const form = document.getElementById('password-form');
document.getElementById('logout').addEventListener('click', logout);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  await whileBusy(form, async () => {
    try {
      const me = await api('PUT', 'api/auth/password', {
        currentPassword: form.elements.currentPassword.value,
        newPassword: form.elements.newPassword.value,
      });
      rememberCsrfToken(me.csrfToken);
      form.reset();
      document.getElementById('page-status').textContent = t('account.changed');
    } catch (e) {
      showError(form, e);
    }
  });
});

const me = await requireStaff();
if (me) {
  document.getElementById('who').textContent = t('account.loggedInAs', { name: me.displayName, username: me.username });
  form.elements.currentPassword.focus();
}
