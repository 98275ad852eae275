// @ts-check
// The console's keyboard shortcuts: one keydown listener on the document that reports the keys the
// console knows to .NET (DotNetObjectReference.invokeMethodAsync('OnShortcut', key)). Keys typed
// into an input, a text area, a select or anything editable are the officer's text, never a
// shortcut; nor is anything with Ctrl, Alt or Meta, which belongs to the browser.
//
// The new-case form (N) comes from the server a round trip later. Keys typed in between would be
// lost or taken as shortcuts, so N puts the focus at once on an off-screen catcher that holds what
// is typed (Tab, and text, IME included) and, when the form appears, hands it on: the form's first
// field takes the focus, each Tab moves it on, each text goes into the focused field.

/** @type {Map<string, (event: KeyboardEvent) => void>} */
const listeners = new Map();

/** How long the catcher waits for the form; the server answers within seconds even under load. */
const FORM_WAIT_MS = 15000;

/** @type {{ catcher: HTMLTextAreaElement, steps: ({ tab: boolean, back: boolean } | { text: string })[], observer: MutationObserver, timer: number } | null} */
let opening = null;

/**
 * The form's fields in the order Tab visits them (none has a positive tabindex).
 * @param {Element} form
 * @returns {HTMLElement[]}
 */
function tabbable(form) {
  return [...form.querySelectorAll('input, select, textarea, button, a[href], [tabindex]')].filter(
    /** @returns {el is HTMLElement} */
    (el) => el instanceof HTMLElement && el.tabIndex >= 0 && !el.hasAttribute('disabled') && el.getClientRects().length > 0);
}

/** @param {HTMLElement} field @param {string} text */
function typeInto(field, text) {
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
    field.value += text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function takeText() {
  if (opening && opening.catcher.value) {
    opening.steps.push({ text: opening.catcher.value });
    opening.catcher.value = '';
  }
}

function stopOpening() {
  if (!opening) {
    return;
  }
  opening.observer.disconnect();
  clearTimeout(opening.timer);
  opening.catcher.remove();
  opening = null;
}

/** @param {Element} form */
function handOn(form) {
  focusedForms.add(form);
  takeText();
  const steps = opening ? opening.steps : [];
  stopOpening();
  const fields = tabbable(form);
  if (fields.length === 0) {
    return;
  }
  let at = 0;
  fields[0].focus();
  for (const step of steps) {
    if ('text' in step) {
      typeInto(fields[at], step.text);
    } else {
      at = Math.min(Math.max(at + (step.back ? -1 : 1), 0), fields.length - 1);
      fields[at].focus();
    }
  }
}

function startOpening() {
  stopOpening();
  const catcher = document.createElement('textarea');
  catcher.setAttribute('aria-hidden', 'true');
  catcher.setAttribute('data-new-case-catcher', '');
  catcher.style.cssText = 'position:fixed;left:-10000px;top:0;width:1px;height:1px;opacity:0;';
  catcher.addEventListener('keydown', (event) => {
    if (event.key === 'Tab') {
      event.preventDefault();
      takeText();
      opening?.steps.push({ tab: true, back: event.shiftKey });
    } else if (event.key === 'Enter') {
      // Filing before the form is there would file nothing the officer could see.
      event.preventDefault();
    }
  });
  const observer = new MutationObserver(() => {
    const form = document.querySelector('[data-new-case]');
    if (form) {
      handOn(form);
    }
  });
  opening = { catcher, steps: [], observer, timer: window.setTimeout(stopOpening, FORM_WAIT_MS) };
  document.body.appendChild(catcher);
  observer.observe(document.body, { childList: true, subtree: true });
  catcher.focus();
}

/** The forms already given the focus: once each, so that a later render never takes it back. */
const focusedForms = new WeakSet();

/** A form opened by the header's button, or by N: its first field has the focus as soon as it is on the page. */
const formWatcher = new MutationObserver(() => {
  const form = document.querySelector('[data-new-case]');
  if (form && !opening && !focusedForms.has(form)) {
    focusedForms.add(form);
    if (!form.contains(document.activeElement)) {
      tabbable(form)[0]?.focus();
    }
  }
});

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
    if (shortcut === 'n' && document.querySelector('[data-new-case-open]:not([disabled])') && !document.querySelector('[data-new-case]')) {
      startOpening();
    } else if (shortcut === 'Escape') {
      stopOpening();
    }
    dotnetRef.invokeMethodAsync('OnShortcut', shortcut).catch(() => {
      // The circuit is gone; the page's reconnect UI tells the officer.
    });
  };
  document.addEventListener('keydown', listener);
  listeners.set(id, listener);
  formWatcher.observe(document.body, { childList: true, subtree: true });
}

/** @param {string} id */
export function unregister(id) {
  const listener = listeners.get(id);
  if (listener) {
    document.removeEventListener('keydown', listener);
    listeners.delete(id);
  }
  if (listeners.size === 0) {
    formWatcher.disconnect();
    stopOpening();
  }
}
