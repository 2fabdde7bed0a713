// Minimal typing for the prebuilt Plotly bundle: the parts we call.
declare module 'plotly.js-dist-min' {
  export type Data = Record<string, unknown>;
  export type Layout = Record<string, unknown>;
  export type Config = Record<string, unknown>;
  export function react(root: HTMLElement, data: Data[], layout?: Layout, config?: Config): Promise<HTMLElement>;
  export function newPlot(root: HTMLElement, data: Data[], layout?: Layout, config?: Config): Promise<HTMLElement>;
  export function purge(root: HTMLElement): void;
  export function toImage(root: HTMLElement, opts: { format: 'png' | 'svg'; width?: number; height?: number; scale?: number }): Promise<string>;
  const Plotly: { react: typeof react; newPlot: typeof newPlot; purge: typeof purge; toImage: typeof toImage };
  export default Plotly;
}
