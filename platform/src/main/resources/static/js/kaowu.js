// Kaowu page behaviour without inline scripts (the CSP forbids them).
document.addEventListener('DOMContentLoaded', () => {
  // htmx requests carry the CSRF token from the layout's meta tags.
  document.body.addEventListener('htmx:configRequest', (event) => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header && token.content) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // "Select all" checkboxes for batch actions: <input type=checkbox data-check-all="name">.
  document.querySelectorAll('[data-check-all]').forEach((box) => {
    box.addEventListener('change', () => {
      document.querySelectorAll(`input[type=checkbox][name="${box.dataset.checkAll}"]`)
        .forEach((c) => { c.checked = box.checked; });
    });
  });
  // Confirmation before destructive actions: <form data-confirm="...">.
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
  // Confirmation before one destructive button of a form with other buttons: <button data-confirm="...">.
  document.querySelectorAll('button[data-confirm]').forEach((button) => {
    button.addEventListener('click', (event) => {
      if (!window.confirm(button.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
  // Choosers that reload the page with the form's values: <select data-submit-on-change>.
  document.querySelectorAll('select[data-submit-on-change]').forEach((select) => {
    select.addEventListener('change', () => select.form.submit());
  });
  // Page-size chooser: <select data-page-size>.
  document.querySelectorAll('select[data-page-size]').forEach((select) => {
    select.addEventListener('change', () => {
      const url = new URL(window.location.href);
      url.searchParams.set('size', select.value);
      url.searchParams.set('page', '1');
      window.location.href = url.toString();
    });
  });
});
