// @ts-check
// Today's hotline heat: painted on a 2D canvas once per view at rest (and when today's hotline
// tickets change), then moved as an image while the view animates. OpenLayers' WebGL heatmap
// re-blurred every point on every frame: in software rendering that alone held a fly-to at 2 fps.
// The heat is a blur, so it is painted HeatPainter.downscale times smaller each way and the map
// scales it up as it draws the image, which it does anyway: at full size a 4K wall's heat (1.5×
// the view each way, 19 million pixels) held the page's one thread for about half a second at
// every change of today's hotline tickets.

// Pixel sizes at the 1920×1080 reference.
const HEAT_RADIUS = 22;
const HEAT_BLUR = 32;
// A disc's core radius, in pixels of the smaller canvas the heat is painted on.
const HEAT_CORE_PX = 8;
// One hotline ticket alone makes a faint mark; several close together build a hot spot.
const HEAT_WEIGHT = 0.7;
// Warm colours only: a blue end would vanish into the dark-blue basemap.
const HEAT_GRADIENT = ['rgba(120, 40, 160, 0)', '#8a2be2', '#ff5a1f', '#ffb020', '#fff1a8'];
export const HEAT_OPACITY = 0.8;

export class HeatPainter {
  /**
   * @param {any} source the heat layer's vector source (points with a weight)
   * @param {(size: number) => number} px the wall's pixel scale
   */
  constructor(source, px) {
    this.source = source;
    this.px = px;
    /** @type {{ outer: number, canvas: HTMLCanvasElement } | null} */
    this.stamp = null;
    /** @type {Uint8ClampedArray | null} */
    this.colours = null;
  }

  /**
   * How many times smaller than the image the heat is painted: as many as keep a disc's core
   * HEAT_CORE_PX across, where a smooth scale-up cannot be told from painting at full size.
   * @param {number} pixelRatio the map's
   * @returns {number}
   */
  downscale(pixelRatio) {
    return Math.max(1, Math.floor((this.px(HEAT_RADIUS) * pixelRatio) / HEAT_CORE_PX));
  }

  /** The stamp's size follows the wall's scale: drop it when that changes. */
  rescale() {
    this.stamp = null;
  }

  /**
   * Each hotline ticket stamps a soft disc of alpha; overlapping discs add up, and the summed
   * alpha is then coloured through HEAT_GRADIENT.
   * @param {number[]} extent the image's extent in map units
   * @param {number[]} size the image's size in pixels
   * @param {number} pixelRatio
   * @returns {HTMLCanvasElement}
   */
  draw(extent, size, pixelRatio) {
    const [width, height] = size.map(Math.round);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const features = this.source.getFeatures();
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (features.length === 0 || width === 0 || height === 0 || !context) {
      return canvas;
    }
    const stamp = this.stampFor(pixelRatio);
    const half = stamp.width / 2;
    const scaleX = width / (extent[2] - extent[0]);
    const scaleY = height / (extent[3] - extent[1]);
    for (const feature of features) {
      const [x, y] = feature.getGeometry().getCoordinates();
      const px = (x - extent[0]) * scaleX;
      const py = (extent[3] - y) * scaleY;
      if (px < -half || py < -half || px > width + half || py > height + half) {
        continue;
      }
      context.globalAlpha = HEAT_WEIGHT * Math.min(1, Math.max(0, Number(feature.get('weight')) || 0));
      context.drawImage(stamp, px - half, py - half);
    }
    const pixels = context.getImageData(0, 0, width, height);
    const data = pixels.data;
    const palette = this.palette();
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3];
      if (alpha === 0) {
        continue;
      }
      const p = alpha * 4;
      data[i] = palette[p];
      data[i + 1] = palette[p + 1];
      data[i + 2] = palette[p + 2];
      data[i + 3] = palette[p + 3];
    }
    context.putImageData(pixels, 0, 0);
    return canvas;
  }

  /**
   * A disc opaque out to the radius that fades to nothing over the blur, as OpenLayers' heatmap.
   * @param {number} pixelRatio
   * @returns {HTMLCanvasElement}
   */
  stampFor(pixelRatio) {
    const inner = this.px(HEAT_RADIUS) * pixelRatio;
    const outer = inner + this.px(HEAT_BLUR) * pixelRatio;
    if (this.stamp?.outer === outer) {
      return this.stamp.canvas;
    }
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = Math.ceil(outer * 2);
    const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    const centre = canvas.width / 2;
    const gradient = context.createRadialGradient(centre, centre, 0, centre, centre, outer);
    gradient.addColorStop(0, 'rgba(0, 0, 0, 0.35)');
    gradient.addColorStop(inner / outer, 'rgba(0, 0, 0, 0.2)');
    gradient.addColorStop(1, 'rgba(0, 0, 0, 0)');
    context.fillStyle = gradient;
    context.fillRect(0, 0, canvas.width, canvas.height);
    this.stamp = { outer, canvas };
    return canvas;
  }

  /**
   * 256 RGBA colours along HEAT_GRADIENT, indexed by summed alpha.
   * @returns {Uint8ClampedArray}
   */
  palette() {
    if (!this.colours) {
      const canvas = document.createElement('canvas');
      canvas.width = 256;
      canvas.height = 1;
      const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: true }));
      const gradient = context.createLinearGradient(0, 0, 256, 0);
      HEAT_GRADIENT.forEach((colour, i) => gradient.addColorStop(i / (HEAT_GRADIENT.length - 1), colour));
      context.fillStyle = gradient;
      context.fillRect(0, 0, 256, 1);
      this.colours = context.getImageData(0, 0, 256, 1).data;
    }
    return this.colours;
  }
}
