import { api, showError, clearErrors, whileBusy, PARTICIPANT_KEY } from './api.js';

const form = document.getElementById('join-form');
const code = new URLSearchParams(location.search).get('code');
if (code) form.elements.code.value = code;
(code ? form.elements.displayName : form.elements.code).focus();

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  await whileBusy(form, async () => {
    try {
      const joined = await api('POST', 'api/participants', {
        code: form.elements.code.value,
        displayName: form.elements.displayName.value || null,
        quoteByName: form.elements.quoteByName.checked && !!form.elements.displayName.value,
      });
      localStorage.setItem(PARTICIPANT_KEY, joined.token);
      location.assign('trainee.html');
    } catch (e) {
      if (e.status === 404) e.fieldErrors = [{ field: 'code', message: e.message }];
      showError(form, e);
    }
  });
});
