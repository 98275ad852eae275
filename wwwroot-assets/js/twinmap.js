// The command-centre map: an OpenLayers map of Putuo fed directly by the twin hub (/hubs/twin).
// Live features go from SignalR into OpenLayers sources here and never through Blazor, so a busy
// feed cannot stall the circuit. Needs the global builds `ol` (lib/ol/ol.js) and `signalR`
// (lib/signalr/signalr.min.js) on the page.

const GEO = {
  districts: 'shanghai_districts_clip_putuo_area.geojson',
  outline: 'putuo_district_boundary.geojson',
  subdistricts: 'putuo_subdistricts_osm.geojson',
  creek: 'suzhou_creek_line_putuo_osm_derived.geojson',
  metroLines: 'metro_lines_schematic_putuo_area.geojson',
  metroStations: 'metro_stations_putuo_area.geojson',
};

const DEFAULT_ATTRIBUTION =
  '© OpenStreetMap contributors (ODbL) · geoBoundaries · metro: metromancn (MIT)';
const PUTUO_CENTER = [121.39, 31.26];
const LIVE_LAYERS = ['tickets', 'sensors', 'alarms', 'heat'];
// Below this zoom the ordinary cameras are clustered; at it and above they are drawn one by one.
const CAMERA_CLUSTER_MAX_ZOOM = 15;
const STATION_LABEL_MAX_RESOLUTION = 10;
const FLY_DURATION_MS = 1500;
const CRITICAL_HOLD_MS = 8000;
const PULSE_PERIOD_MS = 1600;
const PULSE_FRAME_MS = 40;
const RECONNECT_AFTER_CLOSE_MS = 5000;

const COLORS = {
  background: '#0b1622',
  halo: 'rgba(6, 14, 24, 0.92)',
  ticketStatus: [
    [['closed', 'resolved', 'done', '结案', '办结', '问效'], '#3ddc84'],
    [['overdue', 'escalated', 'supervis', '督办', '超期'], '#ff4d6a'],
    [['review', 'audit', 'verif', '审核'], '#c77dff'],
    [['progress', 'handling', 'processing', 'accepted', '处置', '处理'], '#ff9f1a'],
    [['dispatch', 'assigned', 'filed', '派遣', '派单', '立案'], '#4da6ff'],
    [['new', 'reported', 'open', 'pending', 'discovered', '发现', '待'], '#ffd24d'],
  ],
  ticketFallback: '#c0c8d0',
  valueState: { normal: '#3ddc84', warning: '#ffb020', alarm: '#ff3b3b' },
  severity: { info: '#4da6ff', minor: '#ffd24d', major: '#ff8c1a', critical: '#ff2d55' },
};

// Shapes tell the dispatch channels apart on the wall even where the status colours coincide.
const CHANNEL_SHAPES = [
  [['grid', '网格'], { points: 4, angle: Math.PI / 4 }],
  [['video', '视频'], { points: 4, angle: 0 }],
  [['smart', 'sensor', '智能'], { points: 3, angle: 0 }],
  [['110'], { points: 5, angle: 0 }],
  [['app', 'photo', 'suishenpai', '随申拍'], { points: 5, angle: 0, star: true }],
  [['letter', 'visit', 'petition', '信访'], { points: 6, angle: 0 }],
  [['opinion', 'media', '舆情'], { points: 4, angle: 0, star: true }],
];

const SEVERITY_RADIUS = { info: 9, minor: 11, major: 13, critical: 16 };

const LABELS = {
  zh: {
    layer: '图层', title: '标题', status: '状态', channel: '渠道', category: '类别代码',
    categoryName: '类别', address: '地址', subdistrict: '街镇', priority: '优先级',
    reporter: '上报人', reportedAt: '上报时间', kind: '类型代码', kindName: '类型', name: '名称',
    value: '读数', valueState: '读数状态', health: '设备状态', observedAt: '观测时间',
    severity: '级别', source: '来源', raisedAt: '告警时间', acknowledged: '已确认', ai: '高空抛物AI',
    weight: '权重', lines: '线路', id: '编号', cluster: '摄像机聚合', count: '数量',
  },
  en: {
    layer: 'Layer', title: 'Title', status: 'Status', channel: 'Channel', category: 'Category code',
    categoryName: 'Category', address: 'Address', subdistrict: 'Sub-district', priority: 'Priority',
    reporter: 'Reporter', reportedAt: 'Reported', kind: 'Kind code', kindName: 'Kind', name: 'Name',
    value: 'Reading', valueState: 'Reading state', health: 'Device health', observedAt: 'Observed',
    severity: 'Severity', source: 'Source', raisedAt: 'Raised', acknowledged: 'Acknowledged',
    ai: 'Falling-object AI', weight: 'Weight', lines: 'Lines', id: 'ID', cluster: 'Camera cluster',
    count: 'Count',
  },
};

const VALUE_LABELS = {
  zh: {
    layer: { tickets: '工单', sensors: '传感器', alarms: '告警', cameras: '摄像机', heat: '热力', stations: '地铁站' },
    valueState: { normal: '正常', warning: '预警', alarm: '告警' },
    health: { online: '在线', stale: '数据滞后', offline: '离线', lowBattery: '电量低' },
    severity: { info: '提示', minor: '一般', major: '重要', critical: '紧急' },
    boolean: { true: '是', false: '否' },
  },
  en: {
    layer: { tickets: 'Ticket', sensors: 'Sensor', alarms: 'Alarm', cameras: 'Camera', heat: 'Heat', stations: 'Metro station' },
    valueState: { normal: 'Normal', warning: 'Warning', alarm: 'Alarm' },
    health: { online: 'Online', stale: 'Stale', offline: 'Offline', lowBattery: 'Low battery' },
    severity: { info: 'Info', minor: 'Minor', major: 'Major', critical: 'Critical' },
    boolean: { true: 'Yes', false: 'No' },
  },
};

const POPUP_HIDDEN_KEYS = new Set(['geometry', 'unit', 'layer', 'area']);

let current = null;

export async function init(elementId, options, dotnetRef) {
  if (current) {
    await dispose();
  }
  const opts = {
    hubUrl: '/hubs/twin',
    corridorUrl: '/api/map/corridor.geojson',
    lang: 'zh',
    tileUrl: null,
    attribution: DEFAULT_ATTRIBUTION,
    followCriticalAlarms: true,
    ...(options ?? {}),
  };
  const target = document.getElementById(elementId);
  if (!target) {
    throw new Error(`twinmap: no element #${elementId}`);
  }
  const twin = new TwinMap(target, opts, dotnetRef ?? null);
  current = twin;
  await twin.loadBasemap();
  if (opts.corridorUrl) {
    // The corridor band is computed on the server from the creek and the configured width.
    const response = await fetch(opts.corridorUrl);
    if (!response.ok) {
      throw new Error(`twinmap: ${opts.corridorUrl} answered ${response.status}`);
    }
    twin.setCorridor(await response.json());
  }
  if (current === twin) {
    twin.connect();
  }
}

export async function dispose() {
  const twin = current;
  current = null;
  if (twin) {
    await twin.dispose();
  }
}

export function setLayerVisible(layer, visible) {
  current?.setLayerVisible(layer, visible);
}

export function setCorridor(featureCollection) {
  current?.setCorridor(featureCollection);
}

export function flyTo(lon, lat, zoom, holdMs) {
  current?.flyTo(lon, lat, zoom, holdMs);
}

export function getStats() {
  return current
    ? current.getStats()
    : { connected: false, seq: null, counts: {}, lastMessageAt: null };
}

class TwinMap {
  constructor(target, opts, dotnetRef) {
    this.opts = opts;
    this.lang = opts.lang === 'en' ? 'en' : 'zh';
    this.dotnetRef = dotnetRef;
    this.format = new ol.format.GeoJSON({ featureProjection: 'EPSG:3857' });
    this.seq = null;
    this.awaitingSnapshot = true;
    this.lastMessageAt = null;
    this.camerasLoaded = false;
    this.connection = null;
    this.disposed = false;
    this.restartTimer = null;
    this.flyToken = 0;
    this.flyTimer = null;
    this.pulseTimer = null;
    this.homeExtent = null;
    this.styleCache = new Map();

    target.style.background = COLORS.background;
    this.sources = {
      districts: new ol.source.Vector(),
      outline: new ol.source.Vector({ attributions: opts.attribution }),
      subdistricts: new ol.source.Vector(),
      creek: new ol.source.Vector(),
      metroLines: new ol.source.Vector(),
      metroStations: new ol.source.Vector(),
      corridor: new ol.source.Vector(),
      tickets: new ol.source.Vector(),
      sensors: new ol.source.Vector(),
      alarms: new ol.source.Vector(),
      areas: new ol.source.Vector(),
      heat: new ol.source.Vector(),
      cameras: new ol.source.Vector(),
      aiCameras: new ol.source.Vector(),
    };
    this.layers = this.createLayers();
    this.popup = this.createPopup();

    this.map = new ol.Map({
      target,
      layers: Object.values(this.layers),
      overlays: [this.popup.overlay],
      controls: ol.control.defaults.defaults({ attribution: false, rotate: false }).extend([
        new ol.control.Attribution({ collapsible: false }),
        new ol.control.ScaleLine(),
      ]),
      view: new ol.View({
        center: ol.proj.fromLonLat(PUTUO_CENTER),
        zoom: 13,
        minZoom: 10,
        maxZoom: 19,
      }),
    });
    this.map.on('singleclick', (event) => this.onClick(event));
    this.layers.alarms.on('postrender', (event) => this.drawAlarmPulses(event));
    this.followAlarmAreas();
  }

  // A CAP alarm carries the area it covers (properties.area, GeoJSON); the 'areas' layer mirrors
  // the alarms source so areas come and go with their alarms without touching the hub code.
  followAlarmAreas() {
    const alarms = this.sources.alarms;
    const areas = this.sources.areas;
    const sync = (feature) => {
      const id = feature.getId();
      const existing = areas.getFeatureById(id);
      const area = feature.get('area');
      if (!area) {
        if (existing) areas.removeFeature(existing);
        return;
      }
      const geometry = this.format.readGeometry(area);
      if (existing) {
        existing.setGeometry(geometry);
        existing.set('severity', feature.get('severity'));
      } else {
        const polygon = new ol.Feature({ geometry, severity: feature.get('severity') });
        polygon.setId(id);
        areas.addFeature(polygon);
      }
    };
    alarms.on('addfeature', (e) => sync(e.feature));
    alarms.on('changefeature', (e) => sync(e.feature));
    alarms.on('removefeature', (e) => {
      const existing = areas.getFeatureById(e.feature.getId());
      if (existing) areas.removeFeature(existing);
    });
    alarms.on('clear', () => areas.clear(true));
  }

  areaStyle(feature) {
    const severity = feature.get('severity') ?? 'info';
    const color = COLORS.severity[severity] ?? COLORS.severity.info;
    return this.cached(`area:${severity}`, () => new ol.style.Style({
      fill: new ol.style.Fill({ color: withAlpha(color, 0.14) }),
      stroke: new ol.style.Stroke({ color: withAlpha(color, 0.9), width: 2, lineDash: [8, 6] }),
    }));
  }

  // ---- layers and styles -------------------------------------------------------------------

  createLayers() {
    const s = this.sources;
    const vector = (source, style, extra = {}) =>
      new ol.layer.Vector({
        source,
        style,
        declutter: false,
        updateWhileAnimating: false,
        updateWhileInteracting: false,
        ...extra,
      });

    // The basemap never changes after loading: VectorImage layers paint it once per view and
    // only move that image while panning, leaving the frame budget to the live layers.
    const still = (source, style) => new ol.layer.VectorImage({ source, style, imageRatio: 1.5 });

    const layers = {};
    if (this.opts.tileUrl) {
      layers.tiles = new ol.layer.Tile({
        source: new ol.source.XYZ({ url: this.opts.tileUrl, attributions: this.opts.attribution }),
        opacity: 0.55,
      });
    }
    layers.districts = still(s.districts, (f) => this.districtStyle(f));
    layers.subdistricts = still(s.subdistricts, this.subdistrictStyle());
    layers.corridor = vector(s.corridor, this.corridorStyle());
    layers.outline = still(s.outline, this.outlineStyles());
    layers.creek = still(s.creek, (f) => this.creekStyles(f));
    layers.metroLines = still(s.metroLines, (f) => this.metroLineStyle(f));
    layers.metroStations = vector(s.metroStations, (f, r) => this.stationStyle(f, r), {
      declutter: true,
      properties: { popup: true },
    });
    layers.heat = this.createHeatLayer();
    layers.cameras = this.createCameraLayers();
    layers.sensors = vector(s.sensors, (f) => this.sensorStyle(f), { properties: { popup: true } });
    layers.tickets = vector(s.tickets, (f) => this.ticketStyle(f), { properties: { popup: true } });
    layers.areas = vector(s.areas, (f) => this.areaStyle(f));
    layers.alarms = vector(s.alarms, (f) => this.alarmStyle(f), { properties: { popup: true } });
    // 街镇 names stay on top of the live symbols: the wall must always say where things are.
    layers.subdistrictLabels = still(s.subdistricts, (f) => this.subdistrictLabelStyle(f));
    return Object.fromEntries(Object.entries(layers).filter(([, layer]) => layer !== null));
  }

  // The heatmap renders with WebGL; a browser without it still keeps the heat features (counts,
  // popups elsewhere) and simply shows no heat surface instead of failing the whole map.
  createHeatLayer() {
    if (!webglAvailable()) {
      console.warn('twinmap: WebGL unavailable, heat layer not drawn');
      return null;
    }
    return new ol.layer.Heatmap({
      source: this.sources.heat,
      blur: 28,
      radius: 14,
      opacity: 0.75,
      weight: (feature) => Math.min(1, Math.max(0, Number(feature.get('weight')) || 0)),
    });
  }

  // Ordinary cameras cluster when zoomed out; the 135 AI cameras stay unclustered on top so they
  // are never hidden inside a cluster.
  createCameraLayers() {
    const common = { declutter: false, updateWhileAnimating: false, updateWhileInteracting: false };
    const clustered = new ol.layer.Vector({
      ...common,
      source: new ol.source.Cluster({ source: this.sources.cameras, distance: 70, minDistance: 24 }),
      maxZoom: CAMERA_CLUSTER_MAX_ZOOM,
      style: (f) => this.cameraClusterStyle(f),
      properties: { popup: true },
    });
    const single = new ol.layer.Vector({
      ...common,
      source: this.sources.cameras,
      minZoom: CAMERA_CLUSTER_MAX_ZOOM,
      style: this.cached('camera', () => new ol.style.Style({
        image: new ol.style.Circle({
          radius: 5,
          fill: new ol.style.Fill({ color: '#8fa2ff' }),
          stroke: new ol.style.Stroke({ color: '#0b1622', width: 1.5 }),
        }),
      })),
      properties: { popup: true },
    });
    const ai = new ol.layer.Vector({
      ...common,
      source: this.sources.aiCameras,
      style: this.cached('camera-ai', () => new ol.style.Style({
        image: new ol.style.RegularShape({
          points: 3,
          radius: 10,
          fill: new ol.style.Fill({ color: '#ff5ad1' }),
          stroke: new ol.style.Stroke({ color: '#ffffff', width: 2 }),
        }),
      })),
      properties: { popup: true },
    });
    return new ol.layer.Group({ layers: [clustered, single, ai] });
  }

  cached(key, create) {
    let style = this.styleCache.get(key);
    if (!style) {
      style = create();
      this.styleCache.set(key, style);
    }
    return style;
  }

  label(feature) {
    return this.lang === 'en'
      ? feature.get('name_en') ?? feature.get('pinyin') ?? feature.get('name')
      : feature.get('name');
  }

  text(label, size, color, extra = {}) {
    return new ol.style.Text({
      text: label,
      font: `600 ${size}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif`,
      fill: new ol.style.Fill({ color }),
      stroke: new ol.style.Stroke({ color: COLORS.halo, width: Math.max(4, size / 4) }),
      overflow: true,
      ...extra,
    });
  }

  // Neighbours are labelled at their largest part, and not at all where that point falls inside
  // Putuo (the clipped Baoshan wraps round its north), so no foreign name shows in the district.
  districtStyle(feature) {
    const isPutuo = feature.get('adcode') === '310107';
    return this.cached(`district:${feature.get('adcode')}`, () => {
      const area = new ol.style.Style({
        fill: new ol.style.Fill({ color: isPutuo ? 'rgba(18, 40, 62, 0.9)' : '#101e2d' }),
        stroke: new ol.style.Stroke({ color: '#24405a', width: 1.5 }),
      });
      const labelPoint = largestInteriorPoint(feature.getGeometry());
      const insidePutuo = this.sources.outline
        .getFeatures()
        .some((outline) => outline.getGeometry().intersectsCoordinate(labelPoint.getCoordinates()));
      return isPutuo || insidePutuo
        ? area
        : [area, new ol.style.Style({ geometry: labelPoint, text: this.text(this.label(feature), 20, '#5f7d98') })];
    });
  }

  subdistrictStyle() {
    return new ol.style.Style({
      fill: new ol.style.Fill({ color: 'rgba(40, 110, 160, 0.22)' }),
      stroke: new ol.style.Stroke({ color: 'rgba(90, 170, 220, 0.75)', width: 2 }),
    });
  }

  // Each 街镇 is labelled once, at the interior point of its largest part; MultiPolygon labels
  // would otherwise repeat on every sliver.
  subdistrictLabelStyle(feature) {
    return this.cached(`subdistrict-label:${feature.get('nbs_code_2023')}`, () => new ol.style.Style({
      geometry: largestInteriorPoint(feature.getGeometry()),
      text: this.text(this.label(feature), 26, '#f2f7fb'),
    }));
  }

  outlineStyles() {
    return [
      new ol.style.Style({ stroke: new ol.style.Stroke({ color: 'rgba(56, 225, 255, 0.22)', width: 14 }) }),
      new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#38e1ff', width: 4.5 }) }),
    ];
  }

  creekStyles(feature) {
    const labelled = feature.get('__labelled') === true;
    return this.cached(`creek:${labelled}`, () => [
      new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#1f6fe0', width: 11, lineCap: 'round', lineJoin: 'round' }) }),
      new ol.style.Style({
        stroke: new ol.style.Stroke({ color: '#5fb0ff', width: 4, lineCap: 'round', lineJoin: 'round' }),
        text: labelled
          ? this.text(this.label(feature), 22, '#9fd0ff', { placement: 'line' })
          : undefined,
      }),
    ]);
  }

  corridorStyle() {
    return new ol.style.Style({
      fill: new ol.style.Fill({ color: 'rgba(0, 229, 255, 0.12)' }),
      stroke: new ol.style.Stroke({ color: 'rgba(0, 229, 255, 0.65)', width: 2.5, lineDash: [12, 8] }),
    });
  }

  metroLineStyle(feature) {
    const color = feature.get('color') ?? '#888888';
    return this.cached(`metro:${color}`, () => new ol.style.Style({
      stroke: new ol.style.Stroke({ color: withAlpha(color, 0.8), width: 4.5 }),
    }));
  }

  stationStyle(feature, resolution) {
    const symbol = this.cached('station', () => new ol.style.Style({
      image: new ol.style.Circle({
        radius: 5,
        fill: new ol.style.Fill({ color: '#e8eef4' }),
        stroke: new ol.style.Stroke({ color: '#1b2b3c', width: 2 }),
      }),
    }));
    if (resolution > STATION_LABEL_MAX_RESOLUTION) {
      return symbol;
    }
    return this.cached(`station:${feature.get('source_station_id')}`, () => new ol.style.Style({
      image: symbol.getImage(),
      text: this.text(this.label(feature), 16, '#cfd9e3', { offsetY: -16 }),
    }));
  }

  ticketStyle(feature) {
    const status = String(feature.get('status') ?? '');
    const channel = String(feature.get('channel') ?? '');
    return this.cached(`ticket:${status}|${channel}`, () => {
      const fill = new ol.style.Fill({ color: matchKeyword(status, COLORS.ticketStatus) ?? COLORS.ticketFallback });
      const stroke = new ol.style.Stroke({ color: '#0b1622', width: 2 });
      const shape = matchKeyword(channel, CHANNEL_SHAPES);
      const image = shape
        ? new ol.style.RegularShape({
            points: shape.points,
            radius: shape.star ? 12 : 10,
            radius2: shape.star ? 5 : undefined,
            angle: shape.angle,
            fill,
            stroke,
          })
        : new ol.style.Circle({ radius: 9, fill, stroke });
      return new ol.style.Style({ image });
    });
  }

  // Fill says what the reading is; the ring says whether the device can be trusted.
  sensorStyle(feature) {
    const valueState = feature.get('valueState') ?? 'normal';
    const health = feature.get('health') ?? 'online';
    return this.cached(`sensor:${valueState}|${health}`, () => {
      const color = COLORS.valueState[valueState] ?? COLORS.valueState.normal;
      const ring = {
        online: new ol.style.Stroke({ color: '#0b1622', width: 2 }),
        stale: new ol.style.Stroke({ color: '#9aa7b4', width: 3, lineDash: [4, 3] }),
        offline: new ol.style.Stroke({ color: '#ffffff', width: 3, lineDash: [2, 3] }),
        lowBattery: new ol.style.Stroke({ color: '#d17bff', width: 4 }),
      }[health] ?? new ol.style.Stroke({ color: '#0b1622', width: 2 });
      return new ol.style.Style({
        image: new ol.style.Circle({
          radius: health === 'online' ? 8 : 10,
          fill: new ol.style.Fill({ color: health === 'offline' ? '#4a5663' : color }),
          stroke: ring,
        }),
      });
    });
  }

  alarmStyle(feature) {
    const severity = feature.get('severity') ?? 'info';
    const acknowledged = feature.get('acknowledged') === true;
    return this.cached(`alarm:${severity}|${acknowledged}`, () => new ol.style.Style({
      image: new ol.style.Circle({
        radius: SEVERITY_RADIUS[severity] ?? SEVERITY_RADIUS.info,
        fill: new ol.style.Fill({
          color: withAlpha(COLORS.severity[severity] ?? COLORS.severity.info, acknowledged ? 0.45 : 0.95),
        }),
        stroke: new ol.style.Stroke({ color: '#ffffff', width: acknowledged ? 1.5 : 3 }),
      }),
      zIndex: SEVERITY_RADIUS[severity] ?? 0,
    }));
  }

  cameraClusterStyle(cluster) {
    const size = cluster.get('features').length;
    return this.cached(`cluster:${size}`, () => {
      if (size === 1) {
        return this.styleCache.get('camera');
      }
      const radius = Math.min(30, 10 + 4 * Math.log2(size));
      return new ol.style.Style({
        image: new ol.style.Circle({
          radius,
          fill: new ol.style.Fill({ color: 'rgba(108, 123, 217, 0.78)' }),
          stroke: new ol.style.Stroke({ color: 'rgba(190, 200, 255, 0.9)', width: 2 }),
        }),
        text: new ol.style.Text({
          text: String(size),
          font: '700 15px sans-serif',
          fill: new ol.style.Fill({ color: '#ffffff' }),
        }),
      });
    });
  }

  // Unacknowledged alarms pulse: rings drawn straight onto the layer's canvas after it renders,
  // with re-renders throttled to PULSE_FRAME_MS so the animation stays cheap on the wall.
  drawAlarmPulses(event) {
    const pulsing = this.sources.alarms.getFeatures().filter((f) => f.get('acknowledged') !== true);
    if (pulsing.length === 0 || !this.layers.alarms.getVisible()) {
      return;
    }
    const context = ol.render.getVectorContext(event);
    const phase = (event.frameState.time % PULSE_PERIOD_MS) / PULSE_PERIOD_MS;
    const ringStyles = {};
    for (const feature of pulsing) {
      const severity = feature.get('severity') ?? 'info';
      ringStyles[severity] ??= new ol.style.Style({
        image: new ol.style.Circle({
          radius: (SEVERITY_RADIUS[severity] ?? SEVERITY_RADIUS.info) * (1 + 1.8 * phase),
          stroke: new ol.style.Stroke({
            color: withAlpha(COLORS.severity[severity] ?? COLORS.severity.info, 1 - phase),
            width: 4,
          }),
        }),
      });
      context.setStyle(ringStyles[severity]);
      context.drawGeometry(feature.getGeometry());
    }
    if (this.pulseTimer === null && !this.disposed) {
      this.pulseTimer = setTimeout(() => {
        this.pulseTimer = null;
        this.map.render();
      }, PULSE_FRAME_MS);
    }
  }

  // ---- basemap -----------------------------------------------------------------------------

  async loadBasemap() {
    const entries = await Promise.all(
      Object.entries(GEO).map(async ([key, file]) => {
        const response = await fetch(new URL(`../geo/${file}`, import.meta.url));
        if (!response.ok) {
          throw new Error(`twinmap: ${file} answered ${response.status}`);
        }
        return [key, this.format.readFeatures(await response.json())];
      }),
    );
    for (const [key, features] of entries) {
      this.sources[key].addFeatures(features);
    }
    const creek = this.sources.creek.getFeatures();
    const longest = creek.reduce((a, b) => ((b.get('length_m') ?? 0) > (a?.get('length_m') ?? 0) ? b : a), null);
    longest?.set('__labelled', true);
    for (const station of this.sources.metroStations.getFeatures()) {
      station.set('layer', 'stations');
    }

    this.homeExtent = this.sources.outline.getExtent();
    this.goHome(0);
  }

  goHome(duration) {
    this.map.getView().fit(this.homeExtent, { padding: [60, 60, 60, 60], duration });
  }

  setCorridor(featureCollection) {
    this.sources.corridor.clear(true);
    if (featureCollection) {
      this.sources.corridor.addFeatures(this.format.readFeatures(featureCollection));
    }
  }

  setLayerVisible(layer, visible) {
    const target = this.layers[layer];
    if (!target) {
      throw new Error(`twinmap: unknown layer '${layer}'`);
    }
    target.setVisible(Boolean(visible));
  }

  // ---- camera moves ------------------------------------------------------------------------

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

  onCriticalAlarm(feature) {
    if (!this.opts.followCriticalAlarms) {
      return;
    }
    const [lon, lat] = ol.proj.toLonLat(ol.extent.getCenter(feature.getGeometry().getExtent()));
    this.flyTo(lon, lat, 16, CRITICAL_HOLD_MS);
  }

  // ---- hub ---------------------------------------------------------------------------------

  connect() {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(this.opts.hubUrl)
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    connection.on('Snapshot', (snapshot) => this.guard(() => this.applySnapshot(snapshot)));
    connection.on('Delta', (delta) => this.guard(() => this.applyDelta(delta)));
    connection.onreconnecting(() => {
      this.awaitingSnapshot = true;
      this.report('reconnecting');
    });
    connection.onreconnected(() => {
      this.report('connected');
      this.requestSnapshot();
      this.loadCameras();
    });
    // The automatic policy gives up after a few tries; the wall must keep trying for as long as
    // it is on, so a closed connection is started again.
    connection.onclose(() => {
      this.awaitingSnapshot = true;
      this.report('disconnected');
      this.scheduleRestart();
    });
    this.connection = connection;
    this.start();
  }

  async start() {
    if (this.disposed) {
      return;
    }
    try {
      this.awaitingSnapshot = true;
      await this.connection.start();
      this.report('connected');
      this.loadCameras();
    } catch (error) {
      console.warn('twinmap: hub connection failed', error);
      this.report('disconnected');
      this.scheduleRestart();
    }
  }

  scheduleRestart() {
    if (this.disposed || this.restartTimer !== null) {
      return;
    }
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start();
    }, RECONNECT_AFTER_CLOSE_MS);
  }

  report(state) {
    this.dotnetRef?.invokeMethodAsync('OnMapConnectionChanged', state).catch(() => {});
  }

  // A malformed message must not stop the feed: log it and resynchronise from a snapshot.
  guard(apply) {
    try {
      apply();
    } catch (error) {
      console.error('twinmap: could not apply hub message', error);
      this.awaitingSnapshot = true;
      this.requestSnapshot();
    }
  }

  requestSnapshot() {
    if (this.connection?.state === signalR.HubConnectionState.Connected) {
      this.connection.invoke('RequestSnapshot').catch((error) => console.warn('twinmap: RequestSnapshot failed', error));
    }
  }

  async loadCameras() {
    if (this.camerasLoaded) {
      return;
    }
    try {
      const collection = await this.connection.invoke('GetCameras');
      const features = this.format.readFeatures(collection);
      this.sources.cameras.clear(true);
      this.sources.aiCameras.clear(true);
      this.sources.cameras.addFeatures(features.filter((f) => f.get('ai') !== true));
      this.sources.aiCameras.addFeatures(features.filter((f) => f.get('ai') === true));
      this.camerasLoaded = true;
    } catch (error) {
      console.warn('twinmap: GetCameras failed; will retry on reconnect', error);
    }
  }

  applySnapshot(snapshot) {
    for (const layer of LIVE_LAYERS) {
      const source = this.sources[layer];
      source.clear(true);
      const collection = snapshot.layers?.[layer];
      if (collection) {
        source.addFeatures(this.format.readFeatures(collection));
      }
    }
    this.seq = snapshot.seq;
    this.awaitingSnapshot = false;
    this.lastMessageAt = new Date().toISOString();
  }

  applyDelta(delta) {
    this.lastMessageAt = new Date().toISOString();
    if (this.awaitingSnapshot) {
      return;
    }
    if (delta.seq !== this.seq + 1) {
      this.awaitingSnapshot = true;
      this.requestSnapshot();
      return;
    }
    this.seq = delta.seq;
    for (const removal of delta.removals ?? []) {
      const source = this.sourceFor(removal.layer);
      const feature = source?.getFeatureById(removal.id);
      if (feature) {
        source.removeFeature(feature);
      }
    }
    const upserts = delta.upserts ?? [];
    if (upserts.length === 0) {
      return;
    }
    const features = this.format.readFeatures({ type: 'FeatureCollection', features: upserts });
    for (const feature of features) {
      const layer = feature.get('layer');
      const source = this.sourceFor(layer, feature);
      if (!source) {
        continue;
      }
      const existing = source.getFeatureById(feature.getId());
      if (existing) {
        for (const key of existing.getKeys()) {
          if (key !== 'geometry' && feature.get(key) === undefined) {
            existing.unset(key);
          }
        }
        existing.setProperties(feature.getProperties());
      } else {
        source.addFeature(feature);
        if (layer === 'alarms' && feature.get('severity') === 'critical' && feature.get('acknowledged') !== true) {
          this.onCriticalAlarm(feature);
        }
      }
    }
  }

  sourceFor(layer, feature) {
    if (layer === 'cameras') {
      return feature?.get('ai') === true ? this.sources.aiCameras : this.sources.cameras;
    }
    return LIVE_LAYERS.includes(layer) ? this.sources[layer] : null;
  }

  getStats() {
    const count = (key) => this.sources[key].getFeatures().length;
    return {
      connected: this.connection?.state === signalR.HubConnectionState.Connected,
      seq: this.seq,
      counts: {
        tickets: count('tickets'),
        sensors: count('sensors'),
        alarms: count('alarms'),
        cameras: count('cameras') + count('aiCameras'),
        heat: count('heat'),
        subdistricts: count('subdistricts'),
        districtOutline: count('outline'),
      },
      lastMessageAt: this.lastMessageAt,
    };
  }

  // ---- popup -------------------------------------------------------------------------------

  createPopup() {
    const element = document.createElement('div');
    element.className = 'twinmap-popup';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'twinmap-popup-close';
    close.textContent = '×';
    const body = document.createElement('div');
    element.append(close, body);
    const overlay = new ol.Overlay({
      element,
      positioning: 'bottom-center',
      offset: [0, -18],
      autoPan: { animation: { duration: 250 } },
    });
    close.addEventListener('click', () => overlay.setPosition(undefined));
    return { overlay, body };
  }

  onClick(event) {
    const hit = this.map.forEachFeatureAtPixel(event.pixel, (feature) => feature, {
      layerFilter: (layer) => layer.get('popup') === true,
      hitTolerance: 6,
    });
    if (!hit) {
      this.popup.overlay.setPosition(undefined);
      return;
    }
    const members = hit.get('features');
    if (members && members.length > 1) {
      const extent = ol.extent.createEmpty();
      for (const member of members) {
        ol.extent.extend(extent, member.getGeometry().getExtent());
      }
      this.popup.overlay.setPosition(undefined);
      this.map.getView().fit(extent, { padding: [120, 120, 120, 120], duration: 600, maxZoom: CAMERA_CLUSTER_MAX_ZOOM + 1 });
      return;
    }
    const feature = members ? members[0] : hit;
    this.renderPopup(feature);
    this.popup.overlay.setPosition(ol.extent.getCenter(feature.getGeometry().getExtent()));
  }

  renderPopup(feature) {
    const labels = LABELS[this.lang];
    const values = VALUE_LABELS[this.lang];
    const props = feature.getProperties();
    const layer = props.layer ?? (props.ai !== undefined ? 'cameras' : null);
    const body = this.popup.body;
    body.replaceChildren();

    const heading = document.createElement('div');
    heading.className = 'twinmap-popup-title';
    const kind = layer ? values.layer[layer] ?? layer : '';
    const title = props.title ?? (this.lang === 'en' ? props.pinyin ?? props.name : props.name) ?? feature.getId() ?? '';
    heading.textContent = kind ? `${kind} · ${title}` : String(title);
    body.append(heading);

    const table = document.createElement('dl');
    const row = (key, value) => {
      const dt = document.createElement('dt');
      dt.textContent = labels[key] ?? key;
      const dd = document.createElement('dd');
      dd.textContent = value;
      table.append(dt, dd);
    };
    if (feature.getId() !== undefined) {
      row('id', String(feature.getId()));
    }
    for (const [key, value] of Object.entries(props)) {
      if (POPUP_HIDDEN_KEYS.has(key) || key.startsWith('__') || key === 'title' || value === null || value === undefined) {
        continue;
      }
      if (layer === 'stations' && !['lines', 'name'].includes(key)) {
        continue;
      }
      row(key, this.formatValue(key, value, props));
    }
    body.append(table);
  }

  formatValue(key, value, props) {
    const values = VALUE_LABELS[this.lang];
    if (typeof value === 'boolean') {
      return values.boolean[value];
    }
    if (Array.isArray(value)) {
      return value.join(this.lang === 'en' ? ', ' : '、');
    }
    if (values[key]?.[value]) {
      return values[key][value];
    }
    if (key === 'value' && props.unit) {
      return `${value} ${props.unit}`;
    }
    if (key.endsWith('At') && typeof value === 'string') {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) {
        return date.toLocaleString(this.lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
      }
    }
    return String(value);
  }

  // ---- teardown ----------------------------------------------------------------------------

  async dispose() {
    this.disposed = true;
    this.flyToken++;
    clearTimeout(this.flyTimer);
    clearTimeout(this.pulseTimer);
    clearTimeout(this.restartTimer);
    this.map.setTarget(undefined);
    if (this.connection) {
      await this.connection.stop();
    }
  }
}

function matchKeyword(value, table) {
  const needle = value.toLowerCase();
  if (!needle) {
    return null;
  }
  for (const [keywords, result] of table) {
    if (keywords.some((keyword) => needle.includes(keyword))) {
      return result;
    }
  }
  return null;
}

function largestInteriorPoint(geometry) {
  if (geometry.getType() === 'MultiPolygon') {
    const largest = geometry.getPolygons().reduce((a, b) => (b.getArea() > a.getArea() ? b : a));
    return largest.getInteriorPoint();
  }
  return geometry.getType() === 'Polygon' ? geometry.getInteriorPoint() : geometry;
}

function withAlpha(color, alpha) {
  const [r, g, b] = ol.color.asArray(color);
  return [r, g, b, alpha];
}

function webglAvailable() {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
