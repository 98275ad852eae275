// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HubFeed, applyDelta, deltaStep } from '../map/hubfeed.js';

/** @typedef {import('../map/hubfeed.js').WireFeature} WireFeature */

// The store the wall keeps in OpenLayers sources, as plain maps: layer → id → properties.
function memoryStore() {
  /** @type {Map<string, Map<string | number, Record<string, unknown>>>} */
  const layers = new Map();
  /** @param {string} layer */
  const layer = (layer) => {
    if (!layers.has(layer)) layers.set(layer, new Map());
    return /** @type {Map<string | number, Record<string, unknown>>} */ (layers.get(layer));
  };
  /** @type {{ id: string | number, silent: boolean }[]} */
  const sensorWrites = [];
  return {
    layers,
    sensorWrites,
    /** @param {Record<string, { features: WireFeature[] } | undefined>} collections */
    replace(collections) {
      layers.clear();
      for (const [name, collection] of Object.entries(collections)) {
        for (const f of collection?.features ?? []) layer(name).set(/** @type {string} */ (f.id), { ...f.properties });
      }
    },
    /** @param {string} name @param {string | number} id */
    remove(name, id) {
      layer(name).delete(id);
    },
    /** @param {string | number} id */
    sensor(id) {
      return layer('sensors').get(id) ?? null;
    },
    /** @param {string | number} id @param {Record<string, unknown>} changed @param {boolean} silent */
    updateSensor(id, changed, silent) {
      Object.assign(/** @type {Record<string, unknown>} */ (layer('sensors').get(id)), changed);
      sensorWrites.push({ id, silent });
    },
    /** @param {WireFeature} feature */
    upsert(feature) {
      const name = String(feature.properties.layer);
      if (!['tickets', 'sensors', 'alarms', 'heat'].includes(name)) return undefined;
      const id = /** @type {string} */ (feature.id);
      const previous = layer(name).get(id) ?? null;
      layer(name).set(id, { ...feature.properties });
      return previous;
    },
  };
}

/**
 * @param {string} id
 * @param {Record<string, unknown>} properties
 * @returns {WireFeature}
 */
const feature = (id, properties) => ({ id, geometry: { type: 'Point', coordinates: [121.4, 31.25] }, properties });

const snapshot = (seq = 10) => ({
  seq,
  layers: {
    tickets: { features: [feature('T-1', { layer: 'tickets', status: 'filed' })] },
    sensors: { features: [feature('S-1', { layer: 'sensors', value: 1, valueState: 'normal', health: 'online' })] },
    alarms: { features: [] },
    heat: { features: [] },
  },
});

function feedWithStore() {
  const store = memoryStore();
  let snapshotRequests = 0;
  /** @type {(string | number)[]} */
  const critical = [];
  const feed = new HubFeed({
    store,
    requestSnapshot: () => snapshotRequests++,
    onCritical: (id) => critical.push(id),
    logError: () => {},
  });
  return { store, feed, critical, requests: () => snapshotRequests };
}

describe('deltaStep', () => {
  it('applies the next sequence number, drops while a snapshot is awaited, resyncs on a gap or repeat', () => {
    assert.equal(deltaStep(10, false, 11), 'apply');
    assert.equal(deltaStep(10, true, 11), 'drop');
    assert.equal(deltaStep(10, false, 12), 'resync');
    assert.equal(deltaStep(10, false, 10), 'resync');
  });
});

describe('HubFeed', () => {
  it('drops deltas until the first snapshot, then applies them in sequence', () => {
    const { store, feed } = feedWithStore();
    assert.equal(feed.receiveDelta({ seq: 3, upserts: [feature('T-9', { layer: 'tickets' })] }), 'dropped');
    assert.equal(store.layers.size, 0);

    feed.receiveSnapshot(snapshot(10));
    assert.equal(feed.receiveDelta({ seq: 11, upserts: [feature('T-2', { layer: 'tickets', status: 'discovered' })] }), 'applied');

    assert.deepEqual([...store.layers.get('tickets')?.keys() ?? []], ['T-1', 'T-2']);
    assert.equal(feed.seq, 11);
  });

  it('asks once for a snapshot on a gap and ignores deltas until it arrives', () => {
    const { store, feed, requests } = feedWithStore();
    feed.receiveSnapshot(snapshot(10));

    assert.equal(feed.receiveDelta({ seq: 12, removals: [{ layer: 'tickets', id: 'T-1' }] }), 'resync');
    assert.equal(feed.receiveDelta({ seq: 13, removals: [{ layer: 'tickets', id: 'T-1' }] }), 'dropped');

    assert.equal(requests(), 1);
    assert.ok(store.layers.get('tickets')?.has('T-1'), 'a delta after a gap must not be applied');
    feed.receiveSnapshot(snapshot(40));
    assert.equal(feed.receiveDelta({ seq: 41, removals: [{ layer: 'tickets', id: 'T-1' }] }), 'applied');
    assert.equal(store.layers.get('tickets')?.has('T-1'), false);
  });

  it('resyncs after a reconnect: deltas wait for the new snapshot', () => {
    const { feed, requests } = feedWithStore();
    feed.receiveSnapshot(snapshot(10));
    feed.connectionLost();
    assert.equal(feed.receiveDelta({ seq: 11 }), 'dropped');
    feed.resync();
    assert.equal(requests(), 1);
  });

  it('resyncs when a sensor update names a sensor it does not hold', () => {
    const { feed, requests } = feedWithStore();
    feed.receiveSnapshot(snapshot(10));
    assert.equal(feed.receiveDelta({ seq: 11, sensorUpdates: [{ id: 'S-404', value: 2 }] }), 'resync');
    assert.equal(requests(), 1);
    assert.equal(feed.receiveDelta({ seq: 12 }), 'dropped');
  });

  it('resyncs when a snapshot cannot be applied instead of stopping the feed', () => {
    let requests = 0;
    const feed = new HubFeed({
      store: { ...memoryStore(), replace: () => { throw new Error('malformed'); } },
      requestSnapshot: () => requests++,
      logError: () => {},
    });
    feed.receiveSnapshot(snapshot(7));
    assert.equal(feed.awaitingSnapshot, true);
    assert.equal(feed.seq, null);
    assert.equal(requests, 1);
  });

  it('is stale when disconnected or silent too long', () => {
    let now = 1_000_000;
    const feed = new HubFeed({ store: memoryStore(), requestSnapshot: () => {}, now: () => now });
    assert.equal(feed.staleness(true, 15000).stale, true, 'nothing heard yet');
    feed.receiveSnapshot(snapshot(1));
    now += 14000;
    assert.deepEqual(feed.staleness(true, 15000), { stale: false, silentMs: 14000 });
    assert.equal(feed.staleness(false, 15000).stale, true);
    now += 2000;
    assert.equal(feed.staleness(true, 15000).stale, true);
  });
});

describe('applyDelta', () => {
  it('applies removals, then sensor updates, then upserts', () => {
    const store = memoryStore();
    store.replace(snapshot().layers);
    // The same ticket removed and upserted in one delta ends present: upserts come last.
    applyDelta(store, {
      seq: 11,
      removals: [{ layer: 'tickets', id: 'T-1' }],
      upserts: [feature('T-1', { layer: 'tickets', status: 'handling' })],
    });
    assert.equal(store.layers.get('tickets')?.get('T-1')?.status, 'handling');
  });

  it('keeps a sensor\'s other properties and repaints only when its symbol changes', () => {
    const store = memoryStore();
    store.replace(snapshot().layers);
    applyDelta(store, { seq: 11, sensorUpdates: [{ id: 'S-1', value: 3.12 }] });
    applyDelta(store, { seq: 12, sensorUpdates: [{ id: 'S-1', valueState: 'warning', value: 9 }] });
    assert.deepEqual(store.sensorWrites, [{ id: 'S-1', silent: true }, { id: 'S-1', silent: false }]);
    assert.deepEqual(store.layers.get('sensors')?.get('S-1'), { layer: 'sensors', value: 9, valueState: 'warning', health: 'online' });
  });

  it('reports new and escalated critical alarms once, not acknowledged or already critical ones', () => {
    const store = memoryStore();
    store.replace(snapshot().layers);
    const first = applyDelta(store, {
      seq: 11,
      upserts: [
        feature('A-1', { layer: 'alarms', severity: 'critical', acknowledged: false }),
        feature('A-2', { layer: 'alarms', severity: 'major', acknowledged: false }),
        feature('A-3', { layer: 'alarms', severity: 'critical', acknowledged: true }),
      ],
    });
    const second = applyDelta(store, {
      seq: 12,
      upserts: [
        feature('A-1', { layer: 'alarms', severity: 'critical', acknowledged: false }),
        feature('A-2', { layer: 'alarms', severity: 'critical', acknowledged: false }),
      ],
    });
    assert.deepEqual(first, ['A-1']);
    assert.deepEqual(second, ['A-2']);
  });

  it('skips upserts of layers the store does not hold', () => {
    const store = memoryStore();
    assert.deepEqual(applyDelta(store, { seq: 1, upserts: [feature('X-1', { layer: 'unknown', severity: 'critical' })] }), []);
    assert.equal(store.layers.has('unknown'), false);
  });
});
