// @ts-check
// The wall's SignalR connection to the twin hub (global `signalR`, lib/signalr/signalr.min.js):
// it hands Snapshot and Delta to the hub feed, resynchronises after a reconnect, and keeps trying
// for as long as the wall is on.

/** @typedef {import('./hubfeed.js').HubFeed} HubFeed */
/** @typedef {'connected' | 'reconnecting' | 'disconnected'} ConnectionState */
/** @typedef {{ scene: string, incidentId?: string | null, level?: string | null, receivedAt?: number, committedAt?: number, sentAt?: number, focus?: string | null, target?: { id: string, kind: string, lon: number, lat: number } | null, highlight?: string | null, presenting?: boolean }} WallScene */

const RECONNECT_AFTER_CLOSE_MS = 5000;
// The longest a message is held for its batch: well inside the 15 s after which a wall says its data is late.
const MAX_BATCH_WAIT_MS = 5000;
// A wall drawing a frame slower than this (a 4K wall in software on a busy machine) gathers
// several frames' time of messages per batch: each batch redraws the live layers, and back-to-back
// redraws (0.6-2.4 s each on a 4K wall at load 35) left the page's one thread no time for a
// scene's hub message or its panels, which waited behind them.
const SLOW_FRAME_MS = 100;
const SLOW_FRAMES_PER_BATCH = 3;

/**
 * How long messages are gathered for one batch, given how long the map took to draw its last frame.
 * @param {number} frameCostMs
 */
export function batchWait(frameCostMs) {
  return Math.min(MAX_BATCH_WAIT_MS, frameCostMs > SLOW_FRAME_MS ? SLOW_FRAMES_PER_BATCH * frameCostMs : frameCostMs);
}

// Every second, for as long as the wall is on: the wall must be live again within seconds of the
// server, and the default policy's 10 s and 30 s waits (then giving up) made it take 18 s.
const RETRY_EVERY_MS = 1000;

export class TwinHubConnection {
  /**
   * @param {object} options
   * @param {string} options.hubUrl
   * @param {HubFeed} options.feed
   * @param {(state: ConnectionState) => void} options.report
   * @param {() => void} options.onLive each time the first snapshot after (re)connecting is applied
   * @param {Promise<unknown>} options.ready the map is ready for data (its basemap has set the view):
   *   the connection opens at once, in parallel with the basemap, but nothing reaches the feed before
   * @param {(scene: WallScene, arrivedAt: number) => void | Promise<void>} [options.onScene] the scene all walls show (sent on
   *   connecting and at each change), with when its message arrived; settles once the map has taken it
   * @param {() => number} [options.pace] how long (ms) the map takes to draw a frame: messages
   *   arriving meanwhile are applied together, once, rather than each asking for a frame of its own
   */
  constructor({ hubUrl, feed, report, onLive, ready, onScene = () => {}, pace = () => 0 }) {
    this.feed = feed;
    this.report = report;
    this.pace = pace;
    this.disposed = false;
    // Messages reach the feed in the order they came, none before the map is ready, in batches:
    // those that arrive within one frame's drawing time are applied together in one task. A wall
    // drawing a 4K frame in software for seconds would otherwise be asked for a frame per message,
    // fall ever further behind, and a scene change would wait behind the queue of them.
    /** @type {Promise<unknown>} */
    this.inbox = ready;
    /** @type {(() => void)[]} */
    this.pending = [];
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.batchTimer = null;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.restartTimer = null;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(hubUrl)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => RETRY_EVERY_MS })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    // The handlers return nothing: SignalR would send a returned value to the server as a client result.
    // Connected means live: reported with the first snapshot after (re)connecting, not when the
    // socket opens, so the wall's badge never says 实时连接正常 over a map still waiting for data.
    this.live = false;
    this.connection.on('Snapshot', (/** @type {any} */ snapshot) => {
      this.deliver(() => {
        feed.receiveSnapshot(snapshot);
        if (!this.live) {
          this.live = true;
          report('connected');
          onLive();
        }
      });
    });
    this.connection.on('Delta', (/** @type {any} */ delta) => {
      this.deliver(() => feed.receiveDelta(delta));
    });
    // A scene waits for the map's view, never behind queued deltas: a 4K wall drawing in software
    // can be seconds behind on those, and the scene must switch at once. The deltas wait for the
    // scene instead, until the map has taken its view (scenegate.js: after the page's panels of
    // it): their redraw would hold those panels back as much as the new view's.
    this.connection.on('Scene', (/** @type {WallScene} */ scene) => {
      const arrivedAt = Date.now();
      const shown = ready.then(() => onScene(scene, arrivedAt))
        .catch((/** @type {unknown} */ error) => console.warn('twinmap: a scene could not be shown', error));
      this.inbox = Promise.all([this.inbox, shown]);
    });
    this.connection.onreconnecting(() => {
      this.dropPending();
      this.live = false;
      feed.connectionLost();
      report('reconnecting');
    });
    this.connection.onreconnected(() => {
      this.requestSnapshot();
    });
    // The automatic policy gives up after a few tries; the wall must keep trying for as long as
    // it is on, so a closed connection is started again.
    this.connection.onclose(() => {
      this.dropPending();
      this.live = false;
      feed.connectionLost();
      report('disconnected');
      this.scheduleRestart();
    });
  }

  get connected() {
    return this.connection.state === signalR.HubConnectionState.Connected;
  }

  async start() {
    if (this.disposed) {
      return;
    }
    try {
      this.feed.connectionLost();
      const connectStart = performance.now();
      await this.connection.start();
      performance.measure('twinmap:hub', { start: connectStart });
    } catch (error) {
      console.warn('twinmap: hub connection failed', error);
      this.report('disconnected');
      this.scheduleRestart();
    }
  }

  scheduleRestart() {
    if (this.disposed || this.restartTimer !== null) {
      return;
    }
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start();
    }, RECONNECT_AFTER_CLOSE_MS);
  }

  /** @param {() => void} apply */
  deliver(apply) {
    this.pending.push(apply);
    this.batchTimer ??= setTimeout(() => this.applyPending(), batchWait(this.pace()));
  }

  applyPending() {
    this.batchTimer = null;
    const batch = this.pending;
    this.pending = [];
    this.inbox = this.inbox.then(() => {
      for (const apply of batch) {
        if (!this.disposed) apply();
      }
    }).catch((/** @type {unknown} */ error) => console.warn('twinmap: a hub message could not be applied', error));
  }

  // Messages of a connection that is lost are not applied after it: the next one starts with a snapshot.
  dropPending() {
    if (this.batchTimer !== null) {
      clearTimeout(this.batchTimer);
      this.batchTimer = null;
    }
    this.pending = [];
  }

  requestSnapshot() {
    if (this.connected) {
      this.connection.invoke('RequestSnapshot').catch((/** @type {unknown} */ error) => console.warn('twinmap: RequestSnapshot failed', error));
    }
  }

  /**
   * @param {string} method
   * @returns {Promise<any>}
   */
  invoke(method) {
    return this.connection.invoke(method);
  }

  async dispose() {
    this.disposed = true;
    this.dropPending();
    if (this.restartTimer !== null) {
      clearTimeout(this.restartTimer);
    }
    await this.connection.stop();
  }
}
