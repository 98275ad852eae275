// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundaryLines } from '../map/clipedge.js';

const BOX = [0, 0, 10, 10];

describe('the neighbouring districts\' boundaries', () => {
  it('leave out the stretch a district runs along the clip box, keeping the rest as one line', () => {
    // A district cut by the box's south side: its boundary is the three sides inside the box.
    const ring = [[2, 5], [2, 0], [6, 0], [6, 5], [2, 5]];
    assert.deepEqual(boundaryLines([ring], BOX, 1e-6), [[[6, 0], [6, 5], [2, 5], [2, 0]]]);
  });

  it('keep a district the box does not cut whole', () => {
    const ring = [[2, 2], [4, 2], [4, 4], [2, 2]];
    assert.deepEqual(boundaryLines([ring], BOX, 1e-6), [ring]);
  });

  it('split a boundary where the box cuts a district on two sides, and keep lines that only touch a side', () => {
    // Cut by the west and the east sides; the line from (0, 3) to (5, 3) to (10, 3) only touches them.
    const ring = [[0, 3], [5, 3], [10, 3], [10, 7], [0, 7], [0, 3]];
    assert.deepEqual(boundaryLines([ring], BOX, 1e-6), [[[10, 7], [0, 7]], [[0, 3], [5, 3], [10, 3]]]);
  });

  it('keep both stretches of a corner cut by two sides that meet', () => {
    const ring = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    assert.deepEqual(boundaryLines([ring], BOX, 1e-6), [[[4, 0], [4, 4], [0, 4]]]);
  });
});
