import { describe, expect, it } from 'vitest';
import { drawing, purgeWhenDrawn } from '../../../renderer/ui/plotly-lifecycle';

/**
 * Leaving a screen while its chart is still being drawn: Plotly's next step must not find its
 * layout purged (CI saw "reading '_redrawFromAutoMarginCount'" as a page error).
 */
describe('purging a chart only after its drawing settled', () => {
  const chart = () => ({ _fontLoadToken: {} as unknown }) as unknown as HTMLElement & { _fontLoadToken?: unknown };

  it('waits for the pending drawing, then calls off the font redraw and purges', async () => {
    const el = chart();
    let finish: () => void = () => undefined;
    void drawing(el, new Promise<void>((resolve) => (finish = resolve)));
    const purged: HTMLElement[] = [];
    const done = purgeWhenDrawn(el, (x) => purged.push(x));
    await Promise.resolve();
    await Promise.resolve();
    expect(purged).toEqual([]);
    expect(el._fontLoadToken).toBeDefined();
    finish();
    await done;
    expect(purged).toEqual([el]);
    expect('_fontLoadToken' in el).toBe(false);
  });

  it('purges after a drawing that failed, and at once when nothing was drawn', async () => {
    const failed = chart();
    void drawing(failed, Promise.reject(new Error('WebGL'))).catch(() => undefined);
    const purged: HTMLElement[] = [];
    await purgeWhenDrawn(failed, (x) => purged.push(x));
    const never = chart();
    await purgeWhenDrawn(never, (x) => purged.push(x));
    expect(purged).toEqual([failed, never]);
  });
});
