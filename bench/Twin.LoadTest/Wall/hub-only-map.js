// The wall bench's stand-in for wwwroot-assets/js/twinmap.js in the memory step (c): it connects to
// the twin hub as the map does and takes every snapshot, delta and fleet, but draws nothing. The
// server cannot tell it from the real map, so each wall still costs the server its circuit and its
// hub connection, while fifty of them fit in one browser on 2 cores.
let connection = null;
const state = { connected: false, snapshots: 0, seq: null };

export function addOverlay() {}

export async function init(elementId, options, dotnetRef) {
  connection = new signalR.HubConnectionBuilder().withUrl(options?.hubUrl ?? '/hubs/twin').withAutomaticReconnect().build();
  connection.on('Snapshot', (snapshot) => {
    state.snapshots++;
    state.seq = snapshot.seq;
  });
  connection.on('Delta', (delta) => {
    state.seq = delta.seq;
  });
  connection.on('Drones', () => {});
  await connection.start();
  state.connected = true;
  dotnetRef?.invokeMethodAsync('OnMapConnectionChanged', 'connected');
}

export async function dispose() {
  await connection?.stop();
}

export function setLayerVisible() {}

export function getStats() {
  return state;
}
