// The download button (Features/Common/DownloadButton.razor, decision 035): fetches the link's file as a stream,
// reports bytes (and CSV rows) to the component, can be cancelled, and saves the file under the server's name.
// Without this module (before the page is interactive) the link downloads the file the browser's way.

const running = new WeakMap();

export function attach(host, component) {
    host.dataset.ready = 'true';
    host.addEventListener('click', event => {
        const link = event.target.closest('a[href]');
        if (!link || !host.contains(link) || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return;
        }
        event.preventDefault();
        if (!running.has(host)) {
            download(host, component, link);
        }
    });
}

export function cancel(host) {
    running.get(host)?.abort();
}

async function download(host, component, link) {
    const controller = new AbortController();
    running.set(host, controller);
    try {
        await component.invokeMethodAsync('Started');
        // A lost session answers with a redirect to the sign-in page: not followed, it is an error, not a file.
        const response = await fetch(link.href, { signal: controller.signal, credentials: 'same-origin', redirect: 'manual' });
        if (response.type === 'opaqueredirect' || !response.ok || !response.body) {
            await component.invokeMethodAsync('Failed', response.status || 0);
            return;
        }
        const length = Number(response.headers.get('Content-Length')) || null;
        const totalRows = Number(response.headers.get('X-Total-Rows')) || null;
        const type = response.headers.get('Content-Type') || 'application/octet-stream';
        const csv = type.startsWith('text/csv');
        const reader = response.body.getReader();
        const chunks = [];
        let bytes = 0;
        let lines = 0;
        let reported = 0;
        for (;;) {
            const { done, value } = await reader.read();
            if (done) {
                break;
            }
            chunks.push(value);
            bytes += value.length;
            if (csv) {
                for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) {
                    lines++;
                }
            }
            const now = performance.now();
            if (now - reported > 200) {
                reported = now;
                component.invokeMethodAsync('Progress', bytes, length, csv ? Math.max(lines - 1, 0) : null, totalRows);
            }
        }
        const url = URL.createObjectURL(new Blob(chunks, { type }));
        const save = document.createElement('a');
        save.href = url;
        save.download = fileName(response) || link.getAttribute('download') || '';
        save.style.display = 'none';
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        await component.invokeMethodAsync('Completed', bytes, csv ? Math.max(lines - 1, 0) : null);
    } catch (error) {
        if (error && error.name === 'AbortError') {
            await component.invokeMethodAsync('Cancelled');
        } else {
            await component.invokeMethodAsync('Failed', 0);
        }
    } finally {
        running.delete(host);
    }
}

// The server's name for the file: filename* (UTF-8) first, then filename.
function fileName(response) {
    const disposition = response.headers.get('Content-Disposition') || '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (star) {
        return decodeURIComponent(star[1]);
    }
    const plain = /filename="?([^";]+)"?/i.exec(disposition);
    return plain ? plain[1] : null;
}
