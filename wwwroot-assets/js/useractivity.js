// @ts-check
// What counts as a person being there for the session's idle timeout: keyboard, pointer, wheel and
// touch input on the page. Render acknowledgements, interop callbacks and the map's hub traffic do
// not: an open console nobody touches must idle out. Reported to .NET at most once per `everyMs`
// (the first input after a quiet spell is reported at once), so typing does not flood the circuit.

const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'];
/** @type {Map<string, (event: Event) => void>} */
const watchers = new Map();

/**
 * @param {string} id the page's watcher, for stop()
 * @param {DotNetReference} dotnetRef
 * @param {number} everyMs
 */
export function start(id, dotnetRef, everyMs) {
  stop(id);
  let last = 0;
  /** @param {Event} event */
  const listener = (event) => {
    if (!event.isTrusted) {
      return;
    }
    const now = Date.now();
    if (now - last < everyMs) {
      return;
    }
    last = now;
    dotnetRef.invokeMethodAsync('OnUserInput').catch(() => {
      // The circuit is gone; the page is being sent to the sign-in page or reconnecting.
    });
  };
  for (const name of events) {
    document.addEventListener(name, listener, { capture: true, passive: true });
  }
  watchers.set(id, listener);
}

/** @param {string} id */
export function stop(id) {
  const listener = watchers.get(id);
  if (!listener) {
    return;
  }
  for (const name of events) {
    document.removeEventListener(name, listener, { capture: true });
  }
  watchers.delete(id);
}
