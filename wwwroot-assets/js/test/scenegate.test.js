// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SceneGate, showsScene } from '../map/scenegate.js';

/**
 * The page's scene element as attributes the test sets (as Blazor would), with its watchers, the
 * page's paints and the timers run by hand.
 */
function page() {
  /** @type {Map<string, string>} */
  const attributes = new Map([['data-scene', 'district']]);
  /** @type {Set<() => void>} */
  const watchers = new Set();
  /** @type {(() => void)[]} */
  const paints = [];
  /** @type {Set<() => void>} */
  const timers = new Set();
  const element = /** @type {Element} */ (/** @type {unknown} */ ({ getAttribute: (/** @type {string} */ name) => attributes.get(name) ?? null }));
  return {
    element,
    /** @param {Record<string, string | null>} values */
    render(values) {
      for (const [name, value] of Object.entries(values)) {
        if (value === null) attributes.delete(name);
        else attributes.set(name, value);
      }
      for (const changed of [...watchers]) changed();
    },
    paint() {
      for (const then of paints.splice(0)) then();
    },
    expire() {
      for (const then of [...timers]) then();
    },
    watching: () => watchers.size,
    options: {
      panels: () => element,
      watch: (/** @type {Element} */ _element, /** @type {() => void} */ changed) => {
        watchers.add(changed);
        return () => watchers.delete(changed);
      },
      afterPaint: (/** @type {() => void} */ then) => paints.push(then),
      timer: (/** @type {() => void} */ then) => {
        const once = () => {
          timers.delete(once);
          then();
        };
        timers.add(once);
        return () => timers.delete(once);
      },
    },
  };
}

describe('showsScene', () => {
  const attributes = (/** @type {Record<string, string>} */ values) => (/** @type {string} */ name) => values[name] ?? null;

  it('matches the scene, its 街镇 and its target, absent attributes as none', () => {
    assert.equal(showsScene(attributes({ 'data-scene': 'corridor' }), { scene: 'corridor' }), true);
    assert.equal(showsScene(attributes({ 'data-scene': 'corridor' }), { scene: 'corridor', focus: null, target: null }), true);
    assert.equal(showsScene(attributes({ 'data-scene': 'district' }), { scene: 'corridor' }), false);
    assert.equal(showsScene(attributes({ 'data-scene': 'district', 'data-focus': '310107014000' }), { scene: 'district', focus: '310107014000' }), true);
    assert.equal(showsScene(attributes({ 'data-scene': 'district' }), { scene: 'district', focus: '310107014000' }), false);
    const target = { id: 'T-1', kind: 'ticket', lon: 121.4, lat: 31.25 };
    assert.equal(showsScene(attributes({ 'data-scene': 'key-events', 'data-target': 'T-1' }), { scene: 'key-events', target }), true);
    assert.equal(showsScene(attributes({ 'data-scene': 'key-events', 'data-target': 'T-2' }), { scene: 'key-events', target }), false);
  });
});

describe('SceneGate', () => {
  it('lets the view through once the panels show the scene and have been painted, not before', async () => {
    const wall = page();
    const gate = new SceneGate(wall.options);
    let applied = 0;
    const passed = gate.pass({ scene: 'corridor' }, () => applied++);
    wall.paint();
    assert.equal(applied, 0, 'the panels still show the district');
    wall.render({ 'data-highlight': 'look' });
    wall.paint();
    assert.equal(applied, 0, 'another attribute changed, not the scene');
    wall.render({ 'data-scene': 'corridor' });
    assert.equal(applied, 0, 'shown, not yet painted');
    wall.paint();
    await passed;
    assert.equal(applied, 1);
    assert.equal(wall.watching(), 0);
    wall.expire();
    assert.equal(applied, 1, 'the time limit does not apply it again');
  });

  it('waits one paint when the panels showed the scene before its hub message came', async () => {
    const wall = page();
    wall.render({ 'data-scene': 'emergency' });
    let applied = 0;
    const passed = new SceneGate(wall.options).pass({ scene: 'emergency' }, () => applied++);
    assert.equal(applied, 0);
    wall.paint();
    await passed;
    assert.equal(applied, 1);
  });

  it('goes without the panels after the time limit', async () => {
    const wall = page();
    let applied = 0;
    const passed = new SceneGate(wall.options).pass({ scene: 'corridor' }, () => applied++);
    wall.expire();
    await passed;
    assert.equal(applied, 1);
    assert.equal(wall.watching(), 0);
  });

  it('takes only the latest scene: a newer one drops the view of one still waiting', async () => {
    const wall = page();
    const gate = new SceneGate(wall.options);
    /** @type {string[]} */
    const applied = [];
    const first = gate.pass({ scene: 'corridor' }, () => applied.push('corridor'));
    const second = gate.pass({ scene: 'district', focus: '310107014000' }, () => applied.push('街镇'));
    await first;
    assert.deepEqual(applied, []);
    wall.render({ 'data-scene': 'corridor' });
    wall.paint();
    assert.deepEqual(applied, []);
    wall.render({ 'data-scene': 'district', 'data-focus': '310107014000' });
    wall.paint();
    await second;
    assert.deepEqual(applied, ['街镇']);
  });

  it('goes at once on a page without scene panels', async () => {
    let applied = 0;
    await new SceneGate({ panels: () => null }).pass({ scene: 'corridor' }, () => applied++);
    assert.equal(applied, 1);
  });
});
