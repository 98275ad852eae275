// @ts-check
// A click on a live symbol or a station opens a popup of its properties, in the wall's language;
// a click on a camera cluster zooms into it instead.
import { popupContent } from './labels.js';
import { CAMERA_CLUSTER_MAX_ZOOM } from './layers.js';

/** @typedef {import('./labels.js').Lang} Lang */
/** @typedef {import('./labels.js').Vocabulary} Vocabulary */

const POPUP_OFFSET = 14;
const HIT_TOLERANCE = 6;
const CLUSTER_PADDING = 120;

export class Popups {
  /**
   * @param {object} options
   * @param {Lang} options.lang
   * @param {Vocabulary | null} options.vocabulary
   * @param {(size: number) => number} options.px the wall's pixel scale
   */
  constructor({ lang, vocabulary, px }) {
    this.lang = lang;
    this.vocabulary = vocabulary;
    this.px = px;
    const element = document.createElement('div');
    element.className = 'twinmap-popup';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'twinmap-popup-close';
    close.textContent = '×';
    this.body = document.createElement('div');
    element.append(close, this.body);
    this.overlay = new ol.Overlay({
      element,
      positioning: 'bottom-center',
      offset: [0, -px(POPUP_OFFSET)],
      autoPan: { animation: { duration: 250 } },
    });
    close.addEventListener('click', () => this.close());
  }

  close() {
    this.overlay.setPosition(undefined);
  }

  rescale() {
    this.overlay.setOffset([0, -this.px(POPUP_OFFSET)]);
  }

  /**
   * @param {any} map
   * @param {any} event the map's singleclick event
   */
  onClick(map, event) {
    const hit = map.forEachFeatureAtPixel(event.pixel, (/** @type {any} */ feature) => feature, {
      layerFilter: (/** @type {any} */ layer) => layer.get('popup') === true,
      hitTolerance: this.px(HIT_TOLERANCE),
    });
    if (!hit) {
      this.close();
      return;
    }
    const members = hit.get('features');
    if (members && members.length > 1) {
      const extent = ol.extent.createEmpty();
      for (const member of members) {
        ol.extent.extend(extent, member.getGeometry().getExtent());
      }
      this.close();
      const padding = CLUSTER_PADDING;
      map.getView().fit(extent, { padding: [padding, padding, padding, padding], duration: 600, maxZoom: CAMERA_CLUSTER_MAX_ZOOM + 1 });
      return;
    }
    const feature = members ? members[0] : hit;
    this.render(feature);
    this.overlay.setPosition(ol.extent.getCenter(feature.getGeometry().getExtent()));
  }

  /** @param {any} feature */
  render(feature) {
    const { title, rows } = popupContent(feature.getProperties(), feature.getId(), this.lang, this.vocabulary);
    const heading = document.createElement('div');
    heading.className = 'twinmap-popup-title';
    heading.textContent = title;
    const table = document.createElement('dl');
    for (const [caption, value] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = caption;
      const dd = document.createElement('dd');
      dd.textContent = value;
      table.append(dt, dd);
    }
    this.body.replaceChildren(heading, table);
  }
}
