// The reconnection dialog (decision 046): says what happens in the page's language (texts rendered by the server in
// ReconnectModal.razor), keeps trying while the server is away, and reloads the page by itself once the server is back
// without this circuit (a restart, or another instance): the page then comes back signed in, with its drafts (FormDrafts).
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

// After the framework's own attempts, one more every few seconds for as long as the tab stays open.
const autoRetryMilliseconds = 3000;
let autoRetryTimer = null;
let retrying = false;

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        stopAutoRetry();
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        scheduleAutoRetry();
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } else if (event.detail.state === "rejected") {
        reload();
    }
}

function reload() {
    stopAutoRetry();
    reconnectModal.classList.add("components-reconnect-reloading");
    if (!reconnectModal.open) {
        reconnectModal.showModal();
    }
    location.reload();
}

function scheduleAutoRetry() {
    stopAutoRetry();
    autoRetryTimer = setTimeout(retry, autoRetryMilliseconds);
}

function stopAutoRetry() {
    if (autoRetryTimer !== null) {
        clearTimeout(autoRetryTimer);
        autoRetryTimer = null;
    }
}

async function retry() {
    if (retrying) {
        return;
    }

    retrying = true;
    stopAutoRetry();
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    try {
        // true: reconnected; false: the server answered but no longer knows this circuit; a throw: no server yet.
        const successful = await Blazor.reconnect();
        if (!successful) {
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                reload();
            } else {
                reconnectModal.close();
            }
        }
    } catch (err) {
        scheduleAutoRetry();
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } finally {
        retrying = false;
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}

// Drafts of unsent forms (FormDrafts, "cdp-draft:" keys) never outlive the person's sign-in in this tab.
function clearDrafts() {
    for (const key of Object.keys(sessionStorage)) {
        if (key.startsWith("cdp-draft:")) {
            sessionStorage.removeItem(key);
        }
    }
}

document.addEventListener("submit", event => {
    const action = event.target instanceof HTMLFormElement ? event.target.getAttribute("action") ?? "" : "";
    if (action.endsWith("Account/Logout")) {
        clearDrafts();
    }
}, true);

if (location.pathname.toLowerCase().startsWith("/account/login")) {
    clearDrafts();
}
