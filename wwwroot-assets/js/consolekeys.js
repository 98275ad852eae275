// @ts-check
// The console's keyboard shortcuts: one keydown listener on the document that reports the keys the
// console knows to .NET (DotNetObjectReference.invokeMethodAsync('OnShortcut', key)). Keys typed
// into an input, a text area, a select or anything editable are the officer's text, never a
// shortcut; nor is anything with Ctrl, Alt or Meta, which belongs to the browser.

/** @type {Map<string, (event: KeyboardEvent) => void>} */
const listeners = new Map();

/**
 * @param {EventTarget | null} target
 * @returns {boolean}
 */
function isTyping(target) {
  if (!(target instanceof Element)) {
    return false;
  }
  if (target instanceof HTMLElement && target.isContentEditable) {
    return true;
  }
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"], [role="listbox"]') !== null;
}

/**
 * @param {string} id the page's registration, for unregister()
 * @param {string[]} keys the shortcuts the console knows
 * @param {DotNetReference} dotnetRef
 */
export function register(id, keys, dotnetRef) {
  unregister(id);
  const known = new Set(keys);
  /** @param {KeyboardEvent} event */
  const listener = (event) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) {
      return;
    }
    // Escape still reaches .NET from an input, so the help closes wherever the cursor is.
    if (event.key !== 'Escape' && isTyping(event.target)) {
      return;
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const shortcut = known.has(key) ? key : known.has(event.key) ? event.key : null;
    if (!shortcut) {
      return;
    }
    if (shortcut !== 'Escape') {
      event.preventDefault();
    }
    dotnetRef.invokeMethodAsync('OnShortcut', shortcut).catch(() => {
      // The circuit is gone; the page's reconnect UI tells the officer.
    });
  };
  document.addEventListener('keydown', listener);
  listeners.set(id, listener);
}

/** @param {string} id */
export function unregister(id) {
  const listener = listeners.get(id);
  if (listener) {
    document.removeEventListener('keydown', listener);
    listeners.delete(id);
  }
}
