// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

// One truth for the page's connection: the Blazor circuit and, on the wall, the map's hub
// (twinmap.js dispatches 'twin:connection'). The combined state goes on <html data-twin-connection>,
// which the wall's badge and panels are styled from; it is set here, not rendered by the server,
// because while the circuit is down the server cannot render anything, and <html> is outside what
// a fresh circuit renders again.
const parts = { circuit: "up", hub: null };

function publish() {
    const state = parts.circuit === "failed" ? "disconnected"
        : parts.circuit === "down" ? "reconnecting"
            : parts.hub ?? "connecting";
    if (document.documentElement.dataset.twinConnection !== state) {
        // When the page changed state, for DevTools and the reconnect test (a busy page paints it later).
        performance.mark("twin-connection:" + state);
    }
    document.documentElement.dataset.twinConnection = state;
}

window.twinConnection = {
    hub(state) {
        parts.hub = state;
        publish();
    },
};
document.addEventListener("twin:connection", (event) => window.twinConnection.hub(event.detail));

// The wall says it in its badge and panels and keeps the map in view; the field view stays usable
// without signal (its outbox keeps what the crew records); other pages get the dialog.
const showsOwnState = () => document.querySelector("[data-connection-badge], [data-works-offline]") !== null;

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    if (state === "show" || state === "retrying") {
        parts.circuit = "down";
        if (state === "show" && !showsOwnState()) {
            reconnectModal.showModal();
        }
    } else if (state === "hide") {
        parts.circuit = "up";
        reconnectModal.close();
    } else if (state === "failed") {
        parts.circuit = "failed";
        scheduleRetry();
    } else if (state === "rejected") {
        // The server restarted and no longer knows the circuit: a fresh one renders the page in
        // place (the wall's map, live again through its own hub connection, is kept), a reload only
        // if that fails.
        resumeOrReload();
    }
    publish();
}

// The 'rejected' state and a retry that finds the circuit unknown may both ask at once; a second
// resume racing the first would fail and reload a page the first is rendering afresh.
let resuming = null;

function resumeOrReload() {
    resuming ??= resumeOnce().finally(() => {
        resuming = null;
    });
    return resuming;
}

async function resumeOnce() {
    try {
        if (await Blazor.resumeCircuit()) {
            parts.circuit = "up";
            publish();
            return;
        }
    } catch {
        // Fall through to the reload.
    }
    location.reload();
}

// Nobody touches the wall: once Blazor's own attempts are exhausted, keep retrying by ourselves.
const retryIntervalMs = 1000;
let retryTimer = null;

function scheduleRetry() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(retry, retryIntervalMs);
}

async function retry() {
    clearTimeout(retryTimer);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available.
            reconnectModal.close();
            await resumeOrReload();
        }
    } catch (err) {
        // The server is unreachable for now.
        scheduleRetry();
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
        scheduleRetry();
    }
}
