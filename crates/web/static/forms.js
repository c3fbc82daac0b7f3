// Typed text is never lost without a warning: leaving a page whose form marked
// `data-unsaved-warning` holds unsaved typing (another form's button, a link, closing the tab)
// asks first. The form's own buttons save, so they do not ask.
document.addEventListener('DOMContentLoaded', () => {
  let dirty = false;
  for (const form of document.querySelectorAll('form[data-unsaved-warning]')) {
    form.addEventListener('input', () => { dirty = true; });
    form.addEventListener('change', () => { dirty = true; });
    form.addEventListener('submit', () => { dirty = false; });
  }
  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
});
