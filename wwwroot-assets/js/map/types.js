// @ts-check
// The entry module's contracts with its callers: what the Blazor component passes to init(), and
// what an overlay (dronelayer.js) is given. Types only.

/** @typedef {import('./labels.js').Vocabulary} Vocabulary */

/**
 * What TwinMap.razor.cs passes to init().
 * @typedef {object} MapOptions
 * @property {string} hubUrl
 * @property {string | null} [camerasUrl] the versioned camera file (docs/hub-protocol.md)
 * @property {string | null} corridorUrl
 * @property {string} lang 'zh' or 'en'
 * @property {string | null} tileUrl
 * @property {string} attribution
 * @property {boolean} followCriticalAlarms
 * @property {Vocabulary | null} [vocabulary] names and colours of the wire values
 */

/**
 * What an overlay draws with: the map, its hub connection, the language and the pixel scale.
 * @typedef {{ map: any, connection: any, lang: string, px: (size: number) => number }} OverlayContext
 */

/**
 * An overlay (dronelayer.js) draws its own layers on the map and listens on its hub connection:
 * attach() runs before the connection starts, detach() on dispose.
 * @typedef {object} Overlay
 * @property {(context: OverlayContext) => void} attach
 * @property {() => void} detach
 */

export {};
