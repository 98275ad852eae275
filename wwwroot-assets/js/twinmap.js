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
// Pixel sizes at the 1920×1080 reference (see px()).
const HEAT_RADIUS = 22;
const HEAT_BLUR = 32;
// One hotline ticket alone makes a faint mark; several close together build a hot spot.
const HEAT_WEIGHT = 0.7;
// Warm colours only: a blue end would vanish into the dark-blue basemap.
const HEAT_GRADIENT = ['rgba(120, 40, 160, 0)', '#8a2be2', '#ff5a1f', '#ffb020', '#fff1a8'];
const HEAT_OPACITY = 0.8;
// Image layers are painted this much larger than the view, so a pan or a fly-to moves the image
// (and shows its margin) instead of redrawing 15,000 symbols every frame.
const IMAGE_RATIO = 1.5;
// Where each part of the two stacked image layers (see StackedSource) is drawn: a higher zIndex
// draws above a lower one and is hit first by a click.
const Z = {
  districts: 0, subdistricts: 1, corridor: 2, outline: 3, creek: 4, metroLines: 5,
  cameras: 0, aiCameras: 1, sensors: 2, tickets: 3, warningSensors: 4, alarmSensors: 5,
};
const CAMERA_CLUSTER_DISTANCE = 56;
const CAMERA_CLUSTER_MIN_DISTANCE = 18;
const POPUP_OFFSET = 14;
const HOME_PADDING = 40;
const HIT_TOLERANCE = 6;
const RECONNECT_AFTER_CLOSE_MS = 5000;
const SLOW_FRAME_MS = 30;
const MEASURE_FRAMES_FOR_MS = 60000;
// A wall that heard nothing from the hub for this long says so rather than look live.
const STALE_AFTER_MS = 15000;
const STALE_CHECK_MS = 1000;
// The page sizes everything in rem (html font-size grows with the screen); 16 px is the 1920×1080
// size, so every pixel size below is multiplied by fontSize / 16.
const BASE_FONT_PX = 16;

// The wire values are the server's camelCase enum names (docs/hub-protocol.md). Closed tickets
// leave the map, so only the five open statuses are ever drawn. MapLegend.razor.css repeats
// these colours; keep both in step.
const COLORS = {
  background: '#0b1622',
  halo: 'rgba(6, 14, 24, 0.92)',
  symbolEdge: '#0b1622',
  ticketStatus: {
    discovered: '#ffe14d',
    filed: '#4dd2ff',
    dispatched: '#4d7dff',
    handling: '#ff9f1a',
    review: '#c77dff',
  },
  ticketFallback: '#c0c8d0',
  // Normal readings are the background hum of 2,000 devices: small and muted so they do not bury
  // the map; warning and alarm readings are the ones worth seeing.
  valueState: { normal: 'rgba(120, 205, 175, 0.55)', warning: '#ffb020', alarm: '#ff3b3b' },
  unhealthyRing: '#c3ccd6',
  offlineFill: '#66717d',
  severity: { info: '#4da6ff', minor: '#ffd24d', major: '#ff8c1a', critical: '#ff2d55' },
  camera: 'rgba(143, 162, 255, 0.55)',
  cameraCluster: 'rgba(120, 135, 220, 0.22)',
  cameraClusterEdge: 'rgba(170, 185, 255, 0.45)',
  cameraClusterText: 'rgba(215, 222, 255, 0.8)',
  aiCamera: '#ff5ad1',
};

// Shape tells the dispatch channel; colour tells the status. Circles are kept for sensors and
// alarms and the upright triangle for AI cameras, so no ticket shape is mistaken for those.
const CHANNEL_SHAPES = {
  hotline12345: { points: 4, angle: Math.PI / 4 },
  gridPatrol: { points: 4, angle: 0 },
  smartCase: { points: 6, angle: 0 },
  aiVideo: { points: 3, angle: Math.PI },
  videoPatrol: { points: 5, angle: 0 },
  citizenApp: { points: 5, angle: 0, inner: 0.45 },
  nonPolice110: { points: 4, angle: 0, inner: 0.4 },
};

const SEVERITY_RADIUS = { info: 7, minor: 8, major: 10, critical: 12 };

const LABELS = {
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

const VALUE_LABELS = {
  zh: {
    layer: { tickets: '工单', sensors: '传感器', alarms: '告警', cameras: '摄像机', heat: '热力', stations: '地铁站' },
    valueState: { normal: '正常', warning: '预警', alarm: '告警' },
    health: { online: '在线', stale: '数据滞后', offline: '离线', lowBattery: '电量低' },
    severity: { info: '提示', minor: '一般', major: '重要', critical: '紧急' },
    status: { discovered: '发现', filed: '立案', dispatched: '派遣', handling: '处置', review: '审核', closed: '结案', evaluated: '问效' },
    channel: {
      hotline12345: '12345热线', gridPatrol: '网格巡查', smartCase: '智能案件', aiVideo: 'AI视频',
      videoPatrol: '视频轮巡', citizenApp: '随申拍', nonPolice110: '110非警务',
    },
    priority: { low: '低', normal: '一般', high: '高', urgent: '紧急' },
    source: { sensor: '感知设备', 'ai-video': 'AI视频' },
    boolean: { true: '是', false: '否' },
  },
  en: {
    layer: { tickets: 'Ticket', sensors: 'Sensor', alarms: 'Alarm', cameras: 'Camera', heat: 'Heat', stations: 'Metro station' },
    valueState: { normal: 'Normal', warning: 'Warning', alarm: 'Alarm' },
    health: { online: 'Online', stale: 'Stale', offline: 'Offline', lowBattery: 'Low battery' },
    severity: { info: 'Info', minor: 'Minor', major: 'Major', critical: 'Critical' },
    status: { discovered: 'Discovered', filed: 'Filed', dispatched: 'Dispatched', handling: 'Handling', review: 'Review', closed: 'Closed', evaluated: 'Evaluated' },
    channel: {
      hotline12345: '12345 hotline', gridPatrol: 'Grid patrol', smartCase: 'Smart case', aiVideo: 'AI video',
      videoPatrol: 'Video patrol', citizenApp: 'Citizen app', nonPolice110: '110 non-police',
    },
    priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
    source: { sensor: 'Sensor', 'ai-video': 'AI video' },
    boolean: { true: 'Yes', false: 'No' },
  },
};

const POPUP_HIDDEN_KEYS = new Set(['geometry', 'unit', 'layer', 'area']);

let current = null;

// Overlays (dronelayer.js) draw their own layers on the map and listen on its hub connection:
// attach({ map, connection, lang, px }) runs before the connection starts, detach() on dispose.
const overlays = new Set();

export function addOverlay(overlay) {
  overlays.add(overlay);
  current?.attachOverlay(overlay);
}

// The colours the map draws, for the legend's browser test to compare against.
export const palette = COLORS;

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
  await twin.load();
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
    : { connected: false, seq: null, counts: {}, lastMessageAt: null, stale: true };
}

// The view as lon/lat and zoom, and the district view the map returns to after a fly-to.
export function getView() {
  return current?.getView() ?? null;
}

// Where a live feature is: lon/lat, its pixel in the map's viewport (null when off screen) and
// its properties.
export function locate(layer, id) {
  return current?.locate(layer, id) ?? null;
}

// Resolves once every layer is drawn for the current view. The live layers are images redrawn
// only when the view rests, so a click just after a fly-to would otherwise hit the old image.
export function whenRendered() {
  return current?.whenRendered() ?? Promise.resolve(false);
}

export function featureIds(layer) {
  return current?.sourceFor(layer)?.getFeatures().map((feature) => feature.getId()) ?? [];
}

class TwinMap {
  constructor(target, opts, dotnetRef) {
    this.opts = opts;
    // Requested now, in parallel with the basemap; read once the hub is connecting (see load()).
    this.cameraFile = opts.camerasUrl ? fetch(opts.camerasUrl) : null;
    // A failure is handled when the file is read, not reported as unhandled before.
    this.cameraFile?.catch(() => {});
    this.camerasLoading = null;
    this.lang = opts.lang === 'en' ? 'en' : 'zh';
    this.dotnetRef = dotnetRef;
    this.format = new ol.format.GeoJSON({ featureProjection: 'EPSG:3857' });
    this.seq = null;
    this.awaitingSnapshot = true;
    this.lastMessageAt = null;
    this.stale = true;
    this.staleTimer = null;
    this.camerasLoaded = false;
    this.connection = null;
    this.disposed = false;
    this.restartTimer = null;
    this.flyToken = 0;
    this.flyTimer = null;
    this.pulseTimer = null;
    this.homeExtent = null;
    this.styleCache = new Map();
    this.scale = wallScale();
    this.onResize = () => this.rescale();

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
    this.staleBadge = this.createStaleBadge();
    this.scaleLine = this.createScaleLine();

    this.map = new ol.Map({
      target,
      layers: Object.values(this.layers),
      overlays: [this.popup.overlay],
      controls: ol.control.defaults.defaults({ attribution: false, rotate: false }).extend([
        new ol.control.Attribution({ collapsible: false }),
        this.scaleLine,
        this.staleBadge.control,
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
    window.addEventListener('resize', this.onResize);
    this.staleTimer = setInterval(() => this.updateStale(), STALE_CHECK_MS);
    this.updateStale();
    this.followAlarmAreas();
  }

  // The camera file (requested since the map was created), the basemap and the corridor load at
  // once. The hub connects once the basemap has set the district view, so that no live fly-to or
  // popup can start before that first fit and be undone by it. The 21,000 cameras are parsed
  // after that: parsing them first held the small basemap, and so the hub, back by seconds.
  async load() {
    const loadStart = performance.now();
    this.measureSlowFrames();
    await Promise.all([
      this.loadBasemap(),
      // The corridor band is computed on the server from the creek and the configured width.
      this.opts.corridorUrl ? fetchJson(this.opts.corridorUrl).then((collection) => this.setCorridor(collection)) : null,
    ]);
    performance.measure('twinmap:basemap', { start: loadStart });
    if (!this.disposed) {
      this.connect();
      this.loadCameras();
    }
  }

  // Pixel sizes at the 1920×1080 reference, grown with the wall's rem.
  px(size) {
    return size * this.scale;
  }

  // A new screen size changes the rem: every cached style, the heat kernel, the cluster spacing
  // and the scale line are rebuilt at the new scale.
  rescale() {
    const scale = wallScale();
    if (this.disposed || Math.abs(scale - this.scale) < 0.01) {
      return;
    }
    this.scale = scale;
    this.styleCache.clear();
    this.heatStamp = null;
    this.cameraClusters.setDistance(this.px(CAMERA_CLUSTER_DISTANCE));
    this.cameraClusters.setMinDistance(this.px(CAMERA_CLUSTER_MIN_DISTANCE));
    this.popup.overlay.setOffset([0, -this.px(POPUP_OFFSET)]);
    this.map.removeControl(this.scaleLine);
    this.scaleLine = this.createScaleLine();
    this.map.addControl(this.scaleLine);
    for (const source of Object.values(this.sources)) {
      source.changed();
    }
  }

  createScaleLine() {
    return new ol.control.ScaleLine({ minWidth: this.px(96) });
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
      stroke: new ol.style.Stroke({ color: withAlpha(color, 0.9), width: this.px(2), lineDash: [this.px(8), this.px(6)] }),
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

    // On a wall rendered in software every image layer costs a full-screen drawImage per animation
    // frame: eleven of them held a flight to 22 fps. So the static basemap is one image, painted
    // once per resting view, and the thousands of live symbols (camera clusters, sensors, tickets)
    // another, repainted when the view comes to rest or their data change, never per frame.
    this.basemap = stackedSource([
      { key: 'districts', source: s.districts, style: (f) => this.districtStyle(f) },
      { key: 'subdistricts', source: s.subdistricts, style: () => this.subdistrictStyle() },
      { key: 'corridor', source: s.corridor, style: () => this.corridorStyle() },
      { key: 'outline', source: s.outline, style: () => this.outlineStyles() },
      { key: 'creek', source: s.creek, style: (f) => this.creekStyles(f) },
      { key: 'metroLines', source: s.metroLines, style: (f) => this.metroLineStyle(f) },
    ]);
    this.cameraClusters = new ol.source.Cluster({
      source: s.cameras,
      distance: this.px(CAMERA_CLUSTER_DISTANCE),
      minDistance: this.px(CAMERA_CLUSTER_MIN_DISTANCE),
    });
    // Ordinary cameras cluster while zoomed out and are drawn one by one when zoomed in; the 135 AI
    // cameras are never clustered and lie above the clusters, so none hides inside one. 21,000
    // cameras are infrastructure, not news: they lie under the sensors and tickets. Normal sensor
    // readings stay under the tickets, warning and alarm readings draw above them (Z).
    const clustered = (resolution) => this.map.getView().getZoomForResolution(resolution) <= CAMERA_CLUSTER_MAX_ZOOM;
    this.livePoints = stackedSource([
      { key: 'cameras', source: this.cameraClusters, style: (f) => this.cameraClusterStyle(f), shownAt: clustered },
      { key: 'cameras', source: s.cameras, style: () => this.cameraStyle(), shownAt: (resolution) => !clustered(resolution) },
      { key: 'cameras', source: s.aiCameras, style: () => this.aiCameraStyle() },
      { key: 'sensors', source: s.sensors, style: (f) => this.sensorStyle(f) },
      { key: 'tickets', source: s.tickets, style: (f) => this.ticketStyle(f) },
    ]);
    const stacked = (source, extra = {}) =>
      new ol.layer.VectorImage({ source, style: (f, r) => source.styleFor(f, r), imageRatio: IMAGE_RATIO, declutter: false, ...extra });

    const layers = {};
    if (this.opts.tileUrl) {
      layers.tiles = new ol.layer.Tile({
        source: new ol.source.XYZ({ url: this.opts.tileUrl, attributions: this.opts.attribution }),
        opacity: 0.55,
      });
    }
    layers.basemap = stacked(this.basemap);
    layers.metroStations = vector(s.metroStations, (f, r) => this.stationStyle(f, r), {
      declutter: true,
      properties: { popup: true },
    });
    layers.heat = this.createHeatLayer();
    layers.livePoints = stacked(this.livePoints, { properties: { popup: true } });
    layers.areas = vector(s.areas, (f) => this.areaStyle(f));
    layers.alarms = vector(s.alarms, (f) => this.alarmStyle(f), { properties: { popup: true } });
    // 街镇 names stay on top of the live symbols: the wall must always say where things are. Ten
    // labels are cheaper replayed per frame than one more full-screen image.
    layers.subdistrictLabels = vector(s.subdistricts, (f) => this.subdistrictLabelStyle(f));
    return Object.fromEntries(Object.entries(layers).filter(([, layer]) => layer !== null));
  }

  // The heat surface is painted on a 2D canvas once per view at rest (and when today's hotline
  // tickets change), then moved as an image while the view animates. OpenLayers' WebGL heatmap
  // re-blurred every point on every frame: in software rendering that alone held a fly-to at 2 fps.
  createHeatLayer() {
    const image = new ol.source.ImageCanvas({
      canvasFunction: (extent, resolution, pixelRatio, size) => this.drawHeat(extent, size, pixelRatio),
      ratio: IMAGE_RATIO,
    });
    this.sources.heat.on('change', () => image.changed());
    return new ol.layer.Image({ source: image, opacity: HEAT_OPACITY });
  }

  // Each hotline ticket stamps a soft disc of alpha; overlapping discs add up, and the summed
  // alpha is then coloured through HEAT_GRADIENT.
  drawHeat(extent, size, pixelRatio) {
    const [width, height] = size.map(Math.round);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const features = this.sources.heat.getFeatures();
    if (features.length === 0 || width === 0 || height === 0) {
      return canvas;
    }
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const stamp = this.heatStampFor(pixelRatio);
    const half = stamp.width / 2;
    const scaleX = width / ol.extent.getWidth(extent);
    const scaleY = height / ol.extent.getHeight(extent);
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
    const palette = this.heatPalette();
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

  // A disc opaque out to the radius that fades to nothing over the blur, as OpenLayers' heatmap.
  heatStampFor(pixelRatio) {
    const inner = this.px(HEAT_RADIUS) * pixelRatio;
    const outer = inner + this.px(HEAT_BLUR) * pixelRatio;
    if (this.heatStamp?.outer === outer) {
      return this.heatStamp.canvas;
    }
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = Math.ceil(outer * 2);
    const context = canvas.getContext('2d');
    const centre = canvas.width / 2;
    const gradient = context.createRadialGradient(centre, centre, 0, centre, centre, outer);
    gradient.addColorStop(0, 'rgba(0, 0, 0, 0.35)');
    gradient.addColorStop(inner / outer, 'rgba(0, 0, 0, 0.2)');
    gradient.addColorStop(1, 'rgba(0, 0, 0, 0)');
    context.fillStyle = gradient;
    context.fillRect(0, 0, canvas.width, canvas.height);
    this.heatStamp = { outer, canvas };
    return canvas;
  }

  // 256 RGBA colours along HEAT_GRADIENT, indexed by summed alpha.
  heatPalette() {
    if (!this.heatColours) {
      const canvas = document.createElement('canvas');
      canvas.width = 256;
      canvas.height = 1;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      const gradient = context.createLinearGradient(0, 0, 256, 0);
      HEAT_GRADIENT.forEach((colour, i) => gradient.addColorStop(i / (HEAT_GRADIENT.length - 1), colour));
      context.fillStyle = gradient;
      context.fillRect(0, 0, 256, 1);
      this.heatColours = context.getImageData(0, 0, 256, 1).data;
    }
    return this.heatColours;
  }

  aiCameraStyle() {
    return this.cached('camera-ai', () => new ol.style.Style({
      image: new ol.style.RegularShape({
        points: 3,
        radius: this.px(5),
        fill: new ol.style.Fill({ color: COLORS.aiCamera }),
        stroke: new ol.style.Stroke({ color: '#ffffff', width: this.px(1.25) }),
      }),
      zIndex: Z.aiCameras,
    }));
  }

  cameraStyle() {
    return this.cached('camera', () => new ol.style.Style({
      image: new ol.style.Circle({ radius: this.px(3), fill: new ol.style.Fill({ color: COLORS.camera }) }),
      zIndex: Z.cameras,
    }));
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

  // Sizes are at the 1920×1080 reference; the font and its halo grow with the wall.
  text(label, size, color, extra = {}) {
    return new ol.style.Text({
      text: label,
      font: `600 ${this.px(size)}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif`,
      fill: new ol.style.Fill({ color }),
      stroke: new ol.style.Stroke({ color: COLORS.halo, width: this.px(Math.max(4, size / 4)) }),
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
        stroke: new ol.style.Stroke({ color: '#24405a', width: this.px(1.5) }),
        zIndex: Z.districts,
      });
      const labelPoint = largestInteriorPoint(feature.getGeometry());
      const insidePutuo = this.sources.outline
        .getFeatures()
        .some((outline) => outline.getGeometry().intersectsCoordinate(labelPoint.getCoordinates()));
      return isPutuo || insidePutuo
        ? area
        : [area, new ol.style.Style({ geometry: labelPoint, text: this.text(this.label(feature), 18, '#5f7d98'), zIndex: Z.districts })];
    });
  }

  subdistrictStyle() {
    return this.cached('subdistrict', () => new ol.style.Style({
      fill: new ol.style.Fill({ color: 'rgba(40, 110, 160, 0.22)' }),
      stroke: new ol.style.Stroke({ color: 'rgba(90, 170, 220, 0.75)', width: this.px(1.5) }),
      zIndex: Z.subdistricts,
    }));
  }

  // Each 街镇 is labelled once, at the interior point of its largest part; MultiPolygon labels
  // would otherwise repeat on every sliver.
  subdistrictLabelStyle(feature) {
    return this.cached(`subdistrict-label:${feature.get('nbs_code_2023')}`, () => new ol.style.Style({
      geometry: largestInteriorPoint(feature.getGeometry()),
      text: this.text(this.label(feature), 22, '#f2f7fb'),
    }));
  }

  outlineStyles() {
    return this.cached('outline', () => [
      new ol.style.Style({ stroke: new ol.style.Stroke({ color: 'rgba(56, 225, 255, 0.22)', width: this.px(12) }), zIndex: Z.outline }),
      new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#38e1ff', width: this.px(3.5) }), zIndex: Z.outline }),
    ]);
  }

  creekStyles(feature) {
    const labelled = feature.get('__labelled') === true;
    return this.cached(`creek:${labelled}`, () => [
      new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#1f6fe0', width: this.px(10), lineCap: 'round', lineJoin: 'round' }), zIndex: Z.creek }),
      new ol.style.Style({
        zIndex: Z.creek,
        stroke: new ol.style.Stroke({ color: '#5fb0ff', width: this.px(3.5), lineCap: 'round', lineJoin: 'round' }),
        text: labelled
          ? this.text(this.label(feature), 18, '#9fd0ff', { placement: 'line' })
          : undefined,
      }),
    ]);
  }

  corridorStyle() {
    return this.cached('corridor', () => new ol.style.Style({
      fill: new ol.style.Fill({ color: 'rgba(0, 229, 255, 0.12)' }),
      stroke: new ol.style.Stroke({ color: 'rgba(0, 229, 255, 0.65)', width: this.px(2), lineDash: [this.px(10), this.px(7)] }),
      zIndex: Z.corridor,
    }));
  }

  metroLineStyle(feature) {
    const color = feature.get('color') ?? '#888888';
    return this.cached(`metro:${color}`, () => new ol.style.Style({
      stroke: new ol.style.Stroke({ color: withAlpha(color, 0.7), width: this.px(3) }),
      zIndex: Z.metroLines,
    }));
  }

  stationStyle(feature, resolution) {
    const symbol = this.cached('station', () => new ol.style.Style({
      image: new ol.style.Circle({
        radius: this.px(3.5),
        fill: new ol.style.Fill({ color: '#e8eef4' }),
        stroke: new ol.style.Stroke({ color: '#1b2b3c', width: this.px(1.5) }),
      }),
    }));
    if (resolution > STATION_LABEL_MAX_RESOLUTION / this.scale) {
      return symbol;
    }
    return this.cached(`station:${feature.get('source_station_id')}`, () => new ol.style.Style({
      image: symbol.getImage(),
      text: this.text(this.label(feature), 14, '#cfd9e3', { offsetY: -this.px(14) }),
    }));
  }

  ticketStyle(feature) {
    const status = String(feature.get('status') ?? '');
    const channel = String(feature.get('channel') ?? '');
    return this.cached(`ticket:${status}|${channel}`, () => {
      const fill = new ol.style.Fill({ color: COLORS.ticketStatus[status] ?? COLORS.ticketFallback });
      const stroke = new ol.style.Stroke({ color: COLORS.symbolEdge, width: this.px(1.5) });
      const shape = CHANNEL_SHAPES[channel];
      const radius = this.px(shape?.inner ? 8.5 : 6.5);
      const image = shape
        ? new ol.style.RegularShape({
            points: shape.points,
            radius,
            radius2: shape.inner ? radius * shape.inner : undefined,
            angle: shape.angle,
            fill,
            stroke,
          })
        : new ol.style.Circle({ radius, fill, stroke });
      return new ol.style.Style({ image, zIndex: Z.tickets });
    });
  }

  // Fill says what the reading is; a dashed grey ring around it says the device itself cannot be
  // trusted (stale, offline or low battery), so health reads apart from value.
  sensorStyle(feature) {
    const valueState = feature.get('valueState') ?? 'normal';
    const health = feature.get('health') ?? 'online';
    return this.cached(`sensor:${valueState}|${health}`, () => {
      const abnormal = valueState === 'warning' || valueState === 'alarm';
      const radius = this.px({ warning: 5.5, alarm: 7 }[valueState] ?? 2.5);
      const color = health === 'offline' ? COLORS.offlineFill : COLORS.valueState[valueState] ?? COLORS.valueState.normal;
      const dot = new ol.style.Style({
        image: new ol.style.Circle({
          radius,
          fill: new ol.style.Fill({ color }),
          stroke: abnormal ? new ol.style.Stroke({ color: COLORS.symbolEdge, width: this.px(1.5) }) : undefined,
        }),
        zIndex: { warning: Z.warningSensors, alarm: Z.alarmSensors }[valueState] ?? Z.sensors,
      });
      if (health === 'online') {
        return dot;
      }
      const ring = new ol.style.Style({
        image: new ol.style.Circle({
          radius: radius + this.px(3),
          stroke: new ol.style.Stroke({ color: COLORS.unhealthyRing, width: this.px(1.5), lineDash: [this.px(3), this.px(2)] }),
        }),
        zIndex: dot.getZIndex(),
      });
      return [ring, dot];
    });
  }

  alarmStyle(feature) {
    const severity = feature.get('severity') ?? 'info';
    const acknowledged = feature.get('acknowledged') === true;
    return this.cached(`alarm:${severity}|${acknowledged}`, () => new ol.style.Style({
      image: new ol.style.Circle({
        radius: this.px(SEVERITY_RADIUS[severity] ?? SEVERITY_RADIUS.info),
        fill: new ol.style.Fill({
          color: withAlpha(COLORS.severity[severity] ?? COLORS.severity.info, acknowledged ? 0.45 : 0.95),
        }),
        stroke: new ol.style.Stroke({ color: '#ffffff', width: this.px(acknowledged ? 1.25 : 2.5) }),
      }),
      zIndex: SEVERITY_RADIUS[severity] ?? 0,
    }));
  }

  cameraClusterStyle(cluster) {
    const size = cluster.get('features').length;
    return this.cached(`cluster:${size}`, () => {
      if (size === 1) {
        return this.cameraStyle();
      }
      return new ol.style.Style({
        image: new ol.style.Circle({
          radius: this.px(Math.min(15, 5 + 1.6 * Math.log2(size))),
          fill: new ol.style.Fill({ color: COLORS.cameraCluster }),
          stroke: new ol.style.Stroke({ color: COLORS.cameraClusterEdge, width: this.px(1) }),
        }),
        text: new ol.style.Text({
          text: String(size),
          font: `600 ${this.px(10)}px sans-serif`,
          fill: new ol.style.Fill({ color: COLORS.cameraClusterText }),
        }),
        zIndex: Z.cameras,
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
          radius: this.px(SEVERITY_RADIUS[severity] ?? SEVERITY_RADIUS.info) * (1 + 1.8 * phase),
          stroke: new ol.style.Stroke({
            color: withAlpha(COLORS.severity[severity] ?? COLORS.severity.info, 1 - phase),
            width: this.px(3),
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
    const padding = this.px(HOME_PADDING);
    this.map.getView().fit(this.homeExtent, { padding: [padding, padding, padding, padding], duration });
  }

  // The district view goHome() lands on at the current size: the centre of the district's extent
  // at the resolution that fits it inside the padded map.
  homeView() {
    const view = this.map.getView();
    const [width, height] = this.map.getSize() ?? [0, 0];
    const padding = 2 * this.px(HOME_PADDING);
    const resolution = view.getResolutionForExtent(this.homeExtent, [width - padding, height - padding]);
    return {
      center: ol.proj.toLonLat(ol.extent.getCenter(this.homeExtent)),
      zoom: view.getZoomForResolution(resolution),
    };
  }

  getView() {
    const view = this.map.getView();
    return {
      center: ol.proj.toLonLat(view.getCenter()),
      zoom: view.getZoom(),
      animating: view.getAnimating(),
      home: this.homeView(),
    };
  }

  whenRendered() {
    return new Promise((resolve) => {
      this.map.once('rendercomplete', () => resolve(true));
      this.map.render();
    });
  }

  locate(layer, id) {
    const feature = this.sourceFor(layer)?.getFeatureById(id);
    if (!feature) {
      return null;
    }
    const coordinate = ol.extent.getCenter(feature.getGeometry().getExtent());
    const pixel = this.map.getPixelFromCoordinate(coordinate);
    const [width, height] = this.map.getSize() ?? [0, 0];
    const visible = pixel && pixel[0] >= 0 && pixel[1] >= 0 && pixel[0] < width && pixel[1] < height;
    const { geometry, ...properties } = feature.getProperties();
    return { lonLat: ol.proj.toLonLat(coordinate), pixel: visible ? pixel : null, properties };
  }

  setCorridor(featureCollection) {
    this.sources.corridor.clear(true);
    if (featureCollection) {
      this.sources.corridor.addFeatures(this.format.readFeatures(featureCollection));
    }
  }

  setLayerVisible(layer, visible) {
    const stacked = this.basemap.setVisible(layer, Boolean(visible)) || this.livePoints.setVisible(layer, Boolean(visible));
    const target = this.layers[layer];
    if (!stacked && !target) {
      throw new Error(`twinmap: unknown layer '${layer}'`);
    }
    target?.setVisible(Boolean(visible));
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
    for (const overlay of overlays) this.attachOverlay(overlay);
    this.start();
  }

  attachOverlay(overlay) {
    if (this.connection) {
      overlay.attach({ map: this.map, connection: this.connection, lang: this.lang, px: (size) => this.px(size) });
    }
  }

  async start() {
    if (this.disposed) {
      return;
    }
    try {
      this.awaitingSnapshot = true;
      const connectStart = performance.now();
      await this.connection.start();
      performance.measure('twinmap:hub', { start: connectStart });
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

  // The camera layer comes as a static, cached file (opts.camerasUrl), fetched since the map was
  // created; when that fails the hub's GetCameras sends the same FeatureCollection.
  // Callers (load(), start() and onreconnected) share an attempt in progress.
  loadCameras() {
    this.camerasLoading ??= this.readCameras().finally(() => {
      this.camerasLoading = null;
    });
    return this.camerasLoading;
  }

  async readCameras() {
    if (this.camerasLoaded) {
      return;
    }
    let collection = null;
    if (this.cameraFile) {
      const file = this.cameraFile;
      this.cameraFile = null;
      collection = await file.then(readJson).catch((error) => {
        console.warn('twinmap: camera file failed; asking the hub', error);
        return null;
      });
    }
    if (collection === null && this.connection?.state !== signalR.HubConnectionState.Connected) {
      // Asked again once the hub connects (start() and onreconnected).
      return;
    }
    try {
      collection ??= await this.connection.invoke('GetCameras');
    } catch (error) {
      console.warn('twinmap: GetCameras failed; will retry on reconnect', error);
      return;
    }
    if (this.camerasLoaded || this.disposed) {
      return;
    }
    const parseStart = performance.now();
    const features = this.format.readFeatures(collection);
    this.sources.cameras.clear(true);
    this.sources.aiCameras.clear(true);
    this.sources.cameras.addFeatures(features.filter((f) => f.get('ai') !== true));
    this.sources.aiCameras.addFeatures(features.filter((f) => f.get('ai') === true));
    this.camerasLoaded = true;
    performance.measure('twinmap:cameras', { start: parseStart });
  }

  applySnapshot(snapshot) {
    const start = performance.now();
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
    this.heard();
    performance.measure('twinmap:snapshot', { start });
  }

  // Where a wall's time goes, as performance measures for DevTools and the wall bench: the load's
  // steps (twinmap:basemap, :hub, :cameras, :snapshot) and, during the first minute, every frame
  // that took longer than SLOW_FRAME_MS to compose (twinmap:frame), which on a software-rendered
  // wall is the redraw of the live symbols after their data changed. Only the first minute: the
  // browser keeps every measure, and a wall runs for weeks.
  measureSlowFrames() {
    let composing = 0;
    const keys = [
      this.map.on('precompose', () => {
        composing = performance.now();
      }),
      this.map.on('postcompose', () => {
        if (performance.now() - composing > SLOW_FRAME_MS) {
          performance.measure('twinmap:frame', { start: composing });
        }
      }),
    ];
    setTimeout(() => ol.Observable.unByKey(keys), MEASURE_FRAMES_FOR_MS);
  }

  applyDelta(delta) {
    this.heard();
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
    this.applySensorUpdates(delta.sensorUpdates ?? []);
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
        const wasCritical = isUnacknowledgedCritical(existing);
        for (const key of existing.getKeys()) {
          if (key !== 'geometry' && feature.get(key) === undefined) {
            existing.unset(key);
          }
        }
        existing.setProperties(feature.getProperties());
        // An alarm escalated to critical is as urgent as a new critical one.
        if (layer === 'alarms' && isUnacknowledgedCritical(feature) && !wasCritical) {
          this.onCriticalAlarm(existing);
        }
      } else {
        source.addFeature(feature);
        if (layer === 'alarms' && isUnacknowledgedCritical(feature)) {
          this.onCriticalAlarm(feature);
        }
      }
    }
  }

  // A reading of a sensor the map already has: only the changed properties travel. Most readings
  // leave the symbol as it was (a new value in the same state); those are stored silently, because
  // a change event makes OpenLayers repaint the whole layer's image, and at a thousand readings a
  // second the page spent its time repainting the same picture while deltas queued behind it.
  applySensorUpdates(updates) {
    const sensors = this.sources.sensors;
    for (const { id, ...changed } of updates) {
      const feature = sensors.getFeatureById(id);
      if (!feature) {
        throw new Error(`twinmap: update for unknown sensor ${id}`);
      }
      const restyled = SENSOR_STYLE_KEYS.some((key) => key in changed && changed[key] !== feature.get(key));
      feature.setProperties(changed, !restyled);
    }
  }

  heard() {
    this.lastMessageAt = new Date().toISOString();
    this.updateStale();
  }

  // Stale when the hub is not connected or has been silent for STALE_AFTER_MS: the badge stays up
  // until live data flows again, so the wall never passes old positions off as live.
  updateStale() {
    const connected = this.connection?.state === signalR.HubConnectionState.Connected;
    const silentMs = this.lastMessageAt === null ? Infinity : Date.now() - Date.parse(this.lastMessageAt);
    this.stale = !connected || silentMs > STALE_AFTER_MS;
    const badge = this.staleBadge;
    badge.element.hidden = !this.stale;
    if (this.stale) {
      const zh = this.lang === 'zh';
      const detail = !connected
        ? (zh ? '连接中断' : 'not connected')
        : (zh ? `${Math.round(silentMs / 1000)} 秒无更新` : `no update for ${Math.round(silentMs / 1000)} s`);
      badge.text.textContent = zh ? `地图数据延迟 · ${detail}` : `Map data stale · ${detail}`;
    }
  }

  createStaleBadge() {
    const element = document.createElement('div');
    element.className = 'twinmap-stale';
    element.setAttribute('role', 'status');
    element.dataset.mapStale = '';
    const text = document.createElement('span');
    element.append(text);
    return { element, text, control: new ol.control.Control({ element }) };
  }

  sourceFor(layer, feature) {
    if (layer === 'cameras') {
      return feature?.get('ai') === true ? this.sources.aiCameras : this.sources.cameras;
    }
    return LIVE_LAYERS.includes(layer) ? this.sources[layer] : null;
  }

  getStats() {
    // Fresh, not as of the last timer tick: a snapshot may have arrived just before connecting finished.
    this.updateStale();
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
      stale: this.stale,
      scale: this.scale,
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
      offset: [0, -this.px(POPUP_OFFSET)],
      autoPan: { animation: { duration: 250 } },
    });
    close.addEventListener('click', () => overlay.setPosition(undefined));
    return { overlay, body };
  }

  onClick(event) {
    const hit = this.map.forEachFeatureAtPixel(event.pixel, (feature) => feature, {
      layerFilter: (layer) => layer.get('popup') === true,
      hitTolerance: this.px(HIT_TOLERANCE),
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
    clearInterval(this.staleTimer);
    window.removeEventListener('resize', this.onResize);
    for (const overlay of overlays) overlay.detach();
    this.map.setTarget(undefined);
    if (this.connection) {
      await this.connection.stop();
    }
  }
}

// The properties a sensor's symbol is drawn from (see sensorStyle).
const SENSOR_STYLE_KEYS = ['valueState', 'health'];

// Several vector sources drawn by one image layer. Each part keeps its own source (deltas, hit
// results and counts still name it) and style; it draws at the zIndex its styles carry, and is
// shown or hidden on its own, or only at some resolutions (shownAt). Defined on first use: the
// module may be imported before the page's ol.js has run.
let StackedSource = null;

function stackedSource(parts) {
  StackedSource ??= defineStackedSource();
  return new StackedSource(parts);
}

const defineStackedSource = () => class extends ol.source.Vector {
  constructor(parts) {
    super({ wrapX: false });
    this.partOf = new WeakMap();
    this.resolution = undefined;
    this.parts = parts.map((options) => {
      const part = { visible: true, shownAt: () => true, ...options };
      part.source.on('change', () => this.changed());
      return part;
    });
  }

  // Shows or hides every part under the key; false when no part has it.
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

  // The layer asks for the view's resolution first: a cluster source clusters for it here.
  loadFeatures(extent, resolution, projection) {
    this.resolution = resolution;
    for (const part of this.shownParts()) {
      part.source.loadFeatures(extent, resolution, projection);
    }
  }

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

  styleFor(feature, resolution) {
    return this.partOf.get(feature)?.style(feature, resolution);
  }
};

function isUnacknowledgedCritical(alarm) {
  return alarm.get('severity') === 'critical' && alarm.get('acknowledged') !== true;
}

function wallScale() {
  const fontSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(fontSize) && fontSize > 0 ? fontSize / BASE_FONT_PX : 1;
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

async function fetchJson(url) {
  return readJson(await fetch(url));
}

async function readJson(response) {
  if (!response.ok) {
    throw new Error(`twinmap: ${response.url} answered ${response.status}`);
  }
  return response.json();
}
