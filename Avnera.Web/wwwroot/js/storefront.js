// Progressive enhancement of the storefront's GET forms (filters, sort, variant picker, language).
// Without JavaScript every form has its own submit button. With it, a choice made with the mouse or a
// finger submits at once; keyboard users keep moving through options and submit with the button, so
// arrowing through a radio group never reloads the page under them.
(() => {
    let pointer = 0;
    document.addEventListener('pointerdown', () => { pointer = Date.now(); }, true);
    document.addEventListener('change', (e) => {
        const control = e.target;
        if (!(control instanceof HTMLElement) || !control.matches('select, input[type=checkbox], input[type=radio]')) return;
        const form = control.closest('form[data-autosubmit]');
        if (form && Date.now() - pointer < 1500) form.requestSubmit();
    });
})();
