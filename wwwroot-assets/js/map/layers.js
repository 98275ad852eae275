// @ts-check
// The map's sources and layers: the basemap and the thousands of live symbols each as one stacked
// image layer, the heat image, stations, alarms and their areas, and the 街镇 names on top. Also
// the FeatureStore the hub feed writes into (hubfeed.js) and the camera file's features.
import { BasemapStyles } from './basemap.js';
import { HEAT_OPACITY, HeatPainter } from './heat.js';
import { LIVE_LAYERS } from './hubfeed.js';
import { stackedSource } from './stacked.js';

/** @typedef {import('./styles.js').MapStyles} MapStyles */
/** @typedef {import('./labels.js').Lang} Lang */
/** @typedef {import('./hubfeed.js').FeatureStore} FeatureStore */
/** @typedef {import('./hubfeed.js').WireFeature} WireFeature */
/** @typedef {import('./hubfeed.js').WireCollection} WireCollection */

// Below this zoom the ordinary cameras are clustered; at it and above they are drawn one by one.
export const CAMERA_CLUSTER_MAX_ZOOM = 15;
const CAMERA_CLUSTER_DISTANCE = 56;
const CAMERA_CLUSTER_MIN_DISTANCE = 18;
// At district zoom a thousand open tickets would merge into one field of markers: up to this zoom
// they are drawn as clusters with their count, coloured by their most common status; single
// markers from the next zoom in.
export const TICKET_CLUSTER_MAX_ZOOM = 14;
const TICKET_CLUSTER_DISTANCE = 44;
const TICKET_CLUSTER_MIN_DISTANCE = 14;
// Image layers are painted this much larger than the view, so a pan or a fly-to moves the image
// (and shows its margin) instead of redrawing 15,000 symbols every frame.
const IMAGE_RATIO = 1.5;
// Frames larger than this (device pixels) are painted without the margin: at 4K the margin is
// 10 million more pixels, and more symbols, to paint after every change of view, and a scene step
// waited behind that redraw (a 1.6 s frame at 4K). A wall moves by scene changes and fly-tos, which
// zoom as they pan, so the margin would hide their edges only briefly.
const LARGE_FRAME_PX = 4_000_000;
const PULSE_PERIOD_MS = 1600;
const PULSE_FRAME_MS = 40;
// A pulse frame waits at least this many times as long as the last frame took to draw, so the
// animation never holds the page's one thread more than a fifth of the time: a 4K wall drawing in
// software (hundreds of ms a frame) would otherwise redraw back to back and leave the hub's
// messages, a scene change among them, waiting behind it.
const PULSE_LOAD_FACTOR = 4;

/**
 * How much larger than the view the image layers are painted, for a frame of this many device pixels.
 * @param {number} framePixels
 */
export function imageRatioFor(framePixels) {
  return framePixels > LARGE_FRAME_PX ? 1 : IMAGE_RATIO;
}

const SOURCE_NAMES = /** @type {const} */ ([
  'districts', 'outline', 'subdistricts', 'creek', 'metroLines', 'metroStations', 'corridor',
  'tickets', 'sensors', 'alarms', 'areas', 'heat', 'cameras', 'aiCameras',
]);

export class MapLayers {
  /**
   * @param {object} options
   * @param {MapStyles} options.styles
   * @param {Lang} options.lang
   * @param {any} options.format an ol.format.GeoJSON in the view's projection
   * @param {string | null} options.tileUrl
   * @param {string} options.attribution
   * @param {(resolution: number | undefined) => number} options.zoomFor the view's zoom at a resolution
   * @param {number} options.framePixels the map's size in device pixels, which sets the image layers' margin
   */
  constructor({ styles, lang, format, tileUrl, attribution, zoomFor, framePixels }) {
    this.styles = styles;
    this.imageRatio = imageRatioFor(framePixels);
    this.format = format;
    /** @type {Record<string, any>} */
    this.sources = Object.fromEntries(SOURCE_NAMES.map((name) => [name, new ol.source.Vector()]));
    this.sources.outline.setAttributions(attribution);
    this.basemapStyles = new BasemapStyles(styles, lang, this.sources.outline);
    this.heat = new HeatPainter(this.sources.heat, (size) => styles.px(size));
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.pulseTimer = null;
    this.layers = this.createLayers(tileUrl, attribution, zoomFor);
    this.followAlarmAreas();
  }

  /**
   * @param {string | null} tileUrl
   * @param {string} attribution
   * @param {(resolution: number | undefined) => number} zoomFor
   * @returns {Record<string, any>}
   */
  createLayers(tileUrl, attribution, zoomFor) {
    const s = this.sources;
    const styles = this.styles;
    const base = this.basemapStyles;
    /**
     * @param {any} source
     * @param {(feature: any, resolution: number) => any} style
     * @param {object} [extra]
     */
    const vector = (source, style, extra = {}) =>
      new ol.layer.Vector({
        source,
        style,
        declutter: false,
        updateWhileAnimating: false,
        updateWhileInteracting: false,
        ...extra,
      });

    // The static basemap is one image, painted once per resting view, and the thousands of live
    // symbols (camera clusters, sensors, tickets) another, repainted when the view comes to rest
    // or their data change, never per frame.
    this.basemap = stackedSource([
      { key: 'districts', source: s.districts, style: (f) => base.district(f) },
      { key: 'subdistricts', source: s.subdistricts, style: () => base.subdistrict() },
      { key: 'corridor', source: s.corridor, style: () => base.corridor() },
      { key: 'outline', source: s.outline, style: () => base.outlineStyles() },
      { key: 'creek', source: s.creek, style: (f) => base.creek(f) },
      { key: 'metroLines', source: s.metroLines, style: (f) => base.metroLine(f) },
    ]);
    this.cameraClusters = new ol.source.Cluster({
      source: s.cameras,
      distance: styles.px(CAMERA_CLUSTER_DISTANCE),
      minDistance: styles.px(CAMERA_CLUSTER_MIN_DISTANCE),
    });
    this.ticketClusters = new ol.source.Cluster({
      source: s.tickets,
      distance: styles.px(TICKET_CLUSTER_DISTANCE),
      minDistance: styles.px(TICKET_CLUSTER_MIN_DISTANCE),
    });
    /** @param {number | undefined} resolution */
    const ticketsClustered = (resolution) => zoomFor(resolution) <= TICKET_CLUSTER_MAX_ZOOM;
    // Ordinary cameras cluster while zoomed out and are drawn one by one when zoomed in; the 135 AI
    // cameras are never clustered and lie above the clusters, so none hides inside one. 21,000
    // cameras are infrastructure, not news: they lie under the sensors and tickets. Normal sensor
    // readings stay under the tickets, warning and alarm readings draw above them (symbols.js Z).
    /** @param {number | undefined} resolution */
    const clustered = (resolution) => zoomFor(resolution) <= CAMERA_CLUSTER_MAX_ZOOM;
    this.livePoints = stackedSource([
      { key: 'cameras', source: this.cameraClusters, style: (f) => styles.cameraCluster(f), shownAt: clustered },
      { key: 'cameras', source: s.cameras, style: () => styles.camera(), shownAt: (resolution) => !clustered(resolution) },
      { key: 'cameras', source: s.aiCameras, style: () => styles.aiCamera() },
      { key: 'sensors', source: s.sensors, style: (f) => styles.sensor(f) },
      { key: 'tickets', source: this.ticketClusters, style: (f) => styles.ticketCluster(f), shownAt: ticketsClustered },
      { key: 'tickets', source: s.tickets, style: (f) => styles.ticket(f), shownAt: (resolution) => !ticketsClustered(resolution) },
    ]);
    /**
     * @param {any} source a stacked source
     * @param {object} [extra]
     */
    const stacked = (source, extra = {}) =>
      new ol.layer.VectorImage({
        source,
        style: (/** @type {any} */ f, /** @type {number} */ r) => source.styleFor(f, r),
        imageRatio: this.imageRatio,
        declutter: false,
        ...extra,
      });

    /** @type {Record<string, any>} */
    const layers = {};
    if (tileUrl) {
      layers.tiles = new ol.layer.Tile({
        source: new ol.source.XYZ({ url: tileUrl, attributions: attribution }),
        opacity: 0.55,
      });
    }
    layers.basemap = stacked(this.basemap);
    layers.metroStations = vector(s.metroStations, (f, r) => base.station(f, r), {
      declutter: true,
      properties: { popup: true },
    });
    layers.heat = this.createHeatLayer();
    layers.livePoints = stacked(this.livePoints, { properties: { popup: true } });
    layers.areas = vector(s.areas, (f) => styles.area(f));
    layers.alarms = vector(s.alarms, (f) => styles.alarm(f), { properties: { popup: true } });
    // 街镇 names stay on top of the live symbols: the wall must always say where things are. Ten
    // labels are cheaper replayed per frame than one more full-screen image.
    layers.subdistrictLabels = vector(s.subdistricts, (f) => base.subdistrictLabel(f));
    return layers;
  }

  createHeatLayer() {
    CoarseImageCanvas ??= defineCoarseImageCanvas();
    const image = new CoarseImageCanvas({
      canvasFunction: (/** @type {number[]} */ extent, /** @type {number} */ _resolution, /** @type {number} */ pixelRatio, /** @type {number[]} */ size) =>
        this.heat.draw(extent, size, pixelRatio),
      ratio: this.imageRatio,
    }, (/** @type {number} */ pixelRatio) => this.heat.downscale(pixelRatio));
    this.sources.heat.on('change', () => image.changed());
    return new ol.layer.Image({ source: image, opacity: HEAT_OPACITY });
  }

  // A CAP alarm carries the area it covers (properties.area, GeoJSON); the 'areas' source mirrors
  // the alarms source so areas come and go with their alarms without touching the hub code.
  followAlarmAreas() {
    const { alarms, areas } = this.sources;
    /** @param {any} feature */
    const sync = (feature) => {
      const id = feature.getId();
      const existing = areas.getFeatureById(id);
      const area = feature.get('area');
      if (!area) {
        if (existing) areas.removeFeature(existing);
        return;
      }
      const geometry = this.format.readGeometry(area);
      if (existing) {
        existing.setGeometry(geometry);
        existing.set('severity', feature.get('severity'));
      } else {
        const polygon = new ol.Feature({ geometry, severity: feature.get('severity') });
        polygon.setId(id);
        areas.addFeature(polygon);
      }
    };
    alarms.on('addfeature', (/** @type {any} */ e) => sync(e.feature));
    alarms.on('changefeature', (/** @type {any} */ e) => sync(e.feature));
    alarms.on('removefeature', (/** @type {any} */ e) => {
      const existing = areas.getFeatureById(e.feature.getId());
      if (existing) areas.removeFeature(existing);
    });
    alarms.on('clear', () => areas.clear(true));
  }

  /**
   * Unacknowledged alarms pulse: rings drawn straight onto the layer's canvas after it renders,
   * with re-renders throttled to PULSE_FRAME_MS, or longer when frames are slow to draw, so the
   * animation stays cheap on the wall.
   * @param {any} event the alarm layer's postrender event
   * @param {() => void} render asks the map for another frame
   * @param {number} frameCostMs how long the map's last frame took to draw
   */
  drawAlarmPulses(event, render, frameCostMs) {
    const pulsing = this.sources.alarms.getFeatures().filter((/** @type {any} */ f) => f.get('acknowledged') !== true);
    if (pulsing.length === 0 || !this.layers.alarms.getVisible()) {
      return;
    }
    const context = ol.render.getVectorContext(event);
    const phase = (event.frameState.time % PULSE_PERIOD_MS) / PULSE_PERIOD_MS;
    /** @type {Record<string, any>} */
    const rings = {};
    for (const feature of pulsing) {
      const severity = feature.get('severity') ?? 'info';
      rings[severity] ??= this.styles.pulseRing(severity, phase);
      context.setStyle(rings[severity]);
      context.drawGeometry(feature.getGeometry());
    }
    if (this.pulseTimer === null) {
      this.pulseTimer = setTimeout(() => {
        this.pulseTimer = null;
        render();
      }, Math.max(PULSE_FRAME_MS, PULSE_LOAD_FACTOR * frameCostMs));
    }
  }

  /**
   * The source a live feature of the layer is kept in; the AI cameras have their own.
   * @param {string} layer
   * @param {Record<string, unknown>} [properties] a feature's, when it is a camera
   * @returns {any | null}
   */
  sourceFor(layer, properties) {
    if (layer === 'cameras') {
      return properties?.ai === true ? this.sources.aiCameras : this.sources.cameras;
    }
    return LIVE_LAYERS.includes(layer) ? this.sources[layer] : null;
  }

  /**
   * The live sources as the hub feed's store.
   * @returns {FeatureStore}
   */
  featureStore() {
    const { sources, format } = this;
    return {
      replace: (layers) => {
        const start = performance.now();
        for (const layer of LIVE_LAYERS) {
          sources[layer].clear(true);
          const collection = layers[layer];
          if (collection) {
            sources[layer].addFeatures(format.readFeatures(collection));
          }
        }
        performance.measure('twinmap:snapshot', { start });
      },
      remove: (layer, id) => {
        const source = this.sourceFor(layer);
        const feature = source?.getFeatureById(id);
        if (feature) {
          source.removeFeature(feature);
        }
      },
      sensor: (id) => sources.sensors.getFeatureById(id)?.getProperties() ?? null,
      // A reading that leaves the symbol as it was is stored silently: a change event makes
      // OpenLayers repaint the whole layer's image, and at a thousand readings a second the page
      // spent its time repainting the same picture while deltas queued behind it.
      updateSensor: (id, changed, silent) => sources.sensors.getFeatureById(id).setProperties(changed, silent),
      upsert: (wire) => {
        const source = this.sourceFor(String(wire.properties.layer), wire.properties);
        if (!source) {
          return undefined;
        }
        const feature = format.readFeature(wire);
        const existing = source.getFeatureById(feature.getId());
        if (!existing) {
          source.addFeature(feature);
          return null;
        }
        const previous = existing.getProperties();
        // An upsert replaces the whole feature: properties it no longer has are dropped.
        for (const key of existing.getKeys()) {
          if (key !== 'geometry' && feature.get(key) === undefined) {
            existing.unset(key);
          }
        }
        existing.setProperties(feature.getProperties());
        return previous;
      },
    };
  }

  /** @param {WireCollection} collection the camera file's FeatureCollection */
  setCameras(collection) {
    const features = this.format.readFeatures(collection);
    const { cameras, aiCameras } = this.sources;
    cameras.clear(true);
    aiCameras.clear(true);
    cameras.addFeatures(features.filter((/** @type {any} */ f) => f.get('ai') !== true));
    aiCameras.addFeatures(features.filter((/** @type {any} */ f) => f.get('ai') === true));
  }

  /** @param {WireCollection | null | undefined} featureCollection */
  setCorridor(featureCollection) {
    this.sources.corridor.clear(true);
    if (featureCollection) {
      this.sources.corridor.addFeatures(this.format.readFeatures(featureCollection));
    }
  }

  /**
   * @param {string} layer a source or layer name (see TwinMap.razor.cs SetLayerVisibleAsync)
   * @param {boolean} visible
   */
  setVisible(layer, visible) {
    const stacked = this.basemap.setVisible(layer, visible) || this.livePoints.setVisible(layer, visible);
    const target = this.layers[layer];
    if (!stacked && !target) {
      throw new Error(`twinmap: unknown layer '${layer}'`);
    }
    target?.setVisible(visible);
  }

  /** After the styles' scale changed: the heat kernel, the cluster spacing and every layer. */
  rescale() {
    this.heat.rescale();
    this.cameraClusters.setDistance(this.styles.px(CAMERA_CLUSTER_DISTANCE));
    this.ticketClusters.setDistance(this.styles.px(TICKET_CLUSTER_DISTANCE));
    this.cameraClusters.setMinDistance(this.styles.px(CAMERA_CLUSTER_MIN_DISTANCE));
    for (const source of Object.values(this.sources)) {
      source.changed();
    }
  }

  /** @returns {Record<string, number>} */
  counts() {
    /** @param {string} key */
    const count = (key) => this.sources[key].getFeatures().length;
    return {
      tickets: count('tickets'),
      sensors: count('sensors'),
      alarms: count('alarms'),
      cameras: count('cameras') + count('aiCameras'),
      heat: count('heat'),
      subdistricts: count('subdistricts'),
      districtOutline: count('outline'),
    };
  }

  dispose() {
    if (this.pulseTimer !== null) {
      clearTimeout(this.pulseTimer);
    }
  }
}

/**
 * Defined on first use: the module may be imported before the page's ol.js has run.
 * @type {(new (options: object, downscale: (pixelRatio: number) => number) => any) | null}
 */
let CoarseImageCanvas = null;

// An image source painted downscale times smaller each way than the map's pixels: its image
// carries the smaller pixel ratio, so the layer scales it up as it draws it.
const defineCoarseImageCanvas = () => class extends ol.source.ImageCanvas {
  /**
   * @param {object} options ol.source.ImageCanvas's
   * @param {(pixelRatio: number) => number} downscale
   */
  constructor(options, downscale) {
    super(options);
    this.downscale = downscale;
  }

  /**
   * @param {number[]} extent
   * @param {number} resolution
   * @param {number} pixelRatio
   * @param {any} projection
   */
  getImageInternal(extent, resolution, pixelRatio, projection) {
    return super.getImageInternal(extent, resolution, pixelRatio / this.downscale(pixelRatio), projection);
  }
};
