// @ts-check
// What the map says in words. Names of statuses, channels, severities and the like come from the
// server's vocabulary (options.vocabulary, one definition shared with the console and legend);
// only the map's own captions (popup fields, the stale badge) are written here. Pure: no `ol`,
// no DOM, so node --test reads it as the browser does.

/** @typedef {'zh' | 'en'} Lang */

/** @typedef {{ zh: string, en: string }} Name */

/** @typedef {{ points: number, angle: number, inner: number | null }} ChannelShape */

/**
 * The server's vocabulary; keys are the hub's camelCase wire values (docs/hub-protocol.md).
 * @typedef {object} Vocabulary
 * @property {Record<string, Name & { color?: string }>} ticketStatus
 * @property {Record<string, Name & { shape?: ChannelShape }>} channel
 * @property {Record<string, Name>} priority
 * @property {Record<string, Name & { color?: string, radius?: number }>} severity
 * @property {Record<string, Name & { color?: string }>} valueState
 * @property {Record<string, Name>} health
 * @property {Record<string, Name>} sensorKind
 * @property {Record<string, Name>} layer
 * @property {Record<string, Name>} source
 */

/** @type {Record<Lang, Record<string, string>>} */
export const CAPTIONS = {
  zh: {
    layer: '图层', title: '标题', status: '状态', channel: '渠道', category: '类别代码',
    categoryName: '类别', address: '地址', subdistrict: '街镇', priority: '优先级',
    reporter: '上报人', reportedAt: '上报时间', kind: '类型代码', kindName: '类型', name: '名称',
    value: '读数', valueState: '读数状态', health: '设备状态', observedAt: '观测时间',
    severity: '级别', source: '来源', raisedAt: '告警时间', acknowledged: '已确认', ai: '高空抛物AI',
    weight: '权重', lines: '线路', id: '编号', cluster: '摄像机聚合', count: '数量', inCorridor: '苏河秀带内',
  },
  en: {
    layer: 'Layer', title: 'Title', status: 'Status', channel: 'Channel', category: 'Category code',
    categoryName: 'Category', address: 'Address', subdistrict: 'Sub-district', priority: 'Priority',
    reporter: 'Reporter', reportedAt: 'Reported', kind: 'Kind code', kindName: 'Kind', name: 'Name',
    value: 'Reading', valueState: 'Reading state', health: 'Device health', observedAt: 'Observed',
    severity: 'Severity', source: 'Source', raisedAt: 'Raised', acknowledged: 'Acknowledged',
    ai: 'Falling-object AI', weight: 'Weight', lines: 'Lines', id: 'ID', cluster: 'Camera cluster',
    count: 'Count', inCorridor: 'In creek corridor',
  },
};

const YES_NO = { zh: { true: '是', false: '否' }, en: { true: 'Yes', false: 'No' } };

// A feature property whose values the vocabulary names, and the vocabulary group that names them.
/** @type {Record<string, keyof Vocabulary>} */
const NAMED_PROPERTIES = {
  layer: 'layer', status: 'ticketStatus', channel: 'channel', priority: 'priority',
  severity: 'severity', valueState: 'valueState', health: 'health', source: 'source',
};

// Drawn on the map but never a popup row: the symbol and its position already say them.
const POPUP_HIDDEN_KEYS = new Set(['geometry', 'unit', 'layer', 'area', 'title']);

/**
 * @param {unknown} lang
 * @returns {Lang}
 */
export function languageOf(lang) {
  return lang === 'en' ? 'en' : 'zh';
}

/**
 * The vocabulary's name of a wire value, or undefined when the vocabulary has none.
 * @param {Vocabulary | null | undefined} vocabulary
 * @param {keyof Vocabulary} group
 * @param {string} key
 * @param {Lang} lang
 * @returns {string | undefined}
 */
export function vocabularyName(vocabulary, group, key, lang) {
  const entries = vocabulary?.[group];
  return entries && Object.hasOwn(entries, key) ? entries[key][lang] : undefined;
}

/**
 * A place's label: Chinese names in Chinese, the English name or pinyin in English.
 * @param {(key: string) => unknown} get a feature's property getter
 * @param {Lang} lang
 * @returns {string}
 */
export function placeName(get, lang) {
  const name = lang === 'en' ? get('name_en') ?? get('pinyin') ?? get('name') : get('name');
  return name === undefined || name === null ? '' : String(name);
}

// Longer English place names go on two lines: "Yichuan Road Subdistrict" on one line ran past the
// map's edge on the English 4K wall, where the Chinese 宜川路街道 fits.
const ONE_LINE_MAX_CHARS = 16;

/**
 * A place's name as its map label: a long name breaks before its last word ("Subdistrict", "Town").
 * @param {string} name
 */
export function placeLabel(name) {
  const lastSpace = name.lastIndexOf(' ');
  return name.length > ONE_LINE_MAX_CHARS && lastSpace > 0 ? `${name.slice(0, lastSpace)}\n${name.slice(lastSpace + 1)}` : name;
}

/**
 * A property value as a person reads it in the popup.
 * @param {string} key
 * @param {unknown} value
 * @param {Record<string, unknown>} props all of the feature's properties (a reading's unit)
 * @param {Lang} lang
 * @param {Vocabulary | null | undefined} vocabulary
 * @returns {string}
 */
export function formatValue(key, value, props, lang, vocabulary) {
  if (typeof value === 'boolean') {
    return YES_NO[lang][value ? 'true' : 'false'];
  }
  if (Array.isArray(value)) {
    return value.join(lang === 'en' ? ', ' : '、');
  }
  const group = NAMED_PROPERTIES[key];
  const named = group ? vocabularyName(vocabulary, group, String(value), lang) : undefined;
  if (named) {
    return named;
  }
  if (key === 'value' && props.unit) {
    return `${value} ${props.unit}`;
  }
  if (key.endsWith('At') && typeof value === 'string') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) {
      return date.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    }
  }
  return String(value);
}

/**
 * @typedef {object} PopupContent
 * @property {string} title the heading: the layer's name and the feature's title or name
 * @property {[string, string][]} rows caption and value, in the feature's property order
 */

/**
 * What a feature's popup shows. Metro stations show only their name and lines.
 * @param {Record<string, unknown>} props
 * @param {string | number | undefined} id
 * @param {Lang} lang
 * @param {Vocabulary | null | undefined} vocabulary
 * @returns {PopupContent}
 */
export function popupContent(props, id, lang, vocabulary) {
  const layer = props.layer ?? (props.ai !== undefined ? 'cameras' : null);
  const kind = layer ? vocabularyName(vocabulary, 'layer', String(layer), lang) ?? String(layer) : '';
  const title = props.title ?? (lang === 'en' ? props.pinyin ?? props.name : props.name) ?? id ?? '';
  const captions = CAPTIONS[lang];
  /** @type {[string, string][]} */
  const rows = [];
  if (id !== undefined) {
    rows.push([captions.id, String(id)]);
  }
  for (const [key, value] of Object.entries(props)) {
    if (POPUP_HIDDEN_KEYS.has(key) || key.startsWith('__') || value === null || value === undefined) {
      continue;
    }
    if (layer === 'stations' && key !== 'lines' && key !== 'name') {
      continue;
    }
    rows.push([captions[key] ?? key, formatValue(key, value, props, lang, vocabulary)]);
  }
  return { title: kind ? `${kind} · ${title}` : String(title), rows };
}

/**
 * The stale badge's words: why the wall's map is not live.
 * @param {Lang} lang
 * @param {boolean} connected
 * @param {number} silentMs how long the hub has been silent; Infinity before its first message
 * @returns {string}
 */
export function staleMessage(lang, connected, silentMs) {
  // Before the first snapshot the map is still connecting: nothing has been lost yet.
  if (silentMs === Infinity) {
    return lang === 'en' ? 'Map connecting…' : '地图连接中…';
  }
  const seconds = Math.round(silentMs / 1000);
  if (lang === 'en') {
    return `Map data stale · ${connected ? `no update for ${seconds} s` : 'reconnecting…'}`;
  }
  return `地图数据延迟 · ${connected ? `${seconds} 秒无更新` : '重连中…'}`;
}
