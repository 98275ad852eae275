// @ts-check
// Several vector sources drawn by one image layer. On a wall rendered in software every image
// layer costs a full-screen drawImage per animation frame: eleven of them held a flight to 22 fps.
// Each part keeps its own source (deltas, hit results and counts still name it) and style; it
// draws at the zIndex its styles carry, and is shown or hidden on its own, or only at some
// resolutions (shownAt).

/**
 * @typedef {object} StackedPart
 * @property {string} key the layer name setVisible() knows it by
 * @property {any} source
 * @property {(feature: any, resolution: number) => any} style
 * @property {(resolution: number | undefined) => boolean} [shownAt]
 */

/**
 * Defined on first use: the module may be imported before the page's ol.js has run.
 * @type {(new (parts: StackedPart[]) => any) | null}
 */
let StackedSource = null;

/**
 * @param {StackedPart[]} parts
 * @returns {any} an ol.source.Vector with setVisible(key, visible) and styleFor(feature, resolution)
 */
export function stackedSource(parts) {
  StackedSource ??= defineStackedSource();
  return new StackedSource(parts);
}

const defineStackedSource = () => class extends ol.source.Vector {
  /** @param {StackedPart[]} parts */
  constructor(parts) {
    super({ wrapX: false });
    /** @type {WeakMap<object, Required<StackedPart> & { visible: boolean }>} */
    this.partOf = new WeakMap();
    /** @type {number | undefined} */
    this.resolution = undefined;
    this.parts = parts.map((options) => {
      const part = { visible: true, shownAt: () => true, ...options };
      part.source.on('change', () => this.changed());
      return part;
    });
  }

  /**
   * The layer draws this source's image without smoothing. At rest the image is at the view's own
   * resolution, so each pixel lands on one pixel and nothing is lost; only a flight scales it, for
   * the second until the image is painted again at the new view. Smoothing resampled two
   * full-screen images at every frame: on a 4K wall in software that was a third of the page's
   * time (106 frames over 50 ms in 25 s, 9.9 s of them; without it 70 and 6.3 s).
   */
  getInterpolate() {
    return false;
  }

  /**
   * Shows or hides every part under the key.
   * @param {string} key
   * @param {boolean} visible
   * @returns {boolean} false when no part has the key
   */
  setVisible(key, visible) {
    const parts = this.parts.filter((part) => part.key === key);
    for (const part of parts) {
      part.visible = visible;
    }
    this.changed();
    return parts.length > 0;
  }

  shownParts() {
    return this.parts.filter((part) => part.visible && part.shownAt(this.resolution));
  }

  /**
   * The layer asks for the view's resolution first: a cluster source clusters for it here.
   * @param {number[]} extent
   * @param {number} resolution
   * @param {any} projection
   */
  loadFeatures(extent, resolution, projection) {
    this.resolution = resolution;
    for (const part of this.shownParts()) {
      part.source.loadFeatures(extent, resolution, projection);
    }
  }

  /**
   * @param {number[]} extent
   * @param {any} [projection]
   */
  getFeaturesInExtent(extent, projection) {
    const features = [];
    for (const part of this.shownParts()) {
      for (const feature of part.source.getFeaturesInExtent(extent, projection)) {
        this.partOf.set(feature, part);
        features.push(feature);
      }
    }
    return features;
  }

  /**
   * @param {object} feature
   * @param {number} resolution
   */
  styleFor(feature, resolution) {
    return this.partOf.get(feature)?.style(feature, resolution);
  }
};
