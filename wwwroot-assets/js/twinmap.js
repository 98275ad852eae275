// @ts-check
// The command-centre map: an OpenLayers map of Putuo fed directly by the twin hub (/hubs/twin).
// Live features go from SignalR into OpenLayers sources here and never through Blazor, so a busy
// feed cannot stall the circuit. Needs the global builds `ol` (lib/ol/ol.js) and `signalR`
// (lib/signalr/signalr.min.js) on the page. The parts are in ./map/: labels and symbols (pure),
// styles, basemap, layers, the cameras, the hub feed (pure) and its connection, the view, and popups.
import { loadBasemap } from './map/basemap.js';
import { CameraLoader, readJson } from './map/cameras.js';
import { TwinHubConnection } from './map/connection.js';
import { HubFeed } from './map/hubfeed.js';
import { languageOf, staleMessage } from './map/labels.js';
import { MapLayers } from './map/layers.js';
import { Popups } from './map/popups.js';
import { MapStyles } from './map/styles.js';
import { MapView } from './map/view.js';
import { SceneGate } from './map/scenegate.js';
import { Spotlight } from './map/spotlight.js';
import { symbologyFrom } from './map/symbols.js';

/** @typedef {import('./map/symbols.js').Palette} Palette */

/** @typedef {import('./map/types.js').MapOptions} MapOptions */
/** @typedef {import('./map/types.js').Overlay} Overlay */

const DEFAULT_ATTRIBUTION = '© OpenStreetMap contributors (ODbL) · geoBoundaries · metro: metromancn (MIT)';
const SLOW_FRAME_MS = 30;
const MEASURE_FRAMES_FOR_MS = 60000;
// A wall that heard nothing from the hub for this long says so rather than look live.
const STALE_AFTER_MS = 15000;
const STALE_CHECK_MS = 1000;

/** @type {TwinMap | null} */
let current = null;

/** @type {Set<Overlay>} */
const overlays = new Set();

/** @param {Overlay} overlay */
export function addOverlay(overlay) {
  overlays.add(overlay);
  current?.attachOverlay(overlay);
}

/**
 * The colours the map draws, from the vocabulary of the last init(), for the legend's browser
 * test to compare against.
 * @type {Palette}
 */
export let palette = symbologyFrom(null).palette;

/**
 * @param {string} elementId
 * @param {Partial<MapOptions>} options
 */
export async function init(elementId, options) {
  /** @type {MapOptions} */
  const opts = {
    hubUrl: '/hubs/twin',
    corridorUrl: '/api/map/corridor.geojson',
    lang: 'zh',
    tileUrl: null,
    attribution: DEFAULT_ATTRIBUTION,
    followCriticalAlarms: true,
    ...(options ?? {}),
  };
  const target = document.getElementById(elementId);
  if (!target) {
    throw new Error(`twinmap: no element #${elementId}`);
  }
  // A circuit started afresh after the server came back renders the page again without the old
  // circuit disposing anything: the running map, whose hub reconnects on its own and is live
  // already, moves into the new element rather than loading the basemap and cameras again.
  if (current && sameMap(current.opts, opts)) {
    current.moveTo(target);
    return;
  }
  if (current) {
    await dispose();
  }
  const twin = new TwinMap(target, opts);
  palette = twin.styles.symbology.palette;
  current = twin;
  await twin.load();
}

/**
 * @param {MapOptions} a
 * @param {MapOptions} b
 */
function sameMap(a, b) {
  return a.hubUrl === b.hubUrl && a.camerasUrl === b.camerasUrl && a.lang === b.lang && a.tileUrl === b.tileUrl
    && a.followCriticalAlarms === b.followCriticalAlarms;
}

export async function dispose() {
  const twin = current;
  current = null;
  if (twin) {
    await twin.dispose();
  }
}

/**
 * @param {string} layer
 * @param {boolean} visible
 */
export function setLayerVisible(layer, visible) {
  current?.layers.setVisible(layer, Boolean(visible));
}

/** @param {import('./map/hubfeed.js').WireCollection | null} featureCollection */
export function setCorridor(featureCollection) {
  current?.layers.setCorridor(featureCollection);
}

/**
 * @param {number} lon
 * @param {number} lat
 * @param {number} [zoom]
 * @param {number} [holdMs]
 */
export function flyTo(lon, lat, zoom, holdMs) {
  current?.view.flyTo(lon, lat, zoom, holdMs);
}

export function getStats() {
  return current
    ? current.getStats()
    : { connected: false, seq: null, counts: {}, lastMessageAt: null, stale: true };
}

// The view as lon/lat and zoom, and the district view the map returns to after a fly-to.
export function getView() {
  return current?.view.describe() ?? null;
}

/**
 * Where lon/lat points are on the page (CSS pixels), to check what lies over them.
 * @param {number[][]} lonLats
 */
export function pagePixels(lonLats) {
  return current?.view.pagePixels(lonLats) ?? [];
}

/**
 * Where a live feature is: lon/lat, its pixel in the map's viewport (null when off screen) and
 * its properties.
 * @param {string} layer
 * @param {string} id
 */
export function locate(layer, id) {
  return current?.view.locate(current.layers.sourceFor(layer)?.getFeatureById(id)) ?? null;
}

// Resolves once every layer is drawn for the current view. The live layers are images redrawn
// only when the view rests, so a click just after a fly-to would otherwise hit the old image.
export function whenRendered() {
  return current?.view.whenRendered() ?? Promise.resolve(false);
}

/**
 * @param {string} layer
 * @returns {(string | number)[]}
 */
export function featureIds(layer) {
  return current?.layers.sourceFor(layer)?.getFeatures().map((/** @type {any} */ feature) => feature.getId()) ?? [];
}

class TwinMap {
  /**
   * @param {HTMLElement} target
   * @param {MapOptions} opts
   */
  constructor(target, opts) {
    this.opts = opts;
    this.lang = languageOf(opts.lang);
    this.disposed = false;
    this.stale = true;
    this.styles = new MapStyles(symbologyFrom(opts.vocabulary));
    this.onResize = () => this.rescale();

    target.style.background = this.styles.symbology.palette.background;
    this.layers = new MapLayers({
      styles: this.styles,
      lang: this.lang,
      format: new ol.format.GeoJSON({ featureProjection: 'EPSG:3857' }),
      tileUrl: opts.tileUrl,
      attribution: opts.attribution,
      zoomFor: (resolution) => this.map.getView().getZoomForResolution(resolution),
      framePixels: target.clientWidth * target.clientHeight * window.devicePixelRatio ** 2,
    });
    // Requested now, in parallel with the basemap; parsed once the hub is live.
    this.cameras = new CameraLoader({
      url: opts.camerasUrl ?? null,
      hub: () => this.hub,
      show: (collection) => this.layers.setCameras(collection),
      disposed: () => this.disposed,
    });
    this.popups = new Popups({ lang: this.lang, vocabulary: opts.vocabulary ?? null, px: (size) => this.styles.px(size) });
    this.staleBadge = createStaleBadge();
    this.scaleLine = this.createScaleLine();
    this.feed = new HubFeed({
      store: this.layers.featureStore(),
      requestSnapshot: () => this.hub?.requestSnapshot(),
      onCritical: (id) => {
        // While an officer presents, the walls hold the place being talked about; the alarm still shows on the map and in the panels.
        if (opts.followCriticalAlarms && !this.presenting) this.view.flyToFeature(this.layers.sources.alarms.getFeatureById(id));
      },
    });
    /** @type {TwinHubConnection | null} */
    this.hub = null;
    /** The scene the hub last pushed (district, corridor, emergency). */
    this.scene = 'district';
    /** @type {string | null} the 街镇 (its code) a presenter framed the scene on */
    this.focus = null;
    /** Whether an officer is presenting: the walls then follow the presenter only. */
    this.presenting = false;
    /** @type {{ id: string, kind: string, lon: number, lat: number } | null} the ticket or alarm a presenter zoomed to */
    this.target = null;
    this.spotlight = new Spotlight(this.styles);
    /** When the last scene message was sent by the server and arrived here (ms since the epoch). */
    this.lastSceneMessage = { receivedAt: 0, committedAt: 0, sentAt: 0, arrivedAt: 0 };
    // A scene's new view waits for the page's panels of it: the wall's element marked with data-scene.
    this.sceneGate = new SceneGate({ panels: () => this.map.getTargetElement()?.closest('[data-scene]') ?? null });
    /** @type {number[] | null} */
    this.districtExtent = null;

    this.map = new ol.Map({
      target,
      layers: [...Object.values(this.layers.layers), this.spotlight.layer],
      overlays: [this.popups.overlay],
      controls: ol.control.defaults.defaults({ attribution: false, rotate: false }).extend([
        new ol.control.Attribution({ collapsible: false }),
        this.scaleLine,
        this.staleBadge.control,
      ]),
      view: MapView.districtView(),
    });
    this.view = new MapView(this.map, this.styles);
    this.map.on('singleclick', (/** @type {any} */ event) => this.popups.onClick(this.map, event));
    this.layers.layers.alarms.on('postrender', (/** @type {any} */ event) => {
      if (!this.disposed) this.layers.drawAlarmPulses(event, () => this.map.render(), this.view.frameCostMs);
    });
    window.addEventListener('resize', this.onResize);
    this.staleTimer = setInterval(() => this.updateStale(), STALE_CHECK_MS);
    this.updateStale();
  }

  // The camera file (requested since the map was created), the basemap, the corridor and the hub
  // connection start at once: a wall that reloads after a server restart is live again as soon as
  // the slowest of basemap and hub allows, not their sum. The hub's data waits for the basemap's
  // district view, so that no live fly-to or popup can start before that first fit and be undone
  // by it. The 21,000 cameras are parsed once the wall is live: parsing them earlier held the
  // basemap, the hub's handshake and the first snapshot back by seconds.
  async load() {
    const loadStart = performance.now();
    this.measureSlowFrames();
    const { corridorUrl } = this.opts;
    const basemap = loadBasemap(this.layers.sources, this.layers.format).then(() => {
      const district = this.layers.sources.outline.getExtent();
      this.districtExtent = district;
      this.view.setHome(district);
      performance.measure('twinmap:basemap', { start: loadStart });
    });
    // The corridor band is computed on the server from the creek and the configured width; the
    // hub's data waits for it too, since the 苏河秀带 scene frames it.
    const corridor = corridorUrl ? fetch(corridorUrl).then(readJson).then((collection) => this.layers.setCorridor(collection)) : null;
    const ready = Promise.all([basemap, corridor]);
    this.connect(ready);
    await ready;
  }

  // A new screen size changes the rem: every cached style, the heat kernel, the cluster spacing
  // and the scale line are rebuilt at the new scale.
  rescale() {
    if (this.disposed || !this.styles.rescale()) {
      return;
    }
    this.layers.rescale();
    this.spotlight.rescale();
    this.popups.rescale();
    this.map.removeControl(this.scaleLine);
    this.scaleLine = this.createScaleLine();
    this.map.addControl(this.scaleLine);
  }

  createScaleLine() {
    return new ol.control.ScaleLine({ minWidth: this.styles.px(96) });
  }

  // ---- the hub -----------------------------------------------------------------------------

  /** @param {Promise<unknown>} ready */
  connect(ready) {
    this.hub = new TwinHubConnection({
      hubUrl: this.opts.hubUrl,
      feed: this.feed,
      ready,
      // The page's one connection truth (Layout/ReconnectModal.razor.js) combines this with the circuit's.
      report: (state) => {
        document.dispatchEvent(new CustomEvent('twin:connection', { detail: state }));
      },
      onLive: () => this.cameras.load(),
      onScene: (scene, arrivedAt) => {
        // Every message's times, a presenter's highlight too (it changes the panels, not the view).
        this.lastSceneMessage = { receivedAt: scene.receivedAt ?? 0, committedAt: scene.committedAt ?? 0, sentAt: scene.sentAt ?? 0, arrivedAt };
        this.presenting = scene.presenting === true;
        return this.sceneGate.pass(scene, () => this.showScene(scene.scene, arrivedAt, scene.sentAt, scene.focus ?? null, scene.target ?? null));
      },
      pace: () => this.view.frameCostMs,
    });
    for (const overlay of overlays) this.attachOverlay(overlay);
    this.hub.start();
  }

  /**
   * The walls' scene: 苏河秀带 frames the corridor band, 全区, 今日要事 and 应急 the district, or the
   * 街镇 a presenter chose (outlined), or the ticket or alarm a presenter zoomed to (ringed).
   * Flood-control figures of the emergency scene are in the panels; the map keeps its layers.
   * @param {string} scene
   * @param {number} [arrivedAt] when its hub message arrived (ms since the epoch)
   * @param {number} [sentAt] when the server sent it
   * @param {string | null} [focus] a 街镇's code (nbs_code_2023) to frame instead of the whole scene
   * @param {{ id: string, kind: string, lon: number, lat: number } | null} [target] a ticket or alarm to zoom to
   */
  showScene(scene, arrivedAt, sentAt, focus = null, target = null) {
    // The view already frames this scene: each connection is sent the scene in force and a
    // highlight changes only the panels, and re-framing would cut short a critical alarm's fly-to.
    if (scene === this.scene && focus === this.focus && target?.id === this.target?.id) {
      return;
    }
    this.view.timing.start(arrivedAt, sentAt);
    this.scene = scene;
    this.focus = focus;
    this.target = target;
    const corridor = this.layers.sources.corridor;
    const band = scene === 'corridor' ? corridor.getFeatures().map((/** @type {any} */ f) => f.getGeometry()) : [];
    const area = focus ? this.layers.sources.subdistricts.getFeatures().find((/** @type {any} */ f) => f.get('nbs_code_2023') === focus) : null;
    if (this.disposed) {
      return;
    }
    if (target) {
      const { extent, geometry } = this.spotlight.point(target);
      this.view.frame(extent, [geometry]);
      return;
    }
    if (area && focus) {
      this.view.frame(this.spotlight.area(area, focus), [area.getGeometry()]);
      return;
    }
    this.spotlight.clear();
    const extent = band.length > 0 ? corridor.getExtent() : this.districtExtent;
    if (extent) {
      this.view.frame(extent, band);
    }
  }

  /** @param {Overlay} overlay */
  attachOverlay(overlay) {
    if (this.hub) {
      overlay.attach({ map: this.map, connection: this.hub.connection, lang: this.lang, px: (size) => this.styles.px(size) });
    }
  }

  // Where a wall's time goes, as performance measures for DevTools and the wall bench: the load's
  // steps (twinmap:basemap, :hub, :cameras, :snapshot) and, during the first minute, every frame that took
  // longer than SLOW_FRAME_MS to compose (twinmap:frame), which on a software-rendered wall is the
  // redraw of the live symbols after their data changed. Only the first minute: the browser keeps
  // every measure, and a wall runs for weeks.
  measureSlowFrames() {
    let composing = 0;
    const keys = [
      this.map.on('precompose', () => {
        composing = performance.now();
      }),
      this.map.on('postcompose', () => {
        if (performance.now() - composing > SLOW_FRAME_MS) {
          performance.measure('twinmap:frame', { start: composing });
        }
      }),
    ];
    setTimeout(() => ol.Observable.unByKey(keys), MEASURE_FRAMES_FOR_MS);
  }

  // The badge stays up until live data flows again, so the wall never passes old positions off
  // as live.
  updateStale() {
    const connected = this.hub?.connected ?? false;
    const { stale, silentMs } = this.feed.staleness(connected, STALE_AFTER_MS);
    this.stale = stale;
    this.staleBadge.element.hidden = !stale;
    if (stale) {
      this.staleBadge.text.textContent = staleMessage(this.lang, connected, silentMs);
    }
  }

  getStats() {
    // Fresh, not as of the last timer tick: a snapshot may have arrived just before connecting finished.
    this.updateStale();
    const { lastMessageAt } = this.feed;
    return {
      connected: this.hub?.connected ?? false,
      seq: this.feed.seq,
      counts: this.layers.counts(),
      lastMessageAt: lastMessageAt === null ? null : new Date(lastMessageAt).toISOString(),
      stale: this.stale,
      scale: this.styles.scale,
      scene: this.scene,
      focus: this.focus,
      target: this.target?.id ?? null,
      spotlight: this.spotlight.lit,
      sceneMessageReceivedAt: this.lastSceneMessage.receivedAt,
      sceneMessageCommittedAt: this.lastSceneMessage.committedAt,
      sceneMessageSentAt: this.lastSceneMessage.sentAt,
      sceneMessageArrivedAt: this.lastSceneMessage.arrivedAt,
      ...this.view.timing.stats(),
      frameCostMs: this.view.frameCostMs,
      imageRatio: this.layers.imageRatio,
    };
  }

  /** @param {HTMLElement} target */
  moveTo(target) {
    this.map.setTarget(target);
  }

  async dispose() {
    this.disposed = true;
    this.sceneGate.dropWaiting();
    this.view.dispose();
    clearInterval(this.staleTimer);
    this.layers.dispose();
    window.removeEventListener('resize', this.onResize);
    for (const overlay of overlays) overlay.detach();
    this.map.setTarget(undefined);
    await this.hub?.dispose();
  }
}

function createStaleBadge() {
  const element = document.createElement('div');
  element.className = 'twinmap-stale';
  element.setAttribute('role', 'status');
  element.dataset.mapStale = '';
  const text = document.createElement('span');
  element.append(text);
  return { element, text, control: new ol.control.Control({ element }) };
}
