// @ts-check
// The vocabulary fixture: today's names and colours in the shape the server passes as
// options.vocabulary (see ../map/labels.js Vocabulary).
import { readFileSync } from 'node:fs';

/** @type {import('../map/labels.js').Vocabulary} */
export const vocabulary = JSON.parse(readFileSync(new URL('./fixtures/vocabulary.json', import.meta.url), 'utf8'));
