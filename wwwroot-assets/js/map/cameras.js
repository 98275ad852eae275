// @ts-check
// The camera layer's 21,000 points come as a static, cached file, requested as soon as the map is
// created and parsed only once the wall is live: parsing them earlier held the basemap, the hub's
// handshake and the first snapshot back by seconds. When the file fails, the hub's GetCameras
// sends the same FeatureCollection.

/** @typedef {import('./connection.js').TwinHubConnection} TwinHubConnection */

/**
 * @param {Response} response
 * @returns {Promise<any>}
 */
export async function readJson(response) {
  if (!response.ok) {
    throw new Error(`twinmap: ${response.url} answered ${response.status}`);
  }
  return response.json();
}

export class CameraLoader {
  /**
   * @param {{
   *   url: string | null,
   *   hub: () => TwinHubConnection | null,
   *   show: (collection: any) => void,
   *   disposed: () => boolean,
   * }} options
   */
  constructor({ url, hub, show, disposed }) {
    /** @type {Promise<Response> | null} */
    this.file = url ? fetch(url) : null;
    // A failure is handled when the file is read, not reported as unhandled before.
    this.file?.catch(() => {});
    this.hub = hub;
    this.show = show;
    this.disposed = disposed;
    /** @type {Promise<void> | null} */
    this.loading = null;
    this.loaded = false;
  }

  // Callers (each time the hub is live again) share an attempt in progress.
  load() {
    this.loading ??= this.read().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  async read() {
    if (this.loaded) {
      return;
    }
    let collection = null;
    if (this.file) {
      const file = this.file;
      this.file = null;
      collection = await file.then(readJson).catch((error) => {
        console.warn('twinmap: camera file failed; asking the hub', error);
        return null;
      });
    }
    const hub = this.hub();
    if (collection === null && !hub?.connected) {
      // Asked again once the hub connects.
      return;
    }
    try {
      collection ??= await hub?.invoke('GetCameras');
    } catch (error) {
      console.warn('twinmap: GetCameras failed; will retry on reconnect', error);
      return;
    }
    if (this.loaded || this.disposed()) {
      return;
    }
    const parseStart = performance.now();
    this.show(collection);
    this.loaded = true;
    performance.measure('twinmap:cameras', { start: parseStart });
  }
}
