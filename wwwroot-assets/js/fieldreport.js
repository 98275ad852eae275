// @ts-check
// Sends a field report from a phone on a flaky connection (一线通达). The same Idempotency-Key goes
// with every attempt, so the server stores the report once and answers a repeat with the first
// result; a network failure, a timeout or a 5xx/408/429 is retried after a growing wait, any other
// answer (201, 200, a 4xx problem) is final. The request goes over plain HTTP, not the page's
// circuit, so it survives the circuit dropping while the crew is in a lift or a basement.

/** Waits before each attempt: the first at once, then longer, about half a minute in all. */
export const RETRY_DELAYS_MS = [0, 1000, 2000, 4000, 8000, 15000];

/** How long one attempt may take before it counts as lost (a few photos over a weak 4G link). */
export const ATTEMPT_TIMEOUT_MS = 60000;

/**
 * @typedef {{ status: number, body: string | null, attempts: number }} SendResult
 * status 0 when every attempt failed without an answer.
 */

/**
 * @param {number} status
 * @returns {boolean} whether an answer with this status is worth trying again
 */
export function retryable(status) {
  return status >= 500 || status === 408 || status === 429;
}

/**
 * @param {{
 *   url: string,
 *   key: string,
 *   form: () => FormData,
 *   fetch?: typeof globalThis.fetch,
 *   sleep?: (ms: number) => Promise<void>,
 *   delays?: number[],
 *   onAttempt?: (attempt: number) => void,
 * }} request the form is built afresh for each attempt (a FormData body is read once)
 * @returns {Promise<SendResult>}
 */
export async function sendWithRetry(request) {
  const send = request.fetch ?? globalThis.fetch;
  const sleep = request.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const delays = request.delays ?? RETRY_DELAYS_MS;
  let last = 0;
  for (let i = 0; i < delays.length; i++) {
    if (delays[i] > 0) await sleep(delays[i]);
    request.onAttempt?.(i + 1);
    try {
      const response = await send(request.url, {
        method: 'POST',
        body: request.form(),
        headers: { 'Idempotency-Key': request.key },
        credentials: 'same-origin',
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      last = response.status;
      if (!retryable(response.status)) {
        return { status: response.status, body: await response.text(), attempts: i + 1 };
      }
    } catch {
      // No answer (offline, reset, timed out): the next attempt carries the same key.
    }
  }

  return { status: last, body: null, attempts: delays.length };
}
