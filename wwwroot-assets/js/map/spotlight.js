// @ts-check
// What a presenter points the room at on the map: a 街镇 outlined (its boundary drawn bold over
// everything, its area tinted) or a ticket or alarm ringed where it is. Above every live layer,
// so a cluster or the heat never hides it; one at a time.

/** @typedef {import('./styles.js').MapStyles} MapStyles */

const COLOUR = '#ffd400';
const TINT = 'rgba(255, 212, 0, 0.10)';
// Above the live layers (theirs are single digits): the spotlight is never hidden.
const SPOTLIGHT_Z = 1000;
// How much of the map a zoom to one ticket or alarm shows around it, in metres either side:
// a few streets, enough to see where it is and what is near.
const TARGET_HALF_WIDTH_M = 350;

export class Spotlight {
  /**
   * @param {MapStyles} styles for the wall's pixel scale
   */
  constructor(styles) {
    this.styles = styles;
    this.source = new ol.source.Vector();
    this.layer = new ol.layer.Vector({ source: this.source, zIndex: SPOTLIGHT_Z, style: (/** @type {any} */ f) => this.style(f) });
    /** @type {string | null} what is lit: a 街镇's code or a ticket's or alarm's id */
    this.lit = null;
  }

  /** @param {any} feature */
  style(feature) {
    const px = (/** @type {number} */ size) => this.styles.px(size);
    if (feature.getGeometry().getType() === 'Point') {
      return [
        new ol.style.Style({ image: new ol.style.Circle({ radius: px(26), stroke: new ol.style.Stroke({ color: 'rgba(255, 212, 0, 0.35)', width: px(10) }) }) }),
        new ol.style.Style({ image: new ol.style.Circle({ radius: px(26), stroke: new ol.style.Stroke({ color: COLOUR, width: px(4) }) }) }),
      ];
    }
    return [
      new ol.style.Style({ stroke: new ol.style.Stroke({ color: 'rgba(255, 212, 0, 0.35)', width: px(14) }), fill: new ol.style.Fill({ color: TINT }) }),
      new ol.style.Style({ stroke: new ol.style.Stroke({ color: COLOUR, width: px(5) }) }),
    ];
  }

  /**
   * Lights a 街镇 (its feature from the basemap) and answers its extent.
   * @param {any} area
   * @param {string} code
   * @returns {number[]}
   */
  area(area, code) {
    this.clear();
    this.source.addFeature(new ol.Feature({ geometry: area.getGeometry().clone() }));
    this.lit = code;
    return area.getGeometry().getExtent();
  }

  /**
   * Rings a ticket or alarm and answers the extent a zoom to it frames.
   * @param {{ id: string, lon: number, lat: number }} target
   * @returns {{ extent: number[], geometry: any }}
   */
  point(target) {
    this.clear();
    const centre = ol.proj.fromLonLat([target.lon, target.lat]);
    const geometry = new ol.geom.Point(centre);
    this.source.addFeature(new ol.Feature({ geometry }));
    this.lit = target.id;
    // Web Mercator stretches distances by 1/cos(latitude).
    const half = TARGET_HALF_WIDTH_M / Math.cos((target.lat * Math.PI) / 180);
    return { extent: [centre[0] - half, centre[1] - half, centre[0] + half, centre[1] + half], geometry };
  }

  clear() {
    this.source.clear();
    this.lit = null;
  }

  /** Restyles at a new pixel scale. */
  rescale() {
    this.layer.changed();
  }
}
