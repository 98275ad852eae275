// The page's global builds, loaded before the modules: OpenLayers' full build (lib/ol/ol.js) and
// the SignalR client (lib/signalr/signalr.min.js). Their namespaces differ from the npm modules'
// typings, so they are checked as `any`; the map's own types are in the modules' JSDoc.
declare const ol: any;
declare const signalR: any;

/** A .NET object reference that Blazor's JS interop hands to a module (DotNetObjectReference). */
interface DotNetReference {
  invokeMethodAsync(method: string, ...args: unknown[]): Promise<unknown>;
}
