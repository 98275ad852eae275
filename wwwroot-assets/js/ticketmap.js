// @ts-check
// The console's ticket map: the district basemap (the same geodata as the wall's twinmap.js),
// centred on one ticket, with the reports merged into its case and the possible duplicates nearby.
// No hub and no live layers: the console's circuit passes the markers in whenever the ticket or
// its relations change. Kept apart from the wall's module so the two can change independently.
// Needs the global `ol` build (lib/ol/ol.js) on the page.

const BASEMAP = {
  districts: 'shanghai_districts_clip_putuo_area.geojson',
  subdistricts: 'putuo_subdistricts_osm.geojson',
  creek: 'suzhou_creek_line_putuo_osm_derived.geojson',
};

const ATTRIBUTION = '© OpenStreetMap contributors (ODbL) · geoBoundaries';
const TICKET_ZOOM = 15;
const MAX_ZOOM = 17;
const FIT_PADDING = 36;

// Roles and their look; the legend in the component uses the same words. Surroundings (other open
// cases nearby, sensors) carry their own colour: the case's status, the sensor's state.
/** @type {Record<string, { color: string, radius: number }>} */
const MARKERS = {
  ticket: { color: '#38e1ff', radius: 9 },
  picked: { color: '#ff5252', radius: 8 },
  nearby: { color: '#ffc107', radius: 4 },
  sensor: { color: '#78cdaf', radius: 4 },
  case: { color: '#4d7dff', radius: 7 },
  merged: { color: '#7bd88f', radius: 6 },
  candidate: { color: '#ffc107', radius: 6 },
  // Search results (the console's search box): one colour per kind of record found.
  'result-ticket': { color: '#38e1ff', radius: 6 },
  'result-alarm': { color: '#ff5252', radius: 6 },
  'result-sensor': { color: '#7bd88f', radius: 5 },
};

// Surroundings are labelled only from this zoom on: at the district's scale their names would be
// hundreds of labels fighting for room, and the decluttering would show an arbitrary few.
const SURROUNDINGS_LABEL_ZOOM = 15;
// Sensors are drawn from this zoom on: the district's 2,000 squares would cover its 街镇 and their
// names on the new-case form's whole-district view; a street's dozen are worth seeing.
const SENSOR_ZOOM = 14;
const SURROUNDINGS = new Set(['nearby', 'sensor']);

/** @param {any} feature */
function look(feature) {
  const base = MARKERS[feature.get('role')] ?? MARKERS.candidate;
  return { color: feature.get('color') ?? base.color, radius: base.radius };
}

/** @param {string} role */
function layerOrder(role) {
  return role === 'ticket' ? 3 : SURROUNDINGS.has(role) ? 1 : 2;
}

// Styles are made once per look (symbols) or per feature (labels) and reused: the new-case map
// draws every sensor and open case of the district, and a style made afresh for each of them in
// every frame (a RegularShape draws its own canvas) made the form's first seconds sluggish.
/** @type {Map<string, any>} */
const symbols = new Map();
/** @type {WeakMap<any, any>} */
const labels = new WeakMap();

// The symbol of a marker: sensors are squares, cases circles, the ticket itself on top. Symbols
// are never decluttered (every case and sensor in view stays visible); only their labels are.
/**
 * @param {any} feature
 * @param {number} resolution
 */
function symbolStyle(feature, resolution) {
  const { color, radius } = look(feature);
  const role = feature.get('role');
  if (role === 'sensor' && resolution > zoomResolution(SENSOR_ZOOM)) {
    return null;
  }
  const key = `${role}|${color}`;
  let style = symbols.get(key);
  if (!style) {
    const sensor = role === 'sensor';
    const fill = new ol.style.Fill({ color });
    const stroke = new ol.style.Stroke({ color: '#0b1622', width: sensor ? 1 : 2 });
    style = new ol.style.Style({
      image: sensor
        ? new ol.style.RegularShape({ points: 4, radius: radius + 1, angle: Math.PI / 4, fill, stroke })
        : new ol.style.Circle({ radius, fill, stroke }),
      zIndex: layerOrder(role),
    });
    symbols.set(key, style);
  }
  return style;
}

// The label of a marker, in a decluttered layer: a label that would overlap one drawn before it is
// left out (the ticket's own first), so no two labels ever cover each other.
/**
 * @param {any} feature
 * @param {number} resolution
 */
function labelStyle(feature, resolution) {
  const role = feature.get('role');
  const text = feature.get('label') ?? feature.get('id');
  if (!text || (SURROUNDINGS.has(role) && resolution > zoomResolution(SURROUNDINGS_LABEL_ZOOM))) {
    return null;
  }
  let style = labels.get(feature);
  if (!style) {
    style = labelFor(role, text, look(feature).radius);
    labels.set(feature, style);
  }
  return style;
}

/**
 * @param {string} role
 * @param {string} text
 * @param {number} radius
 */
function labelFor(role, text, radius) {
  return new ol.style.Style({
    text: new ol.style.Text({
      text,
      offsetY: -radius - 9,
      font: role === 'ticket' ? '600 13px "Noto Sans CJK SC", sans-serif' : '12px "Noto Sans CJK SC", sans-serif',
      fill: new ol.style.Fill({ color: SURROUNDINGS.has(role) ? '#b8cfe4' : '#e8f4ff' }),
      stroke: new ol.style.Stroke({ color: 'rgba(6, 14, 24, 0.9)', width: 4 }),
      padding: [2, 4, 2, 4],
    }),
    zIndex: layerOrder(role),
  });
}

// Web Mercator's resolution at `zoom`, in the view's units (m/px at the equator).
/** @param {number} zoom */
function zoomResolution(zoom) {
  return 156543.03392804097 / 2 ** zoom;
}

// More results than this are dots without their ids: the labels would cover the map.
const MAX_LABELLED_RESULTS = 12;

// Element id → promise of { map, markers }: a second call while the first is still loading the
// basemap must reuse that map, not build another one in the same element.
/** @typedef {{ map: any, markers: any, shown?: string, framed?: string }} TicketMap */
/** @typedef {{ id: string, lon: number, lat: number }} Point */
/** @typedef {Point & { role: string, label: string, color: string }} Marker */
/** @type {Map<string, Promise<TicketMap>>} */
const maps = new Map();
/** @type {Promise<Record<string, unknown>> | null} */
let basemap = null;

// The basemap is fetched once per page and shared by every ticket map on it.
/** @returns {Promise<Record<string, unknown>>} */
function loadBasemap() {
  basemap ??= Promise.all(
    Object.entries(BASEMAP).map(async ([key, file]) => {
      const response = await fetch(new URL(`../geo/${file}`, import.meta.url));
      if (!response.ok) {
        throw new Error(`ticketmap: ${file} answered ${response.status}`);
      }
      return [key, await response.json()];
    }),
  ).then(Object.fromEntries);
  basemap.catch(() => {
    basemap = null;
  });
  return basemap;
}

// 街镇 outlines with their names in the page's language; names are decluttered so none overlap.
/** @param {string} nameKey */
function subDistrictStyle(nameKey) {
  const fill = new ol.style.Fill({ color: 'rgba(40, 110, 160, 0.22)' });
  const stroke = new ol.style.Stroke({ color: 'rgba(90, 170, 220, 0.75)', width: 1.5 });
  return (/** @type {any} */ feature) => new ol.style.Style({
    fill,
    stroke,
    text: new ol.style.Text({
      text: feature.get(nameKey) ?? feature.get('name') ?? '',
      font: '12px "Noto Sans CJK SC", sans-serif',
      fill: new ol.style.Fill({ color: 'rgba(200, 225, 245, 0.85)' }),
      stroke: new ol.style.Stroke({ color: 'rgba(6, 14, 24, 0.9)', width: 3 }),
      overflow: false,
    }),
  });
}

/**
 * @param {HTMLElement} target
 * @returns {Promise<TicketMap>}
 */
async function create(target) {
  const format = new ol.format.GeoJSON({ featureProjection: 'EPSG:3857' });
  const geo = await loadBasemap();
  /**
   * @param {string} key
   * @param {any} style
   */
  const layer = (key, style) => new ol.layer.Vector({ source: new ol.source.Vector({ features: format.readFeatures(geo[key]) }), style, declutter: key === 'subdistricts' });
  const markers = new ol.source.Vector();
  const map = new ol.Map({
    target,
    controls: [new ol.control.Zoom(), new ol.control.Attribution({ collapsible: false }), new ol.control.ScaleLine()],
    layers: [
      layer('districts', new ol.style.Style({
        fill: new ol.style.Fill({ color: '#101e2d' }),
        stroke: new ol.style.Stroke({ color: '#24405a', width: 1 }),
      })),
      layer('subdistricts', subDistrictStyle(target.closest('[lang]')?.getAttribute('lang') === 'en' ? 'name_en' : 'name')),
      layer('creek', new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#5fb0ff', width: 4 }) })),
      new ol.layer.Vector({ source: markers, style: symbolStyle }),
      new ol.layer.Vector({ source: markers, style: labelStyle, declutter: true }),
    ],
    view: new ol.View({ center: ol.proj.fromLonLat([121.39, 31.26]), zoom: 13, maxZoom: 19 }),
  });
  map.getLayers().item(0).getSource().setAttributions(ATTRIBUTION);
  // The zoom buttons are for the mouse (the wheel zooms too): in the keyboard-first new-case form
  // Tab must go from the place to the street address, not through the map's buttons.
  target.querySelectorAll('.ol-zoom button').forEach((button) => button.setAttribute('tabindex', '-1'));
  return { map, markers };
}

// Shows `ticket` ({ id, lon, lat }), `related` ([{ id, lon, lat, role }]: its case, merged reports,
// possible duplicates) and `surroundings` ([{ id, lon, lat, role, label, color }]: open cases and
// sensors nearby) on the map in the element with `elementId`, creating the map on first use. The
// view is framed when the ticket or its relations change, not when only the surroundings do, so a
// reading that changes does not undo the officer's zoom.
/**
 * @param {string} elementId
 * @param {Point} ticket
 * @param {(Point & { role: string })[] | null} related
 * @param {Marker[] | null} surroundings
 */
export async function show(elementId, ticket, related, surroundings) {
  const entry = await entryFor(elementId);
  const points = [{ ...ticket, role: 'ticket' }, ...(related ?? [])];
  entry.markers.clear();
  entry.markers.addFeatures([...points, ...(surroundings ?? [])].map(toFeature));
  const framing = points.map((p) => `${p.role}:${p.id}@${p.lon},${p.lat}`).join('|');
  if (framing !== entry.framed) {
    const view = entry.map.getView();
    if (points.length === 1) {
      view.setCenter(ol.proj.fromLonLat([ticket.lon, ticket.lat]));
      view.setZoom(TICKET_ZOOM);
    } else {
      const extent = ol.extent.boundingExtent(points.map((p) => ol.proj.fromLonLat([p.lon, p.lat])));
      view.fit(extent, { padding: Array(4).fill(FIT_PADDING), maxZoom: MAX_ZOOM });
    }
    entry.framed = framing;
  }
  entry.shown = ticket.id;
}

/** @param {Point & { role: string, label?: string, color?: string }} p */
function toFeature(p) {
  const feature = new ol.Feature({ geometry: new ol.geom.Point(ol.proj.fromLonLat([p.lon, p.lat])), id: p.id, role: p.role, label: p.label, color: p.color });
  feature.setId(`${p.role}:${p.id}`);
  return feature;
}

// The map in the element with `elementId`, created on first use.
/**
 * @param {string} elementId
 * @returns {Promise<TicketMap>}
 */
function entryFor(elementId) {
  const target = document.getElementById(elementId);
  if (!target) {
    throw new Error(`ticketmap: no element #${elementId}`);
  }
  let creating = maps.get(elementId);
  if (!creating) {
    creating = create(target);
    creating.catch(() => maps.delete(elementId));
    maps.set(elementId, creating);
  }
  return creating;
}

// Search results ([{ id, lon, lat, kind }], kind ticket, alarm or sensor) as dots in their kind's
// colour, labelled by id when there are few; the view frames them all.
/**
 * @param {string} elementId
 * @param {(Point & { kind: string })[] | null} found
 */
export async function results(elementId, found) {
  const entry = await entryFor(elementId);
  const points = found ?? [];
  entry.markers.clear();
  entry.markers.addFeatures(points.map((p) => {
    const feature = new ol.Feature({
      geometry: new ol.geom.Point(ol.proj.fromLonLat([p.lon, p.lat])),
      id: p.id,
      role: `result-${p.kind}`,
      label: points.length <= MAX_LABELLED_RESULTS ? p.id : '',
    });
    feature.setId(`${p.kind}:${p.id}`);
    return feature;
  }));
  const view = entry.map.getView();
  if (points.length === 1) {
    view.setCenter(ol.proj.fromLonLat([points[0].lon, points[0].lat]));
    view.setZoom(TICKET_ZOOM);
  } else if (points.length > 1) {
    view.fit(entry.markers.getExtent(), { padding: Array(4).fill(FIT_PADDING), maxZoom: MAX_ZOOM });
  }
  entry.shown = 'results';
  // The next ticket shown is framed afresh, even the one shown before the results.
  entry.framed = undefined;
}

// Pick mode (the new-case form): the district with its 街镇, the open cases as small dots and,
// once zoomed in, the sensors as squares (both labelled closer in); a click marks the point and
// reports it to .NET (OnPicked), which derives the 街镇 from it.
/**
 * @param {string} elementId
 * @param {DotNetReference} dotnetRef
 * @param {Point[] | null} tickets
 * @param {Marker[] | null} sensors
 */
export async function pick(elementId, dotnetRef, tickets, sensors) {
  const target = document.getElementById(elementId);
  if (!target) {
    throw new Error(`ticketmap: no element #${elementId}`);
  }
  const creating = create(target);
  creating.catch(() => maps.delete(elementId));
  maps.set(elementId, creating);
  const entry = await creating;
  entry.markers.addFeatures([...(tickets ?? []).map((t) => ({ ...t, role: 'nearby' })), ...(sensors ?? [])].map(toFeature));
  entry.map.on('singleclick', (/** @type {any} */ event) => {
    const [lon, lat] = ol.proj.toLonLat(event.coordinate);
    markPoint(entry, lon, lat);
    dotnetRef.invokeMethodAsync('OnPicked', lon, lat).catch(() => {
      // The circuit is gone; the page's reconnect UI tells the officer.
    });
  });
}

/**
 * @param {TicketMap} entry
 * @param {number} lon
 * @param {number} lat
 */
function markPoint(entry, lon, lat) {
  const old = entry.markers.getFeatureById('picked');
  if (old) {
    entry.markers.removeFeature(old);
  }
  const feature = new ol.Feature({ geometry: new ol.geom.Point(ol.proj.fromLonLat([lon, lat])), role: 'picked' });
  feature.setId('picked');
  entry.markers.addFeature(feature);
}

// Marks the form's chosen point (also when it was not clicked here, e.g. set again after a re-render).
/**
 * @param {string} elementId
 * @param {number} lon
 * @param {number} lat
 */
export async function mark(elementId, lon, lat) {
  const entry = await maps.get(elementId)?.catch(() => null);
  if (entry) {
    markPoint(entry, lon, lat);
  }
}

/** @param {string} elementId */
export async function dispose(elementId) {
  const creating = maps.get(elementId);
  maps.delete(elementId);
  const entry = await creating?.catch(() => null);
  entry?.map.setTarget(undefined);
}

// What the map shows, for browser tests: the ticket at its centre and every marker by role.
/** @param {string} elementId */
export async function getState(elementId) {
  const entry = await maps.get(elementId)?.catch(() => null);
  if (!entry) {
    return null;
  }
  const view = entry.map.getView();
  const center = ol.proj.toLonLat(view.getCenter());
  return {
    ticket: entry.shown,
    center,
    zoom: view.getZoom(),
    markers: entry.markers.getFeatures().map((/** @type {any} */ f) => ({ id: f.get('id'), role: f.get('role'), label: f.get('label') ?? null })),
  };
}
