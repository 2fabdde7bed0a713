/**
 * A window event that says "the store changed" (an import was committed, a scenario saved), so
 * views that summarise the store (the status line, lists) fetch again instead of showing old counts.
 */
const EVENT = 'wv-data-changed';

export function notifyDataChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onDataChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
