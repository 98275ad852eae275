// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageRatioFor } from '../map/layers.js';

describe('the image layers\' margin', () => {
  it('keeps a margin on a 1080p wall and on a 1440p monitor, so a pan moves the image instead of repainting it', () => {
    assert.equal(imageRatioFor(1920 * 1080), 1.5);
    assert.equal(imageRatioFor(2560 * 1440), 1.5);
  });

  it('paints a 4K wall, or a 1080p one at twice the pixel density, without one: the view alone is 8 million pixels', () => {
    assert.equal(imageRatioFor(3840 * 2160), 1);
    assert.equal(imageRatioFor(1920 * 1080 * 2 ** 2), 1);
  });
});
