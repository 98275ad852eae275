// @ts-check
// The twin hub's map protocol (docs/hub-protocol.md) on the client: a snapshot replaces the live
// layers and sets the sequence; each delta must carry the next sequence number, or the picture
// has a gap and is resynchronised from a new snapshot, dropping deltas until it arrives. Pure:
// the features live in a FeatureStore (OpenLayers sources on the wall, a Map in the unit tests),
// and the connection is whoever calls in and provides requestSnapshot.

/**
 * @typedef {object} WireFeature a GeoJSON feature as the hub sends it
 * @property {string | number} [id]
 * @property {unknown} [geometry]
 * @property {Record<string, unknown> & { layer?: string }} properties
 */

/** @typedef {{ type?: string, features: WireFeature[] }} WireCollection */

/**
 * @typedef {object} Snapshot
 * @property {number} seq
 * @property {string} [at]
 * @property {Record<string, WireCollection | undefined>} [layers]
 */

/**
 * @typedef {object} Delta
 * @property {number} seq
 * @property {string} [at]
 * @property {WireFeature[]} [upserts]
 * @property {{ layer: string, id: string | number }[]} [removals]
 * @property {({ id: string | number } & Record<string, unknown>)[]} [sensorUpdates]
 */

/**
 * Where the live features are kept.
 * @typedef {object} FeatureStore
 * @property {(layers: Record<string, WireCollection | undefined>) => void} replace every live layer, from a snapshot
 * @property {(layer: string, id: string | number) => void} remove
 * @property {(id: string | number) => Record<string, unknown> | null} sensor a held sensor's properties
 * @property {(id: string | number, changed: Record<string, unknown>, silent: boolean) => void} updateSensor
 *   sets the changed properties; silent when the symbol stays as it was (no repaint)
 * @property {(feature: WireFeature) => Record<string, unknown> | null | undefined} upsert
 *   replaces or adds the feature; returns its previous properties, null when it is new, undefined
 *   when its layer is not one the store holds
 */

/** @typedef {'applied' | 'dropped' | 'resync'} DeltaOutcome */

/** The layers a snapshot carries and deltas change; cameras are static. */
export const LIVE_LAYERS = Object.freeze(['tickets', 'sensors', 'alarms', 'heat']);

// The properties a sensor's symbol is drawn from (symbols.js sensorSymbol).
const SENSOR_SYMBOL_KEYS = ['valueState', 'health'];

/**
 * What to do with a delta given the sequence number held.
 * @param {number | null} seq the last sequence number applied (a snapshot's or a delta's)
 * @param {boolean} awaitingSnapshot
 * @param {number} deltaSeq
 * @returns {'apply' | 'drop' | 'resync'}
 */
export function deltaStep(seq, awaitingSnapshot, deltaSeq) {
  if (awaitingSnapshot) {
    return 'drop';
  }
  return seq !== null && deltaSeq === seq + 1 ? 'apply' : 'resync';
}

/**
 * @param {Record<string, unknown> | null | undefined} alarm
 * @returns {boolean}
 */
export function isUnacknowledgedCritical(alarm) {
  return alarm?.severity === 'critical' && alarm.acknowledged !== true;
}

/**
 * Whether a sensor update changes how the sensor is drawn.
 * @param {Record<string, unknown>} changed
 * @param {Record<string, unknown>} current
 * @returns {boolean}
 */
export function changesSymbol(changed, current) {
  return SENSOR_SYMBOL_KEYS.some((key) => key in changed && changed[key] !== current[key]);
}

/**
 * Applies one delta in the protocol's order: removals, then sensor updates, then upserts.
 * Throws on an update for a sensor the store does not hold (the picture is wrong).
 * @param {FeatureStore} store
 * @param {Delta} delta
 * @returns {(string | number)[]} the alarms that became unacknowledged critical (new or escalated)
 */
export function applyDelta(store, delta) {
  for (const removal of delta.removals ?? []) {
    store.remove(removal.layer, removal.id);
  }
  for (const { id, ...changed } of delta.sensorUpdates ?? []) {
    const current = store.sensor(id);
    if (!current) {
      throw new Error(`twinmap: update for unknown sensor ${id}`);
    }
    store.updateSensor(id, changed, !changesSymbol(changed, current));
  }
  /** @type {(string | number)[]} */
  const critical = [];
  for (const feature of delta.upserts ?? []) {
    const previous = store.upsert(feature);
    if (
      previous !== undefined
      && feature.properties.layer === 'alarms'
      && feature.id !== undefined
      && isUnacknowledgedCritical(feature.properties)
      && !isUnacknowledgedCritical(previous)
    ) {
      critical.push(feature.id);
    }
  }
  return critical;
}

/**
 * One screen's state of the feed: the sequence held and whether a snapshot is awaited.
 */
export class HubFeed {
  /**
   * @param {object} options
   * @param {FeatureStore} options.store
   * @param {() => void} options.requestSnapshot asks the hub for a snapshot (when connected)
   * @param {(alarmId: string | number) => void} [options.onCritical] a new or escalated critical alarm
   * @param {() => number} [options.now] the clock, in ms since the epoch
   * @param {(message: string, error: unknown) => void} [options.logError]
   */
  constructor({ store, requestSnapshot, onCritical = () => {}, now = Date.now, logError = console.error }) {
    this.store = store;
    this.requestSnapshot = requestSnapshot;
    this.onCritical = onCritical;
    this.now = now;
    this.logError = logError;
    /** @type {number | null} */
    this.seq = null;
    this.awaitingSnapshot = true;
    /** @type {number | null} */
    this.lastMessageAt = null;
  }

  /**
   * A snapshot replaces every live layer whatever sequence was held (the hub also sends one when
   * its picture restarts, or instead of deltas a slow screen could not take).
   * @param {Snapshot} snapshot
   */
  receiveSnapshot(snapshot) {
    this.guard(() => {
      this.store.replace(snapshot.layers ?? {});
      this.seq = snapshot.seq;
      this.awaitingSnapshot = false;
    });
    this.lastMessageAt = this.now();
  }

  /**
   * @param {Delta} delta
   * @returns {DeltaOutcome}
   */
  receiveDelta(delta) {
    this.lastMessageAt = this.now();
    const step = deltaStep(this.seq, this.awaitingSnapshot, delta.seq);
    if (step === 'drop') {
      return 'dropped';
    }
    if (step === 'resync') {
      this.resync();
      return 'resync';
    }
    this.seq = delta.seq;
    const critical = this.guard(() => applyDelta(this.store, delta));
    if (critical === undefined) {
      return 'resync';
    }
    for (const id of critical) {
      this.onCritical(id);
    }
    return 'applied';
  }

  /** The connection dropped: whatever arrives before the next snapshot may have a gap. */
  connectionLost() {
    this.awaitingSnapshot = true;
  }

  resync() {
    this.awaitingSnapshot = true;
    this.requestSnapshot();
  }

  /**
   * A malformed message must not stop the feed: it is logged and the picture resynchronised.
   * @template T
   * @param {() => T} apply
   * @returns {T | undefined}
   */
  guard(apply) {
    try {
      return apply();
    } catch (error) {
      this.logError('twinmap: could not apply hub message', error);
      this.resync();
      return undefined;
    }
  }

  /**
   * Stale when the hub is not connected or has been silent for longer than staleAfterMs: the
   * wall says so rather than pass old positions off as live.
   * @param {boolean} connected
   * @param {number} staleAfterMs
   * @returns {{ stale: boolean, silentMs: number }}
   */
  staleness(connected, staleAfterMs) {
    const silentMs = this.lastMessageAt === null ? Infinity : this.now() - this.lastMessageAt;
    return { stale: !connected || silentMs > staleAfterMs, silentMs };
  }
}
