// @ts-check
// A scene reaches a wall twice: its hub message here, and its panels through the page's Blazor
// circuit a moment later. Both are handled on the page's one thread, where a 4K wall drawing in
// software takes seconds to redraw its map in a new view; a view changed at once held the panels'
// update back until that redraw was done (9.5 s on one step at load 80). So the map takes a
// scene's new view once the page shows the scene's panels and has painted them, or after
// PANELS_WAIT_MS when they do not come (a circuit that is slow or reconnecting).

/** @typedef {import('./connection.js').WallScene} WallScene */

// The panels follow the hub message by the server's render of them and the circuit's way there:
// a few hundred ms on a loaded machine. Any later and the map goes first.
export const PANELS_WAIT_MS = 1000;

/** The attributes the page's scene element (WallPage.razor) shows a scene by. */
const SCENE_ATTRIBUTES = ['data-scene', 'data-focus', 'data-target'];

/**
 * Whether the page shows the scene: its element's scene, 街镇 and target are the message's.
 * @param {(name: string) => string | null} attribute the element's getAttribute
 * @param {WallScene} scene
 */
export function showsScene(attribute, scene) {
  return attribute('data-scene') === scene.scene
    && attribute('data-focus') === (scene.focus ?? null)
    && attribute('data-target') === (scene.target?.id ?? null);
}

/**
 * @param {Element} element
 * @param {() => void} changed
 * @returns {() => void} stops watching
 */
function watchAttributes(element, changed) {
  const observer = new MutationObserver(changed);
  observer.observe(element, { attributes: true, attributeFilter: SCENE_ATTRIBUTES });
  return () => observer.disconnect();
}

// A frame's callbacks run before its paint; a task queued from one runs after it.
/** @param {() => void} then */
function afterNextPaint(then) {
  requestAnimationFrame(() => setTimeout(then, 0));
}

/**
 * @param {() => void} then
 * @param {number} ms
 * @returns {() => void} cancels
 */
function startTimer(then, ms) {
  const timer = setTimeout(then, ms);
  return () => clearTimeout(timer);
}

/** Lets a scene's view through once the page's panels show the scene; the latest scene only. */
export class SceneGate {
  /**
   * @param {object} options
   * @param {() => Element | null} options.panels the page's element that shows the scene (null: none, the view goes at once)
   * @param {number} [options.waitMs] the longest the view waits for the panels
   * @param {(element: Element, changed: () => void) => () => void} [options.watch] calls changed when the element's scene attributes change; answers how to stop
   * @param {(then: () => void) => void} [options.afterPaint] calls then once the page has painted
   * @param {(then: () => void, ms: number) => () => void} [options.timer] calls then after ms; answers how to cancel
   */
  constructor({ panels, waitMs = PANELS_WAIT_MS, watch = watchAttributes, afterPaint = afterNextPaint, timer = startTimer }) {
    this.panels = panels;
    this.waitMs = waitMs;
    this.watch = watch;
    this.afterPaint = afterPaint;
    this.timer = timer;
    /** @type {() => void} ends the scene waiting now, without its view */
    this.dropWaiting = () => {};
  }

  /**
   * Calls apply once the page shows the scene and has painted it, or after waitMs at the latest;
   * a newer scene passing meanwhile drops this one's apply.
   * @param {WallScene} scene
   * @param {() => void} apply takes the scene's view
   * @returns {Promise<void>} settles when apply has run or was dropped
   */
  pass(scene, apply) {
    this.dropWaiting();
    return new Promise((resolve) => {
      let done = false;
      let stopWatching = () => {};
      let cancelTimer = () => {};
      /** @param {boolean} applies */
      const end = (applies) => {
        if (done) return;
        done = true;
        stopWatching();
        cancelTimer();
        try {
          if (applies) apply();
        } finally {
          resolve();
        }
      };
      this.dropWaiting = () => end(false);
      const element = this.panels();
      if (!element) {
        end(true);
        return;
      }
      cancelTimer = this.timer(() => end(true), this.waitMs);
      const check = () => {
        if (!done && showsScene((name) => element.getAttribute(name), scene)) {
          stopWatching();
          this.afterPaint(() => end(true));
        }
      };
      stopWatching = this.watch(element, check);
      check();
    });
  }
}
