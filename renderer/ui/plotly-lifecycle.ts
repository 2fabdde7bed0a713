/**
 * Plotly draws in steps, some after a wait (an auto-margin redraw, fonts still loading). A chart
 * purged before its drawing finished makes the next step read a layout that is gone — a page error
 * ("Cannot read properties of undefined (reading '_redrawFromAutoMarginCount')") when the analyst
 * leaves a screen while its chart is still being drawn. So a chart is purged only after its last
 * drawing settled, and the redraw Plotly queues for when fonts have loaded is called off
 * (Plotly skips it when the div's `_fontLoadToken` is no longer the one it set).
 */
const lastDraw = new WeakMap<object, Promise<unknown>>();

/** Remember a drawing of `el` (Plotly.react / newPlot's promise) so a purge waits for it. */
export function drawing<T>(el: HTMLElement, p: Promise<T>): Promise<T> {
  lastDraw.set(el, p.then(() => undefined, () => undefined));
  return p;
}

/** Purge the chart in `el` (with Plotly.purge, given so this file stays free of Plotly) once its last drawing has settled. */
export function purgeWhenDrawn(el: HTMLElement, purge: (el: HTMLElement) => unknown): Promise<void> {
  const settled = lastDraw.get(el) ?? Promise.resolve();
  return settled.then(() => {
    delete (el as { _fontLoadToken?: unknown })._fontLoadToken;
    purge(el);
  });
}
