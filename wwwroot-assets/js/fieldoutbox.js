// @ts-check
// 一线通达's outbox. A crew in a basement or under a bridge has no signal, and a Blazor Server page
// without its circuit can do nothing; so the report (note and photos) is taken by this module, kept
// on the phone (IndexedDB, which holds the photos as they were chosen), shown as "N 条待发送", and
// sent over plain HTTP when the connection returns. Each report carries the key it was given when it
// was recorded, so however often it is sent — a lost answer, two tabs, a reload — the server stores
// it once. A report the server refuses for good stays on the phone, with the reason, until the crew
// removes it: their note is not lost to a 409.
import { sendWithRetry } from './fieldreport.js';

/**
 * @typedef {{ name: string, type: string, blob: Blob }} QueuedPhoto
 * @typedef {{
 *   key: string, account: string, ticketId: string, url: string, note: string,
 *   photos: QueuedPhoto[], queuedAt: number, problem?: string | null,
 * }} QueuedReport problem: why the server refused it (then it is not sent again)
 * @typedef {{
 *   all: () => Promise<QueuedReport[]>,
 *   put: (report: QueuedReport) => Promise<void>,
 *   remove: (key: string) => Promise<void>,
 * }} OutboxStore
 * @typedef {{ status: number, body: string | null, attempts: number }} SendResult
 */

/** How often a waiting report is tried again when no 'online' event comes (a captive or flaky network). */
export const RETRY_INTERVAL_MS = 30000;

/** The reports waiting on this phone, sent in the order they were recorded, each until it is answered. */
export class Outbox {
  /** @type {Promise<void> | null} */
  #running = null;
  #again = false;
  #sending = false;

  /**
   * @param {{
   *   store: OutboxStore,
   *   account: string,
   *   send?: (request: { url: string, key: string, form: () => FormData }) => Promise<SendResult>,
   *   online?: () => boolean,
   *   onChange?: (outbox: Outbox) => void | Promise<void>,
   *   onAnswered?: (report: QueuedReport, result: SendResult) => void,
   * }} options account: whose reports these are (another crew signed in on the same phone sends none of them)
   */
  constructor(options) {
    this.options = options;
  }

  /** Whether a report is on its way right now. */
  get sending() {
    return this.#sending;
  }

  /** @returns {Promise<QueuedReport[]>} this account's reports on the phone, oldest first */
  async items() {
    const all = await this.options.store.all();
    return all.filter((r) => r.account === this.options.account).sort((a, b) => a.queuedAt - b.queuedAt);
  }

  /**
   * Keeps a recorded report on the phone, then tries to send it.
   * @param {Omit<QueuedReport, 'account' | 'queuedAt'>} report
   */
  async add(report) {
    await this.options.store.put({ ...report, account: this.options.account, queuedAt: Date.now(), problem: null });
    await this.#changed();
    return this.flush();
  }

  /** Forgets a refused report (the crew has read why). */
  async remove(/** @type {string} */ key) {
    await this.options.store.remove(key);
    await this.#changed();
  }

  /**
   * Sends what waits, one at a time; a call while sending makes the running pass look again when it
   * ends, so a report recorded meanwhile is not left behind.
   * @returns {Promise<void>}
   */
  flush() {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }

    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#drain();
      } while (this.#again && this.#online());
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #drain() {
    const send = this.options.send ?? sendWithRetry;
    while (this.#online()) {
      const next = (await this.items()).find((r) => !r.problem);
      if (!next) {
        return;
      }

      this.#sending = true;
      await this.#changed();
      /** @type {SendResult} */
      let result;
      try {
        result = await send({ url: next.url, key: next.key, form: () => formOf(next) });
      } finally {
        this.#sending = false;
      }

      let answered = next;
      if (result.status === 200 || result.status === 201) {
        await this.options.store.remove(next.key);
      } else if (result.body !== null) {
        answered = { ...next, problem: problemText(result.body, result.status) };
        await this.options.store.put(answered);
      } else {
        // No answer after the whole retry schedule: it stays, for the next 'online' event or timer.
        await this.#changed();
        return;
      }

      await this.#changed();
      this.options.onAnswered?.(answered, result);
    }
  }

  #online() {
    return this.options.online?.() ?? true;
  }

  async #changed() {
    await this.options.onChange?.(this);
  }
}

/**
 * The request body, built afresh for each attempt (a FormData body is read once).
 * @param {QueuedReport} report
 */
export function formOf(report) {
  const form = new FormData();
  form.append('note', report.note);
  for (const photo of report.photos) form.append('photos', new File([photo.blob], photo.name, { type: photo.type }));
  return form;
}

/**
 * A refusal as the crew reads it: the problem's title and detail, else the status.
 * @param {string} body
 * @param {number} status
 */
export function problemText(body, status) {
  try {
    const problem = JSON.parse(body);
    const text = [problem?.title, problem?.detail].filter((s) => typeof s === 'string' && s.length > 0).join('：');
    if (text) return text;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return `HTTP ${status}`;
}

/**
 * The phone's store: one IndexedDB object store keyed by the report's idempotency key.
 * @param {string} [name]
 * @returns {OutboxStore}
 */
export function indexedDbStore(name = 'twin-field-outbox') {
  /** @type {Promise<IDBDatabase> | null} */
  let opened = null;
  const open = () => opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('reports', { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  /**
   * @template T
   * @param {IDBTransactionMode} mode
   * @param {(store: IDBObjectStore) => IDBRequest<T>} work
   * @returns {Promise<T>} once the transaction is committed
   */
  const run = async (mode, work) => {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction('reports', mode);
      const request = work(tx.objectStore('reports'));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  return {
    all: () => run('readonly', (s) => s.getAll()),
    put: async (report) => { await run('readwrite', (s) => s.put(report)); },
    remove: async (key) => { await run('readwrite', (s) => s.delete(key)); },
  };
}

/**
 * @typedef {{
 *   pending: string, offline: string, sending: string, refused: string, remove: string, noteRequired: string,
 * }} OutboxTexts pending holds {0} for the count
 * @typedef {{ invokeMethodAsync: (name: string, ...args: unknown[]) => Promise<unknown> }} PageRef
 */

/** @type {{ outbox: Outbox, stop: () => void } | null} */
let current = null;

/**
 * Wires the field page: its 提交审核 button records into the outbox (a native listener, so it works
 * while the circuit is down), the outbox element shows what waits, and the queue is sent on 'online'
 * and every RETRY_INTERVAL_MS. The page is told of each change when its circuit is there to hear it.
 * @param {HTMLElement} root the field page's element
 * @param {PageRef} page
 * @param {OutboxTexts} texts
 * @param {string} account
 * @returns {Promise<string[]>} the tickets with a report waiting
 */
export async function start(root, page, texts, account) {
  stop();
  const tell = (/** @type {string} */ name, /** @type {unknown[]} */ ...args) => {
    // The circuit may be down; the page catches up from the live picture when it is back.
    page.invokeMethodAsync(name, ...args).catch(() => {});
  };
  const outbox = new Outbox({
    store: indexedDbStore(),
    account,
    online: () => navigator.onLine,
    onChange: async (o) => render(root, o, await o.items(), texts),
    onAnswered: (report, result) => tell('OnAnswered', report.ticketId, result.status === 200 || result.status === 201, report.problem ?? null),
  });

  /** @param {MouseEvent} event */
  const onClick = async (event) => {
    const target = /** @type {Element | null} */ (event.target);
    const remove = target?.closest('[data-outbox-remove]');
    if (remove) {
      await outbox.remove(remove.getAttribute('data-outbox-remove') ?? '');
      return;
    }
    const button = target?.closest('[data-action="submit"]');
    if (!button || button.hasAttribute('disabled')) return;
    await record(root, button, outbox, texts, tell);
  };
  const flush = () => { void outbox.flush(); };
  const show = async () => render(root, outbox, await outbox.items(), texts);
  root.addEventListener('click', onClick);
  window.addEventListener('online', flush);
  window.addEventListener('offline', show);
  const timer = setInterval(flush, RETRY_INTERVAL_MS);
  current = {
    outbox,
    stop: () => {
      root.removeEventListener('click', onClick);
      window.removeEventListener('online', flush);
      window.removeEventListener('offline', show);
      clearInterval(timer);
    },
  };

  const items = await outbox.items();
  render(root, outbox, items, texts);
  flush();
  return items.filter((r) => !r.problem).map((r) => r.ticketId);
}

/** Unwires the page (it is disposed); what waits stays on the phone for the next visit. */
export function stop() {
  current?.stop();
  current = null;
}

/**
 * Takes the note and photos from the form into the outbox and clears the form.
 * @param {HTMLElement} root
 * @param {Element} button carries the ticket and the endpoint
 * @param {Outbox} outbox
 * @param {OutboxTexts} texts
 * @param {(name: string, ...args: unknown[]) => void} tell
 */
async function record(root, button, outbox, texts, tell) {
  const textarea = /** @type {HTMLTextAreaElement | null} */ (root.querySelector('[data-field-note] textarea, textarea[data-field-note]'));
  const input = /** @type {HTMLInputElement | null} */ (root.querySelector('[data-field-photos]'));
  const note = textarea?.value.trim() ?? '';
  if (!textarea || note.length === 0) {
    textarea?.setCustomValidity(texts.noteRequired);
    textarea?.reportValidity();
    textarea?.addEventListener('input', () => textarea.setCustomValidity(''), { once: true });
    return;
  }

  const ticketId = button.getAttribute('data-ticket') ?? '';
  const photos = input?.files ? Array.from(input.files).map((f) => ({ name: f.name, type: f.type, blob: /** @type {Blob} */ (f) })) : [];
  const sending = outbox.add({ key: newKey(), ticketId, url: button.getAttribute('data-url') ?? '', note, photos });
  // Cleared through their events, so a live page's bindings agree; while the circuit is down they are just cleared.
  textarea.value = '';
  textarea.dispatchEvent(new Event('change', { bubbles: true }));
  if (input) {
    input.value = '';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  // The form makes way at once: a live page replaces it (OnQueued), a page without its circuit cannot.
  button.closest('[data-field-report]')?.setAttribute('hidden', '');
  tell('OnQueued', ticketId);
  await sending;
}

/** A new report's key: a UUID (the endpoint takes 8–64 letters, digits and '-'). */
function newKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Draws the outbox into the page's [data-field-outbox] element, which the server renders empty.
 * @param {HTMLElement} root
 * @param {Outbox} outbox
 * @param {QueuedReport[]} items
 * @param {OutboxTexts} texts
 */
function render(root, outbox, items, texts) {
  const box = /** @type {HTMLElement | null} */ (root.querySelector('[data-field-outbox]'));
  if (!box) return;
  const waiting = items.filter((r) => !r.problem);
  const refused = items.filter((r) => r.problem);
  box.hidden = items.length === 0;
  box.dataset.count = String(waiting.length);
  box.replaceChildren();
  if (waiting.length > 0) {
    const line = document.createElement('p');
    line.className = 'outbox-count';
    line.dataset.outboxCount = String(waiting.length);
    const state = !navigator.onLine ? texts.offline : outbox.sending ? texts.sending : '';
    line.textContent = texts.pending.replace('{0}', String(waiting.length)) + (state ? ` · ${state}` : '');
    const list = document.createElement('ul');
    for (const r of waiting) {
      const item = document.createElement('li');
      item.dataset.outboxItem = r.ticketId;
      item.textContent = `${r.ticketId} · ${r.note}`;
      list.append(item);
    }
    box.append(line, list);
  }
  for (const r of refused) {
    const item = document.createElement('div');
    item.className = 'outbox-refused';
    item.dataset.outboxRefused = r.ticketId;
    const why = document.createElement('p');
    why.textContent = `${texts.refused} ${r.ticketId}：${r.problem}`;
    const note = document.createElement('p');
    note.className = 'outbox-note';
    note.textContent = r.note;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.dataset.outboxRemove = r.key;
    remove.textContent = texts.remove;
    item.append(why, note, remove);
    box.append(item);
  }
}

/**
 * The chosen photos' names, sizes and types, so the page can refuse one before it is sent.
 * @param {HTMLInputElement | null} input
 * @returns {{ name: string, size: number, type: string }[]}
 */
export function chosen(input) {
  return input?.files ? Array.from(input.files).map((f) => ({ name: f.name, size: f.size, type: f.type })) : [];
}
