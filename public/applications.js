// Progressive enhancement of the application form: show only the fields of the chosen applicant
// kind. Without JavaScript both groups stay visible and the server checks the right ones.
document.documentElement.classList.add('js');
document.querySelectorAll('form.application-form').forEach((form) => {
  const update = () => {
    const kind = form.querySelector('input[name="applicantKind"]:checked');
    form.querySelectorAll('fieldset[data-applicant]').forEach((fs) => {
      if (!kind || fs.getAttribute('data-applicant') === kind.value) fs.removeAttribute('data-inactive');
      else fs.setAttribute('data-inactive', '');
    });
  };
  form.querySelectorAll('input[name="applicantKind"]').forEach((r) => r.addEventListener('change', update));
  update();
});

// The 打印回执 button needs a script; without one it stays hidden and the page names Ctrl+P.
document.querySelectorAll('button[data-print]').forEach((button) => {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
});
