// @ts-check
// The drone layer of the wall's map (docs/hub-protocol.md, `Drones`): each drone drawn live with
// its heading and trail, a lost link shown in grey with a warning, and the patrol routes. It
// hangs on twinmap.js as an overlay, on the same map and the same hub connection.
import { addOverlay } from './twinmap.js';

/** @typedef {import('./map/types.js').OverlayContext} OverlayContext */
/** @typedef {{ at?: string, routesVersion: number | null, drones: { features: unknown[] } }} Fleet the hub's Drones message */

const COLORS = {
  drone: '#3df5ff',
  docked: '#7fb6d6',
  lost: '#9aa3ad',
  lostRing: '#ff5a5a',
  trail: 'rgba(61, 245, 255, 0.55)',
  lostTrail: 'rgba(154, 163, 173, 0.5)',
  route: 'rgba(200, 230, 255, 0.35)',
  halo: 'rgba(6, 14, 24, 0.92)',
};

const TEXT = {
  zh: { lost: '信号丢失', onStation: '抵近观察', returning: '返航', docked: '停机坪' },
  en: { lost: 'LINK LOST', onStation: 'on station', returning: 'returning', docked: 'docked' },
};

// Reference pixel sizes at 1920×1080 (grown by twinmap's px()).
const DRONE_RADIUS = 11;
const TRAIL_WIDTH = 2.5;
const ROUTE_WIDTH = 1.5;
const LABEL_SIZE = 13;

/** @type {DroneOverlay | null} */
let attached = null;
let visible = true;

export const palette = COLORS;

/** @param {boolean} value */
export function setVisible(value) {
  visible = Boolean(value);
  if (attached) {
    for (const layer of attached.layers) layer.setVisible(visible);
  }
}

// What the map shows, for tests and the wall's health: drone and trail counts, lost links, routes.
export function droneStats() {
  if (!attached) {
    return { attached: false, drones: 0, airborne: 0, linkLost: 0, trails: 0, trailPoints: 0, routes: 0, visible, lastFleetAt: null };
  }
  /** @type {any[]} */
  const drones = attached.drones.getFeatures();
  /** @type {any[]} */
  const trails = attached.trails.getFeatures();
  return {
    attached: true,
    drones: drones.length,
    airborne: drones.filter((f) => f.get('status') === 'airborne').length,
    linkLost: drones.filter((f) => f.get('linkLost') === true).length,
    trails: trails.length,
    trailPoints: trails.reduce((sum, f) => sum + f.getGeometry().getCoordinates().length, 0),
    routes: attached.routes.getFeatures().length,
    visible,
    lastFleetAt: attached.lastFleetAt,
    positions: Object.fromEntries(drones.map((f) => [f.getId(), ol.proj.toLonLat(f.getGeometry().getCoordinates())])),
  };
}

class DroneOverlay {
  /** @param {OverlayContext} ctx */
  constructor(ctx) {
    this.ctx = ctx;
    this.format = new ol.format.GeoJSON({ featureProjection: 'EPSG:3857' });
    this.routes = new ol.source.Vector();
    this.trails = new ol.source.Vector();
    this.drones = new ol.source.Vector();
    /** @type {number | null} */
    this.routesVersion = null;
    /** @type {string | null} */
    this.lastFleetAt = null;
    /** @type {Map<string, any>} */
    this.styles = new Map();
    /** @type {number | null} */
    this.styleScale = null;
    /**
     * @param {any} source
     * @param {(feature: any) => any} style
     * @param {object} [extra]
     */
    const layer = (source, style, extra = {}) => new ol.layer.Vector({ source, style, zIndex: 50, ...extra });
    this.layers = [
      layer(this.routes, () => this.routeStyle()),
      layer(this.trails, (f) => this.trailStyle(f)),
      layer(this.drones, (f) => this.droneStyle(f), { zIndex: 51 }),
    ];
    for (const l of this.layers) {
      l.setVisible(visible);
      ctx.map.addLayer(l);
    }
    /** @param {Fleet} fleet */
    this.onFleet = (fleet) => {
      try {
        this.apply(fleet);
      } catch (error) {
        console.error('dronelayer: could not apply the fleet', error);
      }
    };
    ctx.connection.on('Drones', this.onFleet);
  }

  get lang() {
    return this.ctx.lang === 'en' ? 'en' : 'zh';
  }

  /** @param {Fleet} fleet */
  apply(fleet) {
    this.lastFleetAt = new Date().toISOString();
    if (fleet.routesVersion !== this.routesVersion) {
      this.routesVersion = fleet.routesVersion;
      this.loadRoutes();
    }
    const features = this.format.readFeatures(fleet.drones);
    const seen = new Set();
    for (const feature of features) {
      const id = feature.getId();
      seen.add(id);
      const existing = this.drones.getFeatureById(id);
      if (existing) {
        existing.setGeometry(feature.getGeometry());
        existing.setProperties(feature.getProperties());
      } else {
        this.drones.addFeature(feature);
      }
      this.setTrail(id, feature.get('trail'), feature.get('linkLost') === true);
    }
    for (const stale of this.drones.getFeatures().filter((/** @type {any} */ f) => !seen.has(f.getId()))) {
      this.drones.removeFeature(stale);
      const trail = this.trails.getFeatureById(stale.getId());
      if (trail) this.trails.removeFeature(trail);
    }
  }

  /**
   * @param {string} id
   * @param {[number, number][] | undefined} points
   * @param {boolean} lost
   */
  setTrail(id, points, lost) {
    const existing = this.trails.getFeatureById(id);
    if (!Array.isArray(points) || points.length < 2) {
      if (existing) this.trails.removeFeature(existing);
      return;
    }
    const geometry = new ol.geom.LineString(points.map((p) => ol.proj.fromLonLat(p)));
    if (existing) {
      existing.setGeometry(geometry);
      existing.set('linkLost', lost);
    } else {
      const trail = new ol.Feature({ geometry, linkLost: lost });
      trail.setId(id);
      this.trails.addFeature(trail);
    }
  }

  async loadRoutes() {
    try {
      const response = await fetch('/api/drones/routes');
      if (!response.ok) throw new Error(`routes answered ${response.status}`);
      this.routes.clear(true);
      this.routes.addFeatures(this.format.readFeatures(await response.json()));
    } catch (error) {
      console.warn('dronelayer: could not load the patrol routes', error);
      this.routesVersion = null;
    }
  }

  /**
   * @param {string} key
   * @param {() => any} create
   */
  cached(key, create) {
    const scale = this.ctx.px(1);
    if (scale !== this.styleScale) {
      this.styles.clear();
      this.styleScale = scale;
    }
    let style = this.styles.get(key);
    if (!style) {
      style = create();
      this.styles.set(key, style);
    }
    return style;
  }

  routeStyle() {
    const px = this.ctx.px;
    return this.cached('route', () => new ol.style.Style({
      stroke: new ol.style.Stroke({ color: COLORS.route, width: px(ROUTE_WIDTH), lineDash: [px(6), px(6)] }),
    }));
  }

  /** @param {any} feature */
  trailStyle(feature) {
    const lost = feature.get('linkLost') === true;
    const px = this.ctx.px;
    return this.cached(`trail:${lost}`, () => new ol.style.Style({
      stroke: new ol.style.Stroke({ color: lost ? COLORS.lostTrail : COLORS.trail, width: px(TRAIL_WIDTH), lineCap: 'round', lineJoin: 'round' }),
    }));
  }

  /** @param {any} feature */
  droneStyle(feature) {
    const px = this.ctx.px;
    const status = feature.get('status');
    const lost = feature.get('linkLost') === true;
    const heading = Number(feature.get('heading')) || 0;
    const color = lost ? COLORS.lost : status === 'docked' ? COLORS.docked : COLORS.drone;
    const rotation = Math.round(heading / 5) * 5;
    const arrow = this.cached(`arrow:${color}:${rotation}`, () => new ol.style.Style({
      image: new ol.style.RegularShape({
        points: 3,
        radius: px(DRONE_RADIUS),
        // Squeezed into an arrowhead pointing along the heading (0° = north, clockwise).
        scale: [0.7, 1],
        rotation: (rotation * Math.PI) / 180,
        rotateWithView: true,
        fill: new ol.style.Fill({ color }),
        stroke: new ol.style.Stroke({ color: '#0b1622', width: px(1.5) }),
      }),
      zIndex: 2,
    }));
    const words = TEXT[this.lang];
    const mission = feature.get('missionStatus');
    const suffix = lost ? words.lost : mission === 'onStation' ? words.onStation : mission === 'returning' ? words.returning : status === 'docked' ? words.docked : '';
    const label = suffix ? `${feature.getId()} · ${suffix}` : feature.getId();
    const text = this.cached(`label:${label}:${lost}`, () => new ol.style.Style({
      text: new ol.style.Text({
        text: label,
        font: `600 ${px(LABEL_SIZE)}px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`,
        fill: new ol.style.Fill({ color: lost ? COLORS.lostRing : '#e8fbff' }),
        stroke: new ol.style.Stroke({ color: COLORS.halo, width: px(4) }),
        offsetY: -px(DRONE_RADIUS + 10),
      }),
    }));
    if (!lost) {
      return [arrow, text];
    }
    const ring = this.cached('lost-ring', () => new ol.style.Style({
      image: new ol.style.Circle({
        radius: px(DRONE_RADIUS + 6),
        stroke: new ol.style.Stroke({ color: COLORS.lostRing, width: px(2), lineDash: [px(4), px(3)] }),
      }),
    }));
    return [ring, arrow, text];
  }

  detach() {
    this.ctx.connection.off('Drones', this.onFleet);
    for (const layer of this.layers) this.ctx.map.removeLayer(layer);
  }
}

addOverlay({
  attach(ctx) {
    attached?.detach();
    attached = new DroneOverlay(ctx);
  },
  detach() {
    attached?.detach();
    attached = null;
  },
});
