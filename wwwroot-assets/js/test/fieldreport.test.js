// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryable, sendWithRetry } from '../fieldreport.js';

/**
 * A server that answers each attempt from a script: a status, or 'drop' for a lost connection.
 * @param {(number | 'drop')[]} script
 */
function flakyServer(script) {
  /** @type {{ key: string | null, note: FormDataEntryValue | null }[]} */
  const seen = [];
  /** @type {typeof globalThis.fetch} */
  const fetch = async (_url, init) => {
    const headers = /** @type {Record<string, string>} */ (init?.headers ?? {});
    const body = /** @type {FormData} */ (init?.body ?? new FormData());
    seen.push({ key: headers['Idempotency-Key'], note: body.get('note') });
    const next = script[seen.length - 1];
    if (next === 'drop') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify({ attempt: seen.length }), { status: next });
  };
  return { fetch, seen };
}

/** @param {() => FormData} form */
const request = (form) => ({ url: '/api/field/tickets/T-1/reports', key: 'k-123456789', form, sleep: async () => {} });

const noteForm = () => {
  const form = new FormData();
  form.append('note', '已清理');
  return form;
};

describe('a field report on a flaky connection', () => {
  it('retries lost connections and server errors with the same key until an answer, each with the whole form', async () => {
    const server = flakyServer(['drop', 503, 'drop', 201]);
    const result = await sendWithRetry({ ...request(noteForm), fetch: server.fetch });
    assert.equal(result.status, 201);
    assert.equal(result.attempts, 4);
    assert.deepEqual(server.seen.map((s) => s.key), ['k-123456789', 'k-123456789', 'k-123456789', 'k-123456789']);
    assert.ok(server.seen.every((s) => s.note === '已清理'));
    assert.deepEqual(JSON.parse(result.body ?? ''), { attempt: 4 });
  });

  it('stops at a refusal: a problem is final, not retried', async () => {
    const server = flakyServer([415, 201]);
    const result = await sendWithRetry({ ...request(noteForm), fetch: server.fetch });
    assert.equal(result.status, 415);
    assert.equal(server.seen.length, 1);
  });

  it('gives up after the last wait with no body, so the outbox keeps the report for later', async () => {
    const server = flakyServer(['drop', 'drop', 502]);
    const waits = /** @type {number[]} */ ([]);
    const result = await sendWithRetry({
      ...request(noteForm), fetch: server.fetch, delays: [0, 10, 20], sleep: async (ms) => { waits.push(ms); },
    });
    assert.deepEqual(result, { status: 502, body: null, attempts: 3 });
    assert.deepEqual(waits, [10, 20]);
  });

  it('counts 408, 429 and 5xx as worth retrying, and nothing else', () => {
    assert.deepEqual([200, 201, 400, 403, 404, 409, 413, 415, 408, 429, 500, 503].map(retryable),
      [false, false, false, false, false, false, false, false, true, true, true, true]);
  });
});
