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

// Roles and their look; the legend in the component uses the same words.
/** @type {Record<string, { color: string, radius: number }>} */
const MARKERS = {
  ticket: { color: '#38e1ff', radius: 9 },
  picked: { color: '#ff5252', radius: 8 },
  nearby: { color: '#ffc107', radius: 4 },
  case: { color: '#4d7dff', radius: 7 },
  merged: { color: '#7bd88f', radius: 6 },
  candidate: { color: '#ffc107', radius: 6 },
  // Search results (the console's search box): one colour per kind of record found.
  'result-ticket': { color: '#38e1ff', radius: 6 },
  'result-alarm': { color: '#ff5252', radius: 6 },
  'result-sensor': { color: '#7bd88f', radius: 5 },
};

// More results than this are dots without their ids: the labels would cover the map.
const MAX_LABELLED_RESULTS = 12;

// Element id → promise of { map, markers }: a second call while the first is still loading the
// basemap must reuse that map, not build another one in the same element.
/** @typedef {{ map: any, markers: any, shown?: string }} TicketMap */
/** @typedef {{ id: string, lon: number, lat: number }} Point */
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

/** @param {any} feature */
function markerStyle(feature) {
  const look = MARKERS[feature.get('role')] ?? MARKERS.candidate;
  return new ol.style.Style({
    image: new ol.style.Circle({
      radius: look.radius,
      fill: new ol.style.Fill({ color: look.color }),
      stroke: new ol.style.Stroke({ color: '#0b1622', width: 2 }),
    }),
    text: new ol.style.Text({
      text: feature.get('label') ?? feature.get('id'),
      offsetY: -look.radius - 9,
      font: '600 12px "Noto Sans CJK SC", sans-serif',
      fill: new ol.style.Fill({ color: '#e8f4ff' }),
      stroke: new ol.style.Stroke({ color: 'rgba(6, 14, 24, 0.9)', width: 4 }),
    }),
    zIndex: feature.get('role') === 'ticket' ? 2 : 1,
  });
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
    controls: [new ol.control.Attribution({ collapsible: false }), new ol.control.ScaleLine()],
    layers: [
      layer('districts', new ol.style.Style({
        fill: new ol.style.Fill({ color: '#101e2d' }),
        stroke: new ol.style.Stroke({ color: '#24405a', width: 1 }),
      })),
      layer('subdistricts', subDistrictStyle(target.closest('[lang]')?.getAttribute('lang') === 'en' ? 'name_en' : 'name')),
      layer('creek', new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#5fb0ff', width: 4 }) })),
      new ol.layer.Vector({ source: markers, style: markerStyle }),
    ],
    view: new ol.View({ center: ol.proj.fromLonLat([121.39, 31.26]), zoom: 13, maxZoom: 19 }),
  });
  map.getLayers().item(0).getSource().setAttributions(ATTRIBUTION);
  return { map, markers };
}

// Shows `ticket` ({ id, lon, lat }) and `related` ([{ id, lon, lat, role }]) on the map in the
// element with `elementId`, creating the map on first use.
/**
 * @param {string} elementId
 * @param {Point} ticket
 * @param {(Point & { role: string })[] | null} related
 */
export async function show(elementId, ticket, related) {
  const entry = await entryFor(elementId);
  const points = [{ ...ticket, role: 'ticket' }, ...(related ?? [])];
  entry.markers.clear();
  entry.markers.addFeatures(points.map((p) => {
    const feature = new ol.Feature({ geometry: new ol.geom.Point(ol.proj.fromLonLat([p.lon, p.lat])), id: p.id, role: p.role });
    feature.setId(`${p.role}:${p.id}`);
    return feature;
  }));
  const view = entry.map.getView();
  if (points.length === 1) {
    view.setCenter(ol.proj.fromLonLat([ticket.lon, ticket.lat]));
    view.setZoom(TICKET_ZOOM);
  } else {
    view.fit(entry.markers.getExtent(), { padding: Array(4).fill(FIT_PADDING), maxZoom: MAX_ZOOM });
  }
  entry.shown = ticket.id;
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
}

// Pick mode (the new-case form): the district with its 街镇 and the open cases as small dots; a
// click marks the point and reports it to .NET (OnPicked), which derives the 街镇 from it.
/**
 * @param {string} elementId
 * @param {DotNetReference} dotnetRef
 * @param {Point[] | null} tickets
 */
export async function pick(elementId, dotnetRef, tickets) {
  const target = document.getElementById(elementId);
  if (!target) {
    throw new Error(`ticketmap: no element #${elementId}`);
  }
  const creating = create(target);
  creating.catch(() => maps.delete(elementId));
  maps.set(elementId, creating);
  const entry = await creating;
  entry.markers.addFeatures((tickets ?? []).map((t) => {
    // Nearby cases are dots without labels: hundreds of ids would cover the map.
    const feature = new ol.Feature({ geometry: new ol.geom.Point(ol.proj.fromLonLat([t.lon, t.lat])), role: 'nearby' });
    feature.setId(`nearby:${t.id}`);
    return feature;
  }));
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
  const center = ol.proj.toLonLat(entry.map.getView().getCenter());
  return {
    ticket: entry.shown,
    center,
    markers: entry.markers.getFeatures().map((/** @type {any} */ f) => ({ id: f.get('id'), role: f.get('role') })),
  };
}
