// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchWait } from '../map/connection.js';

describe('batchWait', () => {
  it('gathers one frame of messages on a fast wall, three frames on a slow one, five seconds at most', () => {
    assert.equal(batchWait(0), 0);
    assert.equal(batchWait(40), 40);
    assert.equal(batchWait(100), 100);
    assert.equal(batchWait(600), 1800);
    assert.equal(batchWait(2400), 5000);
  });
});
