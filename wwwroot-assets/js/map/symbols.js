// @ts-check
// Which symbol a live feature gets: colour, shape, size and drawing order by ticket status and
// channel, sensor reading state and device health, alarm severity. Colours, channel shapes and
// severity sizes come from the server's vocabulary; the map's own colours (basemap, cameras,
// rings) are here. Pure: styles.js turns these choices into OpenLayers styles.

/** @typedef {import('./labels.js').Vocabulary} Vocabulary */
/** @typedef {import('./labels.js').ChannelShape} ChannelShape */

/**
 * The colours the map draws; the legend's browser test compares them with the legend's.
 * @typedef {object} Palette
 * @property {string} background
 * @property {string} halo
 * @property {string} symbolEdge
 * @property {Record<string, string>} ticketStatus the statuses drawn on the map
 * @property {string} ticketFallback
 * @property {Record<string, string>} valueState
 * @property {string} unhealthyRing
 * @property {string} offlineFill
 * @property {Record<string, string>} severity
 * @property {string} camera
 * @property {string} cameraCluster
 * @property {string} cameraClusterEdge
 * @property {string} cameraClusterText
 * @property {string} aiCamera
 */

/**
 * @typedef {object} Symbology
 * @property {Palette} palette
 * @property {Record<string, ChannelShape>} channelShapes shape tells a ticket's channel
 * @property {Record<string, number>} severityRadius an alarm's size at the 1920×1080 reference
 */

// Where each part of the two stacked image layers is drawn: a higher zIndex draws above a lower
// one and is hit first by a click.
export const Z = Object.freeze({
  districts: 0, subdistricts: 1, corridor: 2, outline: 3, creek: 4, metroLines: 5,
  cameras: 0, aiCameras: 1, sensors: 2, tickets: 3, warningSensors: 4, alarmSensors: 5,
});

const MAP_COLOURS = {
  background: '#0b1622',
  halo: 'rgba(6, 14, 24, 0.92)',
  symbolEdge: '#0b1622',
  ticketFallback: '#c0c8d0',
  unhealthyRing: '#c3ccd6',
  offlineFill: '#66717d',
  camera: 'rgba(143, 162, 255, 0.55)',
  cameraCluster: 'rgba(120, 135, 220, 0.22)',
  cameraClusterEdge: 'rgba(170, 185, 255, 0.45)',
  cameraClusterText: 'rgba(215, 222, 255, 0.8)',
  aiCamera: '#ff5ad1',
};

// Closed, evaluated and merged tickets leave the map's layer (docs/hub-protocol.md), so their
// colours are not the map's and the legend has no key for them.
const OFF_MAP_STATUSES = new Set(['closed', 'evaluated', 'merged']);

const FALLBACK_SEVERITY = 'info';
const FALLBACK_VALUE_STATE = 'normal';

/**
 * @param {Record<string, { color?: string }> | undefined} group
 * @param {(key: string) => boolean} [drawn]
 * @returns {Record<string, string>}
 */
function colours(group, drawn = () => true) {
  /** @type {Record<string, string>} */
  const result = {};
  for (const [key, entry] of Object.entries(group ?? {})) {
    if (entry.color && drawn(key)) {
      result[key] = entry.color;
    }
  }
  return result;
}

/**
 * @param {Vocabulary | null | undefined} vocabulary
 * @returns {Symbology}
 */
export function symbologyFrom(vocabulary) {
  /** @type {Record<string, ChannelShape>} */
  const channelShapes = {};
  for (const [key, entry] of Object.entries(vocabulary?.channel ?? {})) {
    if (entry.shape) {
      channelShapes[key] = entry.shape;
    }
  }
  /** @type {Record<string, number>} */
  const severityRadius = {};
  for (const [key, entry] of Object.entries(vocabulary?.severity ?? {})) {
    if (typeof entry.radius === 'number') {
      severityRadius[key] = entry.radius;
    }
  }
  return {
    palette: {
      ...MAP_COLOURS,
      ticketStatus: colours(vocabulary?.ticketStatus, (key) => !OFF_MAP_STATUSES.has(key)),
      valueState: colours(vocabulary?.valueState),
      severity: colours(vocabulary?.severity),
    },
    channelShapes,
    severityRadius,
  };
}

/**
 * Shape tells the dispatch channel, colour the status; an unknown channel is a circle.
 * @param {Symbology} symbology
 * @param {string} status
 * @param {string} channel
 * @returns {{ color: string, shape: ChannelShape | null, radius: number }}
 */
export function ticketSymbol(symbology, status, channel) {
  const shape = Object.hasOwn(symbology.channelShapes, channel) ? symbology.channelShapes[channel] : null;
  return {
    color: symbology.palette.ticketStatus[status] ?? symbology.palette.ticketFallback,
    shape,
    // Stars are drawn larger so that their thin points read as big as the solid shapes.
    radius: shape?.inner ? 8.5 : 6.5,
  };
}

/**
 * Fill says what the reading is; a ring around it says the device itself cannot be trusted
 * (stale, offline or low battery), so health reads apart from value. Normal readings are the
 * background hum of 2,000 devices: small and muted; warning and alarm readings are larger, edged
 * and drawn above the tickets.
 * @param {Symbology} symbology
 * @param {string} valueState
 * @param {string} health
 * @returns {{ color: string, radius: number, edged: boolean, ring: boolean, zIndex: number }}
 */
export function sensorSymbol(symbology, valueState, health) {
  const { palette } = symbology;
  const abnormal = valueState === 'warning' || valueState === 'alarm';
  const fill = palette.valueState[valueState] ?? palette.valueState[FALLBACK_VALUE_STATE];
  return {
    color: health === 'offline' ? palette.offlineFill : fill,
    radius: valueState === 'alarm' ? 7 : valueState === 'warning' ? 5.5 : 2.5,
    edged: abnormal,
    ring: health !== 'online',
    zIndex: valueState === 'alarm' ? Z.alarmSensors : valueState === 'warning' ? Z.warningSensors : Z.sensors,
  };
}

/**
 * An alarm's dot: larger and drawn above the others the more severe it is; faded once
 * acknowledged. An unknown severity is drawn as info, below every known one.
 * @param {Symbology} symbology
 * @param {string} severity
 * @param {boolean} acknowledged
 * @returns {{ color: string, alpha: number, radius: number, strokeWidth: number, zIndex: number }}
 */
export function alarmSymbol(symbology, severity, acknowledged) {
  return {
    color: severityColour(symbology, severity),
    alpha: acknowledged ? 0.45 : 0.95,
    radius: severityRadius(symbology, severity),
    strokeWidth: acknowledged ? 1.25 : 2.5,
    zIndex: symbology.severityRadius[severity] ?? 0,
  };
}

/**
 * @param {Symbology} symbology
 * @param {string} severity
 * @returns {string}
 */
export function severityColour(symbology, severity) {
  const { severity: colour } = symbology.palette;
  return colour[severity] ?? colour[FALLBACK_SEVERITY];
}

/**
 * @param {Symbology} symbology
 * @param {string} severity
 * @returns {number}
 */
export function severityRadius(symbology, severity) {
  const radius = symbology.severityRadius;
  return radius[severity] ?? radius[FALLBACK_SEVERITY];
}

/**
 * A camera cluster's radius at the reference size: grows with the log of its members, capped.
 * @param {number} size
 * @returns {number}
 */
export function clusterRadius(size) {
  return Math.min(15, 5 + 1.6 * Math.log2(size));
}
