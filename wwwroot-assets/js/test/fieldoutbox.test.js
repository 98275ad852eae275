// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Outbox, formOf, problemText } from '../fieldoutbox.js';

/** @typedef {import('../fieldoutbox.js').QueuedReport} QueuedReport */

/** The phone's store as a Map (IndexedDB in the browser). */
function memoryStore() {
  /** @type {Map<string, QueuedReport>} */
  const rows = new Map();
  return {
    rows,
    all: async () => [...rows.values()].map((r) => ({ ...r })),
    put: async (/** @type {QueuedReport} */ r) => { rows.set(r.key, { ...r }); },
    remove: async (/** @type {string} */ key) => { rows.delete(key); },
  };
}

/**
 * A server answering each request from a script of statuses (0 = no answer at all), recording what reached it.
 * @param {number[]} script
 */
function server(script) {
  /** @type {{ key: string, note: FormDataEntryValue | null, photos: number }[]} */
  const seen = [];
  const send = async (/** @type {{ url: string, key: string, form: () => FormData }} */ request) => {
    const form = request.form();
    seen.push({ key: request.key, note: form.get('note'), photos: form.getAll('photos').length });
    const status = script[seen.length - 1] ?? 201;
    const body = status === 0 ? null : status < 300 ? '{}' : JSON.stringify({ title: '工单不在处置中', detail: 'accept it first' });
    return { status, body, attempts: 1 };
  };
  return { send, seen };
}

const report = (/** @type {string} */ key, /** @type {string} */ ticketId) => ({
  key, ticketId, url: `/api/field/tickets/${ticketId}/reports`, note: `已处置 ${ticketId}`,
  photos: [{ name: 'scene.jpg', type: 'image/jpeg', blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff])]) }],
});

describe('the field outbox (reports recorded without signal)', () => {
  it('keeps what is recorded offline, then sends each report once, oldest first, when the connection returns', async () => {
    const store = memoryStore();
    const api = server([]);
    let online = false;
    /** @type {number[]} */
    const counts = [];
    const outbox = new Outbox({
      store, account: 'water-hedao', send: api.send, online: () => online,
      onChange: async (o) => { counts.push((await o.items()).length); },
    });

    await outbox.add(report('key-aaaaaaaa', 'T-1'));
    await outbox.add(report('key-bbbbbbbb', 'T-2'));
    assert.equal(api.seen.length, 0, 'nothing is sent while offline');
    assert.deepEqual((await outbox.items()).map((r) => r.ticketId), ['T-1', 'T-2']);
    assert.equal(counts.at(-1), 2);

    online = true;
    await Promise.all([outbox.flush(), outbox.flush()]);
    assert.deepEqual(api.seen.map((s) => s.key), ['key-aaaaaaaa', 'key-bbbbbbbb']);
    assert.deepEqual(api.seen.map((s) => s.photos), [1, 1]);
    assert.equal(api.seen[0].note, '已处置 T-1');
    assert.equal(store.rows.size, 0);
    assert.equal(counts.at(-1), 0);
  });

  it('keeps a report that got no answer, and sends it with the same key next time', async () => {
    const store = memoryStore();
    const api = server([0, 201]);
    const outbox = new Outbox({ store, account: 'a', send: api.send });
    await outbox.add(report('key-cccccccc', 'T-3'));
    assert.equal(store.rows.size, 1);
    await outbox.flush();
    assert.equal(store.rows.size, 0);
    assert.deepEqual(api.seen.map((s) => s.key), ['key-cccccccc', 'key-cccccccc']);
  });

  it('keeps a refused report with its reason and does not send it again until removed', async () => {
    const store = memoryStore();
    const api = server([409]);
    /** @type {(string | null | undefined)[]} */
    const told = [];
    const outbox = new Outbox({ store, account: 'a', send: api.send, onAnswered: (r) => told.push(r.problem) });
    await outbox.add(report('key-dddddddd', 'T-4'));
    await outbox.flush();
    assert.equal(api.seen.length, 1);
    const [kept] = await outbox.items();
    assert.equal(kept.problem, '工单不在处置中：accept it first');
    assert.deepEqual(told, ['工单不在处置中：accept it first']);
    await outbox.remove('key-dddddddd');
    assert.equal(store.rows.size, 0);
  });

  it("sends none of another account's reports recorded on the same phone", async () => {
    const store = memoryStore();
    await new Outbox({ store, account: 'crew-a', online: () => false }).add(report('key-eeeeeeee', 'T-5'));
    const api = server([]);
    const other = new Outbox({ store, account: 'crew-b', send: api.send });
    await other.flush();
    assert.equal(api.seen.length, 0);
    assert.deepEqual(await other.items(), []);
    assert.equal(store.rows.size, 1);
  });

  it('words a refusal from its problem details, or its status when the body is not one', () => {
    assert.equal(problemText('{"title":"照片过大","detail":"at most 10 MB"}', 413), '照片过大：at most 10 MB');
    assert.equal(problemText('<html>bad gateway</html>', 404), 'HTTP 404');
  });

  it('builds the request from the stored note and photos, named and typed as chosen', () => {
    const form = formOf({ ...report('key-ffffffff', 'T-6'), account: 'a', queuedAt: 0 });
    const photo = /** @type {File} */ (form.get('photos'));
    assert.equal(form.get('note'), '已处置 T-6');
    assert.equal(photo.name, 'scene.jpg');
    assert.equal(photo.type, 'image/jpeg');
  });
});
