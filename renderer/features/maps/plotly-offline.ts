/**
 * Plotly's geo subplot fetches a world base map (topojson from cdn.plot.ly) whenever a trace has a
 * `locationmode` — also a choropleth on our own GeoJSON, which needs no base map at all. The app is
 * offline and its CSP forbids the request, so we hand Plotly an empty base map under the name it
 * looks for (`<scope>_<resolution>m`); the geo layout keeps every base layer hidden.
 */
const EMPTY_BASE_MAP = {
  type: 'Topology',
  arcs: [],
  objects: Object.fromEntries(['coastlines', 'land', 'ocean', 'lakes', 'rivers', 'countries', 'subunits'].map((n) => [n, { type: 'GeometryCollection', geometries: [] }])),
};

export const GEO_SCOPE = 'world';
export const GEO_RESOLUTION = 110;

export function registerOfflineBaseMap(): void {
  const w = window as unknown as { PlotlyGeoAssets?: { topojson: Record<string, unknown> } };
  w.PlotlyGeoAssets ??= { topojson: {} };
  w.PlotlyGeoAssets.topojson[`${GEO_SCOPE}_${GEO_RESOLUTION}m`] ??= EMPTY_BASE_MAP;
}
