import { api, ApiError, showError, clearErrors, whileBusy, PARTICIPANT_KEY } from './api.js';

const form = document.getElementById('join-form');
const code = new URLSearchParams(location.search).get('code');
if (code) form.elements.code.value = code;
(code ? form.elements.displayName : form.elements.code).focus();

const NO_NAME_TO_QUOTE = 'Enter the name to be quoted by, or untick “quote me by this name”.';

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  // ticked without a name: say so here rather than join without it
  if (form.elements.quoteByName.checked && !form.elements.displayName.value.trim()) {
    showError(form, new ApiError(400, { errors: [{ field: 'displayName', message: NO_NAME_TO_QUOTE }] }));
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
