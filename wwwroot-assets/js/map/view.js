// @ts-check
// Where the wall looks: the district view it rests on, flights to a point (a critical alarm, a
// test) that hold there and return home, and where a feature is on screen.

/** @typedef {import('./styles.js').MapStyles} MapStyles */

const PUTUO_CENTER = [121.39, 31.26];
const FLY_DURATION_MS = 1500;
// Short enough that a wall has its new frame well inside the 2 s a scene change may take.
const FRAME_DURATION_MS = 600;
// Fewer frames than this in the flight to a scene's frame and the wall jumps there instead: a 4K
// wall drawing in software takes about a second a frame, so its "flight" was two full redraws of
// the live map, which held the scene's panels (drawn on the same thread) back by a second.
const MIN_FRAMES_TO_ANIMATE = 3;
const CRITICAL_HOLD_MS = 8000;
const HOME_PADDING = 40;
// What lies over the map inside its area (the legend, a drone's live view): a scene's geometry is
// framed clear of them.
const OBSTACLES = '[data-legend], [data-drone-panel]';
// A few attempts are enough: each clears one more obstacle, and there are two at most.
const CLEARING_ROUNDS = 4;

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
    /** @type {any[]} the scene's shapes (the corridor band) kept clear of the obstacles; none frames the extent only */
    this.homeGeometries = [];
    this.flyToken = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.flyTimer = undefined;
    this.disposed = false;
    /** How long the last frame took to draw (ms): what paces the alarm pulses on a slow wall. */
    this.frameCostMs = 0;
    map.on('postcompose', (/** @type {any} */ event) => {
      this.frameCostMs = Date.now() - event.frameState.time;
    });
    this.timing = new SceneTiming(map);
  }

  /** @param {number[]} extent the district's, which the map fits at once and returns to */
  setHome(extent) {
    this.homeExtent = extent;
    this.homeGeometries = [];
    this.goHome(0);
  }

  /**
   * A scene's frame (the corridor band, the district): the map flies there and, after a fly-to
   * an alarm, returns there rather than to the district. With a geometry, no part of it is left
   * under the legend or a drone's live view.
   * @param {number[]} extent
   * @param {any[]} [geometries] in the map's projection
   */
  frame(extent, geometries) {
    this.flyToken++;
    clearTimeout(this.flyTimer);
    this.map.getView().cancelAnimations();
    this.homeExtent = extent;
    this.homeGeometries = geometries ?? [];
    this.goHome(this.frameCostMs * MIN_FRAMES_TO_ANIMATE > FRAME_DURATION_MS ? 0 : FRAME_DURATION_MS);
  }

  /** @param {number} duration */
  goHome(duration) {
    this.map.getView().fit(this.homeExtent, { padding: this.homePadding(), duration });
  }

  /**
   * The fit's padding [top, right, bottom, left]: the home margin, widened on one side of each
   * obstacle the scene's geometry would lie under (the side that costs the least scale: a legend
   * at the top right over a wide band pushes the band down, not the whole frame in from the right).
   * @returns {number[]}
   */
  homePadding() {
    const base = this.styles.px(HOME_PADDING);
    /** @type {number[]} */
    let padding = [base, base, base, base];
    const size = this.map.getSize();
    if (this.homeGeometries.length === 0 || !this.homeExtent || !size) {
      return padding;
    }
    const obstacles = this.obstacles();
    for (let round = 0; round < CLEARING_ROUNDS; round++) {
      const hit = obstacles.find((rect) => this.liesUnder(rect, padding, size));
      if (!hit) {
        return padding;
      }
      const options = clearings(hit, size, base).map(([side, value]) => {
        const widened = [...padding];
        widened[side] = Math.max(widened[side], value);
        return widened;
      });
      padding = options.reduce((best, option) => (this.fitOf(option, size).resolution < this.fitOf(best, size).resolution ? option : best));
    }
    return padding;
  }

  /** The visible obstacles' rectangles in the map's viewport pixels. */
  obstacles() {
    const viewport = this.map.getViewport().getBoundingClientRect();
    const area = this.map.getTargetElement()?.parentElement;
    return Array.from(area?.querySelectorAll(OBSTACLES) ?? [])
      .map((element) => element.getBoundingClientRect())
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map((rect) => ({ left: rect.left - viewport.left, top: rect.top - viewport.top, right: rect.right - viewport.left, bottom: rect.bottom - viewport.top }));
  }

  /**
   * The view fit() lands on with this padding: OpenLayers' own rule (the extent's resolution in the
   * padded size, its centre shifted by half the padding's difference).
   * @param {number[]} padding
   * @param {number[]} size
   */
  fitOf(padding, size) {
    const view = this.map.getView();
    const extent = /** @type {number[]} */ (this.homeExtent);
    const resolution = view.getResolutionForExtent(extent, [size[0] - padding[1] - padding[3], size[1] - padding[0] - padding[2]]);
    const [x, y] = ol.extent.getCenter(extent);
    return { resolution, center: [x + ((padding[1] - padding[3]) / 2) * resolution, y + ((padding[0] - padding[2]) / 2) * resolution] };
  }

  /**
   * Whether a vertex of the scene's geometry would be under the rectangle.
   * @param {{ left: number, top: number, right: number, bottom: number }} rect
   * @param {number[]} padding
   * @param {number[]} size
   */
  liesUnder(rect, padding, size) {
    const { resolution, center } = this.fitOf(padding, size);
    return this.homeGeometries.some((geometry) => {
      const flat = geometry.getFlatCoordinates();
      const stride = geometry.getStride();
      for (let i = 0; i < flat.length; i += stride) {
        const px = (flat[i] - center[0]) / resolution + size[0] / 2;
        const py = (center[1] - flat[i + 1]) / resolution + size[1] / 2;
        if (px >= rect.left && px <= rect.right && py >= rect.top && py <= rect.bottom) {
          return true;
        }
      }
      return false;
    });
  }

  // The scene's view goHome() lands on at the current size.
  homeView() {
    const view = this.map.getView();
    const { resolution, center } = this.fitOf(this.homePadding(), this.map.getSize() ?? [0, 0]);
    return {
      center: ol.proj.toLonLat(center),
      zoom: view.getZoomForResolution(resolution),
    };
  }

  /**
   * Where points are on screen: each lon/lat's pixel in the page (CSS pixels from the page's
   * top left), for a test to compare with what lies over the map.
   * @param {number[][]} lonLats
   */
  pagePixels(lonLats) {
    const viewport = this.map.getViewport().getBoundingClientRect();
    return lonLats.map((lonLat) => {
      const [x, y] = this.map.getPixelFromCoordinate(ol.proj.fromLonLat(lonLat));
      return [x + viewport.left, y + viewport.top];
    });
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

/**
 * The ways to clear an obstacle: [side, padding] for each side of the map it is nearer to (0 top,
 * 1 right, 2 bottom, 3 left), the padding that puts the frame past it.
 * @param {{ left: number, top: number, right: number, bottom: number }} rect
 * @param {number[]} size
 * @param {number} margin
 * @returns {[number, number][]}
 */
function clearings(rect, size, margin) {
  const [width, height] = size;
  /** @type {[number, number][]} */
  const options = [];
  if (rect.top < height / 2) options.push([0, rect.bottom + margin]);
  if (rect.right > width / 2) options.push([1, width - rect.left + margin]);
  if (rect.bottom > height / 2) options.push([2, height - rect.top + margin]);
  if (rect.left < width / 2) options.push([3, rect.right + margin]);
  return options;
}

/**
 * How this wall followed its last scene change, in ms since the epoch (0 while not yet or unknown):
 * when the server sent it, its hub message arrived, the map took its view (how fast the walls
 * follow), and the map had first drawn it in its new frame.
 */
class SceneTiming {
  /** @param {any} map */
  constructor(map) {
    this.map = map;
    this.sentAt = 0;
    this.arrivedAt = 0;
    this.viewAt = 0;
    this.drawnAt = 0;
  }

  /**
   * @param {number} [arrivedAt]
   * @param {number} [sentAt]
   */
  start(arrivedAt, sentAt) {
    this.viewAt = Date.now();
    this.arrivedAt = arrivedAt ?? this.viewAt;
    this.sentAt = sentAt ?? 0;
    this.drawnAt = 0;
    this.map.once('rendercomplete', () => {
      this.drawnAt = Date.now();
    });
  }

  stats() {
    return { sceneAt: this.viewAt, sceneSentAt: this.sentAt, sceneArrivedAt: this.arrivedAt, sceneDrawnAt: this.drawnAt };
  }
}
