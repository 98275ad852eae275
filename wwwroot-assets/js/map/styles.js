// @ts-check
// OpenLayers styles of the live symbols, made from the choices in symbols.js and cached per
// choice: the wall draws thousands of features with a few dozen distinct styles. Sizes are given
// at the 1920×1080 reference and grown with the wall's rem (px()).
import { Z, alarmSymbol, clusterRadius, sensorSymbol, severityColour, severityRadius, ticketSymbol } from './symbols.js';

/** @typedef {import('./symbols.js').Symbology} Symbology */
/** @typedef {{ get: (key: string) => any, getGeometry: () => any }} OlFeature */

// The page sizes everything in rem (html font-size grows with the screen); 16 px is the 1920×1080
// size, so every pixel size is multiplied by fontSize / 16.
const BASE_FONT_PX = 16;
const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** @returns {number} the wall's size against the 1920×1080 reference */
export function wallScale() {
  const fontSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(fontSize) && fontSize > 0 ? fontSize / BASE_FONT_PX : 1;
}

/**
 * @param {string | number[]} color any CSS colour OpenLayers reads
 * @param {number} alpha
 * @returns {number[]}
 */
export function withAlpha(color, alpha) {
  const [r, g, b] = ol.color.asArray(color);
  return [r, g, b, alpha];
}

export class MapStyles {
  /**
   * @param {Symbology} symbology
   */
  constructor(symbology) {
    this.symbology = symbology;
    this.scale = wallScale();
    /** @type {Map<string, any>} */
    this.cache = new Map();
  }

  /**
   * @param {number} size a pixel size at the 1920×1080 reference
   * @returns {number}
   */
  px(size) {
    return size * this.scale;
  }

  /**
   * A new screen size changes the rem: every cached style is rebuilt at the new scale.
   * @returns {boolean} whether the scale changed
   */
  rescale() {
    const scale = wallScale();
    if (Math.abs(scale - this.scale) < 0.01) {
      return false;
    }
    this.scale = scale;
    this.cache.clear();
    return true;
  }

  /**
   * @template T
   * @param {string} key
   * @param {() => T} create
   * @returns {T}
   */
  cached(key, create) {
    let style = this.cache.get(key);
    if (!style) {
      style = create();
      this.cache.set(key, style);
    }
    return style;
  }

  /**
   * A label; its font and halo grow with the wall.
   * @param {string} label
   * @param {number} size
   * @param {string} color
   * @param {object} [extra] more ol.style.Text options
   */
  text(label, size, color, extra = {}) {
    return new ol.style.Text({
      text: label,
      font: `600 ${this.px(size)}px ${FONT}`,
      fill: new ol.style.Fill({ color }),
      stroke: new ol.style.Stroke({ color: this.symbology.palette.halo, width: this.px(Math.max(4, size / 4)) }),
      overflow: true,
      ...extra,
    });
  }

  /** @param {OlFeature} feature */
  ticket(feature) {
    const status = String(feature.get('status') ?? '');
    const channel = String(feature.get('channel') ?? '');
    return this.cached(`ticket:${status}|${channel}`, () => {
      const { color, shape, radius: size } = ticketSymbol(this.symbology, status, channel);
      const fill = new ol.style.Fill({ color });
      const stroke = new ol.style.Stroke({ color: this.symbology.palette.symbolEdge, width: this.px(1.5) });
      const radius = this.px(size);
      const image = shape
        ? new ol.style.RegularShape({
            points: shape.points,
            radius,
            radius2: shape.inner ? radius * shape.inner : undefined,
            angle: shape.angle,
            fill,
            stroke,
          })
        : new ol.style.Circle({ radius, fill, stroke });
      return new ol.style.Style({ image, zIndex: Z.tickets });
    });
  }

  /** @param {OlFeature} feature */
  sensor(feature) {
    const valueState = feature.get('valueState') ?? 'normal';
    const health = feature.get('health') ?? 'online';
    return this.cached(`sensor:${valueState}|${health}`, () => {
      const symbol = sensorSymbol(this.symbology, valueState, health);
      const radius = this.px(symbol.radius);
      const dot = new ol.style.Style({
        image: new ol.style.Circle({
          radius,
          fill: new ol.style.Fill({ color: symbol.color }),
          stroke: symbol.edged ? new ol.style.Stroke({ color: this.symbology.palette.symbolEdge, width: this.px(1.5) }) : undefined,
        }),
        zIndex: symbol.zIndex,
      });
      if (!symbol.ring) {
        return dot;
      }
      const ring = new ol.style.Style({
        image: new ol.style.Circle({
          radius: radius + this.px(3),
          stroke: new ol.style.Stroke({
            color: this.symbology.palette.unhealthyRing,
            width: this.px(1.5),
            lineDash: [this.px(3), this.px(2)],
          }),
        }),
        zIndex: symbol.zIndex,
      });
      return [ring, dot];
    });
  }

  /** @param {OlFeature} feature */
  alarm(feature) {
    const severity = feature.get('severity') ?? 'info';
    const acknowledged = feature.get('acknowledged') === true;
    return this.cached(`alarm:${severity}|${acknowledged}`, () => {
      const symbol = alarmSymbol(this.symbology, severity, acknowledged);
      return new ol.style.Style({
        image: new ol.style.Circle({
          radius: this.px(symbol.radius),
          fill: new ol.style.Fill({ color: withAlpha(symbol.color, symbol.alpha) }),
          stroke: new ol.style.Stroke({ color: '#ffffff', width: this.px(symbol.strokeWidth) }),
        }),
        zIndex: symbol.zIndex,
      });
    });
  }

  /**
   * The area a CAP alarm covers, dashed in its severity's colour.
   * @param {OlFeature} feature
   */
  area(feature) {
    const severity = feature.get('severity') ?? 'info';
    const color = severityColour(this.symbology, severity);
    return this.cached(`area:${severity}`, () => new ol.style.Style({
      fill: new ol.style.Fill({ color: withAlpha(color, 0.14) }),
      stroke: new ol.style.Stroke({ color: withAlpha(color, 0.9), width: this.px(2), lineDash: [this.px(8), this.px(6)] }),
    }));
  }

  /**
   * The ring an unacknowledged alarm pulses with, at a phase of its period (0 to 1). Not cached:
   * it changes every frame.
   * @param {string} severity
   * @param {number} phase
   */
  pulseRing(severity, phase) {
    return new ol.style.Style({
      image: new ol.style.Circle({
        radius: this.px(severityRadius(this.symbology, severity)) * (1 + 1.8 * phase),
        stroke: new ol.style.Stroke({ color: withAlpha(severityColour(this.symbology, severity), 1 - phase), width: this.px(3) }),
      }),
    });
  }

  camera() {
    return this.cached('camera', () => new ol.style.Style({
      image: new ol.style.Circle({ radius: this.px(3), fill: new ol.style.Fill({ color: this.symbology.palette.camera }) }),
      zIndex: Z.cameras,
    }));
  }

  aiCamera() {
    return this.cached('camera-ai', () => new ol.style.Style({
      image: new ol.style.RegularShape({
        points: 3,
        radius: this.px(5),
        fill: new ol.style.Fill({ color: this.symbology.palette.aiCamera }),
        stroke: new ol.style.Stroke({ color: '#ffffff', width: this.px(1.25) }),
      }),
      zIndex: Z.aiCameras,
    }));
  }

  /**
   * Tickets drawn together at district zoom: the count, in the colour of the members' most common
   * status (a single member is drawn as itself).
   * @param {OlFeature} cluster
   */
  ticketCluster(cluster) {
    /** @type {OlFeature[]} */
    const members = cluster.get('features');
    if (members.length === 1) {
      return this.ticket(members[0]);
    }
    const status = dominantStatus(members);
    const size = members.length;
    return this.cached(`ticket-cluster:${status}|${size}`, () => new ol.style.Style({
      image: new ol.style.Circle({
        radius: this.px(clusterRadius(size) + 3),
        fill: new ol.style.Fill({ color: ticketSymbol(this.symbology, status, '').color }),
        stroke: new ol.style.Stroke({ color: this.symbology.palette.symbolEdge, width: this.px(1.5) }),
      }),
      text: new ol.style.Text({
        text: String(size),
        font: `700 ${this.px(11)}px sans-serif`,
        fill: new ol.style.Fill({ color: '#0b1424' }),
      }),
      zIndex: Z.tickets,
    }));
  }

  /** @param {OlFeature} cluster */
  cameraCluster(cluster) {
    const size = cluster.get('features').length;
    if (size === 1) {
      return this.camera();
    }
    const { palette } = this.symbology;
    return this.cached(`cluster:${size}`, () => new ol.style.Style({
      image: new ol.style.Circle({
        radius: this.px(clusterRadius(size)),
        fill: new ol.style.Fill({ color: palette.cameraCluster }),
        stroke: new ol.style.Stroke({ color: palette.cameraClusterEdge, width: this.px(1) }),
      }),
      text: new ol.style.Text({
        text: String(size),
        font: `600 ${this.px(10)}px sans-serif`,
        fill: new ol.style.Fill({ color: palette.cameraClusterText }),
      }),
      zIndex: Z.cameras,
    }));
  }
}

/**
 * The status most members share (ties go to the first met).
 * @param {OlFeature[]} members
 * @returns {string}
 */
function dominantStatus(members) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  let best = '';
  let bestCount = 0;
  for (const member of members) {
    const status = String(member.get('status') ?? '');
    const count = (counts.get(status) ?? 0) + 1;
    counts.set(status, count);
    if (count > bestCount) {
      best = status;
      bestCount = count;
    }
  }
  return best;
}
