import { api, ApiError, showError, clearErrors, whileBusy, PARTICIPANT_KEY } from './api.js';
import { t } from './i18n.js';

const form = document.getElementById('join-form');
const code = new URLSearchParams(location.search).get('code');
if (code) form.elements.code.value = code;
(code ? form.elements.displayName : form.elements.code).focus();

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  // said here, in the reader's language, rather than by the server
  const errors = [!form.elements.code.value.trim() && { field: 'code', message: t('join.codeMissing') },
    form.elements.quoteByName.checked && !form.elements.displayName.value.trim()
      && { field: 'displayName', message: t('join.noNameToQuote') }].filter(Boolean);
  if (errors.length) {
    showError(form, new ApiError(400, { errors }));
    return;
  }
  await whileBusy(form, async () => {
    try {
      const joined = await api('POST', 'api/participants', {
        code: form.elements.code.value,
        displayName: form.elements.displayName.value || null,
        quoteByName: form.elements.quoteByName.checked,
      });
      localStorage.setItem(PARTICIPANT_KEY, joined.token);
      location.assign('trainee.html');
    } catch (e) {
      if (e.status === 404) e.fieldErrors = [{ field: 'code', message: e.message }];
      showError(form, e);
    }
  });
});
