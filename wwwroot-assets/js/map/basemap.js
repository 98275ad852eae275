// @ts-check
// The district's vector basemap from the geodata in /assets/geo (geo/SOURCES.md): neighbouring
// districts, Putuo's outline, its 街镇, the Suzhou Creek, metro lines and stations, and the
// corridor band the server computes. There is no licensed tile source here, so this is the map.
import { CLIP_BOX_LON_LAT, boundaryLines } from './clipedge.js';
import { placeLabel, placeName } from './labels.js';
import { Z } from './symbols.js';
import { withAlpha } from './styles.js';

/** @typedef {import('./styles.js').MapStyles} MapStyles */
/** @typedef {import('./styles.js').OlFeature} OlFeature */
/** @typedef {import('./labels.js').Lang} Lang */

/** The basemap's files, by the source each fills. */
const GEO = {
  districts: 'shanghai_districts_clip_putuo_area.geojson',
  outline: 'putuo_district_boundary.geojson',
  subdistricts: 'putuo_subdistricts_osm.geojson',
  creek: 'suzhou_creek_line_putuo_osm_derived.geojson',
  metroLines: 'metro_lines_schematic_putuo_area.geojson',
  metroStations: 'metro_stations_putuo_area.geojson',
};

const PUTUO_ADCODE = '310107';
const STATION_LABEL_MAX_RESOLUTION = 10;

/**
 * Reads every basemap file into its source; the creek's longest part is the one labelled.
 * @param {Record<string, any>} sources the map's vector sources, by name
 * @param {any} format an ol.format.GeoJSON in the view's projection
 */
export async function loadBasemap(sources, format) {
  const entries = await Promise.all(
    Object.entries(GEO).map(async ([key, file]) => {
      const response = await fetch(new URL(`../../geo/${file}`, import.meta.url));
      if (!response.ok) {
        throw new Error(`twinmap: ${file} answered ${response.status}`);
      }
      return /** @type {const} */ ([key, format.readFeatures(await response.json())]);
    }),
  );
  for (const [key, features] of entries) {
    sources[key].addFeatures(features);
  }
  /** @type {OlFeature[]} */
  const creek = sources.creek.getFeatures();
  const longest = creek.reduce(
    (/** @type {OlFeature | null} */ a, b) => ((b.get('length_m') ?? 0) > (a?.get('length_m') ?? 0) ? b : a),
    null,
  );
  /** @type {any} */ (longest)?.set('__labelled', true);
  for (const station of sources.metroStations.getFeatures()) {
    station.set('layer', 'stations');
  }
  const box = ol.proj.transformExtent(CLIP_BOX_LON_LAT, 'EPSG:4326', 'EPSG:3857');
  for (const district of sources.districts.getFeatures()) {
    const geometry = district.getGeometry();
    const rings = geometry.getType() === 'MultiPolygon' ? geometry.getCoordinates().flat() : geometry.getCoordinates();
    district.set('__boundary', new ol.geom.MultiLineString(boundaryLines(rings, box, CLIP_TOLERANCE_M)));
  }
}

// The clip box's sides lie on exact degrees, so its points land on them to a rounding error.
const CLIP_TOLERANCE_M = 0.5;

/**
 * The interior point of a polygon's largest part: a 街镇 is labelled once, not on every sliver.
 * @param {any} geometry
 */
function largestInteriorPoint(geometry) {
  if (geometry.getType() === 'MultiPolygon') {
    const largest = geometry.getPolygons().reduce((/** @type {any} */ a, /** @type {any} */ b) => (b.getArea() > a.getArea() ? b : a));
    return largest.getInteriorPoint();
  }
  return geometry.getType() === 'Polygon' ? geometry.getInteriorPoint() : geometry;
}

/** The basemap's styles, cached in the map's MapStyles so that they rescale with it. */
export class BasemapStyles {
  /**
   * @param {MapStyles} styles
   * @param {Lang} lang
   * @param {any} outline the source of Putuo's outline
   */
  constructor(styles, lang, outline) {
    this.styles = styles;
    this.lang = lang;
    this.outline = outline;
  }

  /** @param {OlFeature} feature */
  label(feature) {
    return placeName((key) => feature.get(key), this.lang);
  }

  /**
   * Neighbours are labelled at their largest part, and not at all where that point falls inside
   * Putuo (the clipped Baoshan wraps round its north), so no foreign name shows in the district.
   * @param {OlFeature} feature
   */
  district(feature) {
    const { styles } = this;
    const isPutuo = feature.get('adcode') === PUTUO_ADCODE;
    return styles.cached(`district:${feature.get('adcode')}`, () => {
      const outline = new ol.style.Style({
        geometry: feature.get('__boundary') ?? feature.getGeometry(),
        stroke: new ol.style.Stroke({ color: '#24405a', width: styles.px(1.5) }),
        zIndex: Z.districts,
      });
      // Neighbours take the map's own background, so where the clipped data ends nothing changes colour.
      const area = isPutuo
        ? [new ol.style.Style({ fill: new ol.style.Fill({ color: 'rgba(18, 40, 62, 0.9)' }), zIndex: Z.districts }), outline]
        : [outline];
      const labelPoint = largestInteriorPoint(feature.getGeometry());
      const insidePutuo = this.outline
        .getFeatures()
        .some((/** @type {OlFeature} */ outline) => outline.getGeometry().intersectsCoordinate(labelPoint.getCoordinates()));
      return isPutuo || insidePutuo
        ? area
        : [...area, new ol.style.Style({ geometry: labelPoint, text: styles.text(this.label(feature), 18, '#5f7d98'), zIndex: Z.districts })];
    });
  }

  subdistrict() {
    const { styles } = this;
    return styles.cached('subdistrict', () => new ol.style.Style({
      fill: new ol.style.Fill({ color: 'rgba(40, 110, 160, 0.22)' }),
      stroke: new ol.style.Stroke({ color: 'rgba(90, 170, 220, 0.75)', width: styles.px(1.5) }),
      zIndex: Z.subdistricts,
    }));
  }

  /** @param {OlFeature} feature */
  subdistrictLabel(feature) {
    return this.styles.cached(`subdistrict-label:${feature.get('nbs_code_2023')}`, () => new ol.style.Style({
      geometry: largestInteriorPoint(feature.getGeometry()),
      text: this.styles.text(placeLabel(this.label(feature)), 22, '#f2f7fb'),
    }));
  }

  outlineStyles() {
    const { styles } = this;
    return styles.cached('outline', () => [
      new ol.style.Style({ stroke: new ol.style.Stroke({ color: 'rgba(56, 225, 255, 0.22)', width: styles.px(12) }), zIndex: Z.outline }),
      new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#38e1ff', width: styles.px(3.5) }), zIndex: Z.outline }),
    ]);
  }

  /** @param {OlFeature} feature */
  creek(feature) {
    const { styles } = this;
    const labelled = feature.get('__labelled') === true;
    return styles.cached(`creek:${labelled}`, () => [
      new ol.style.Style({
        stroke: new ol.style.Stroke({ color: '#1f6fe0', width: styles.px(10), lineCap: 'round', lineJoin: 'round' }),
        zIndex: Z.creek,
      }),
      new ol.style.Style({
        zIndex: Z.creek,
        stroke: new ol.style.Stroke({ color: '#5fb0ff', width: styles.px(3.5), lineCap: 'round', lineJoin: 'round' }),
        text: labelled ? styles.text(this.label(feature), 18, '#9fd0ff', { placement: 'line' }) : undefined,
      }),
    ]);
  }

  corridor() {
    const { styles } = this;
    return styles.cached('corridor', () => new ol.style.Style({
      fill: new ol.style.Fill({ color: 'rgba(0, 229, 255, 0.12)' }),
      stroke: new ol.style.Stroke({ color: 'rgba(0, 229, 255, 0.65)', width: styles.px(2), lineDash: [styles.px(10), styles.px(7)] }),
      zIndex: Z.corridor,
    }));
  }

  /** @param {OlFeature} feature */
  metroLine(feature) {
    const { styles } = this;
    const color = feature.get('color') ?? '#888888';
    return styles.cached(`metro:${color}`, () => new ol.style.Style({
      stroke: new ol.style.Stroke({ color: withAlpha(color, 0.7), width: styles.px(3) }),
      zIndex: Z.metroLines,
    }));
  }

  /**
   * A station's dot; its name only when zoomed in far enough for names not to crowd.
   * @param {OlFeature} feature
   * @param {number} resolution
   */
  station(feature, resolution) {
    const { styles } = this;
    const symbol = styles.cached('station', () => new ol.style.Style({
      image: new ol.style.Circle({
        radius: styles.px(3.5),
        fill: new ol.style.Fill({ color: '#e8eef4' }),
        stroke: new ol.style.Stroke({ color: '#1b2b3c', width: styles.px(1.5) }),
      }),
    }));
    if (resolution > STATION_LABEL_MAX_RESOLUTION / styles.scale) {
      return symbol;
    }
    return styles.cached(`station:${feature.get('source_station_id')}`, () => new ol.style.Style({
      image: symbol.getImage(),
      text: styles.text(this.label(feature), 14, '#cfd9e3', { offsetY: -styles.px(14) }),
    }));
  }
}
