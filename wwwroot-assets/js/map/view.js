// @ts-check
// Where the wall looks: the district view it rests on, flights to a point (a critical alarm, a
// test) that hold there and return home, and where a feature is on screen.

/** @typedef {import('./styles.js').MapStyles} MapStyles */

const PUTUO_CENTER = [121.39, 31.26];
const FLY_DURATION_MS = 1500;
// Short enough that a wall has its new frame well inside the 2 s a scene change may take.
const FRAME_DURATION_MS = 600;
const CRITICAL_HOLD_MS = 8000;
const HOME_PADDING = 40;

export class MapView {
  /** The view before the basemap has loaded and set the district's extent. */
  static districtView() {
    return new ol.View({ center: ol.proj.fromLonLat(PUTUO_CENTER), zoom: 13, minZoom: 10, maxZoom: 19 });
  }

  /**
   * @param {any} map the ol.Map
   * @param {MapStyles} styles for the wall's pixel scale
   */
  constructor(map, styles) {
    this.map = map;
    this.styles = styles;
    /** @type {number[] | null} */
    this.homeExtent = null;
    this.flyToken = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.flyTimer = undefined;
    this.disposed = false;
  }

  /** @param {number[]} extent the district's, which the map fits at once and returns to */
  setHome(extent) {
    this.homeExtent = extent;
    this.goHome(0);
  }

  /**
   * A scene's frame (the corridor band, the district): the map flies there and, after a fly-to
   * an alarm, returns there rather than to the district.
   * @param {number[]} extent
   */
  frame(extent) {
    this.flyToken++;
    clearTimeout(this.flyTimer);
    this.map.getView().cancelAnimations();
    this.homeExtent = extent;
    this.goHome(FRAME_DURATION_MS);
  }

  /** @param {number} duration */
  goHome(duration) {
    const padding = this.styles.px(HOME_PADDING);
    this.map.getView().fit(this.homeExtent, { padding: [padding, padding, padding, padding], duration });
  }

  // The district view goHome() lands on at the current size: the centre of the district's extent
  // at the resolution that fits it inside the padded map.
  homeView() {
    const view = this.map.getView();
    const [width, height] = this.map.getSize() ?? [0, 0];
    const padding = 2 * this.styles.px(HOME_PADDING);
    const resolution = view.getResolutionForExtent(this.homeExtent, [width - padding, height - padding]);
    return {
      center: ol.proj.toLonLat(ol.extent.getCenter(this.homeExtent)),
      zoom: view.getZoomForResolution(resolution),
    };
  }

  /** The view as lon/lat, zoom and extent, and the scene's view the map returns to after a fly-to. */
  describe() {
    const view = this.map.getView();
    return {
      center: ol.proj.toLonLat(view.getCenter()),
      zoom: view.getZoom(),
      extent: ol.proj.transformExtent(view.calculateExtent(this.map.getSize()), 'EPSG:3857', 'EPSG:4326'),
      animating: view.getAnimating(),
      home: this.homeView(),
    };
  }

  /** @returns {Promise<boolean>} */
  whenRendered() {
    return new Promise((resolve) => {
      this.map.once('rendercomplete', () => resolve(true));
      this.map.render();
    });
  }

  /**
   * Where a feature is: lon/lat, its pixel in the map's viewport (null when off screen) and its
   * properties; null without a feature.
   * @param {any} feature
   */
  locate(feature) {
    if (!feature) {
      return null;
    }
    const coordinate = ol.extent.getCenter(feature.getGeometry().getExtent());
    const pixel = this.map.getPixelFromCoordinate(coordinate);
    const [width, height] = this.map.getSize() ?? [0, 0];
    const visible = pixel && pixel[0] >= 0 && pixel[1] >= 0 && pixel[0] < width && pixel[1] < height;
    const { geometry: _geometry, ...properties } = feature.getProperties();
    return { lonLat: ol.proj.toLonLat(coordinate), pixel: visible ? pixel : null, properties };
  }

  /**
   * Flies to the point, holds there and flies back to the district; a newer flight cancels it.
   * @param {number} lon
   * @param {number} lat
   * @param {number} [zoom]
   * @param {number} [holdMs]
   */
  flyTo(lon, lat, zoom, holdMs) {
    const token = ++this.flyToken;
    clearTimeout(this.flyTimer);
    const view = this.map.getView();
    view.cancelAnimations();
    view.animate({ center: ol.proj.fromLonLat([lon, lat]), zoom: zoom ?? 16, duration: FLY_DURATION_MS }, () => {
      if (token !== this.flyToken) {
        return;
      }
      this.flyTimer = setTimeout(() => {
        if (token === this.flyToken && !this.disposed) {
          this.goHome(FLY_DURATION_MS);
        }
      }, holdMs ?? CRITICAL_HOLD_MS);
    });
  }

  /**
   * A new or escalated critical alarm: the wall flies to it and back.
   * @param {any} feature
   */
  flyToFeature(feature) {
    if (!feature) {
      return;
    }
    const [lon, lat] = ol.proj.toLonLat(ol.extent.getCenter(feature.getGeometry().getExtent()));
    this.flyTo(lon, lat, 16, CRITICAL_HOLD_MS);
  }

  dispose() {
    this.disposed = true;
    this.flyToken++;
    clearTimeout(this.flyTimer);
  }
}
