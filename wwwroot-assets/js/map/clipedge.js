// @ts-check
// The neighbouring districts come clipped to a box round Putuo (geo/SOURCES.md). The box's sides
// are no boundary: outlined with the districts they cut the map off along a straight line wherever
// a view reaches past the box, as the corridor's frame does at its south.

/** The context layers' clip box, lon/lat (geo/SOURCES.md). */
export const CLIP_BOX_LON_LAT = [121.30, 31.20, 121.49, 31.32];

/**
 * The real boundaries of clipped polygons: their rings, cut wherever they run along a side of the box.
 * @param {number[][][]} rings closed rings (the first point repeated last), in the box's coordinates
 * @param {number[]} box [minX, minY, maxX, maxY]
 * @param {number} tolerance how near a side a point lies on it
 * @returns {number[][][]} the boundary's lines
 */
export function boundaryLines(rings, box, tolerance) {
  const [minX, minY, maxX, maxY] = box;
  /** @type {(a: number, b: number) => boolean} */
  const near = (a, b) => Math.abs(a - b) <= tolerance;
  /** @type {(p: number[], q: number[]) => boolean} */
  const alongSide = (p, q) =>
    (near(p[0], minX) && near(q[0], minX)) || (near(p[0], maxX) && near(q[0], maxX))
    || (near(p[1], minY) && near(q[1], minY)) || (near(p[1], maxY) && near(q[1], maxY));
  /** @type {number[][][]} */
  const lines = [];
  for (const ring of rings) {
    const segments = ring.length - 1;
    const onSide = [...Array(segments).keys()].find((i) => alongSide(ring[i], ring[i + 1]));
    if (onSide === undefined) {
      lines.push(ring);
      continue;
    }
    // Walked from a stretch on the box, so no line is split where the ring happens to start.
    /** @type {number[][]} */
    let line = [];
    for (let step = 1; step <= segments; step++) {
      const i = (onSide + step) % segments;
      if (alongSide(ring[i], ring[i + 1])) {
        if (line.length > 1) lines.push(line);
        line = [];
      } else {
        if (line.length === 0) line.push(ring[i]);
        line.push(ring[i + 1]);
      }
    }
  }
  return lines;
}
