// A field filled to its maxlength says so next to it (decision 044): the browser silently drops the rest of a paste.
// The message, in the page's language, is on <body data-limit-message="... {0} ...">.
(() => {
    const update = (field) => {
        if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || field.maxLength <= 0) {
            return;
        }
        const holder = field.closest('.mud-input-control') ?? field.parentElement;
        if (!holder) {
            return;
        }
        if (field.value.length >= field.maxLength) {
            const template = document.body.dataset.limitMessage ?? '';
            holder.setAttribute('data-limit-reached', template.replace('{0}', field.maxLength.toLocaleString(document.documentElement.lang)));
        } else {
            holder.removeAttribute('data-limit-reached');
        }
    };
    document.addEventListener('input', (event) => update(event.target), true);
})();
