import type { BriefingLayout } from '../../../shared/domain/briefing';

/**
 * The table as it will read in the letter: the same layout every file is drawn from, in house style
 * (caption, unit heading, header, group and total rows, footnotes, legend of CBS signs, source line).
 */
export function BriefingPreview({ layout }: { layout: BriefingLayout }) {
  const n = layout.columns.length + 1;
  const flagged = new Set(layout.disclosure.flags.map((f) => `${f.rowId}\u0000${f.columnId}`));
  return (
    <div className="briefing-paper">
      <table className="briefing-table" aria-label="Voorbeeld van de tabel">
        <caption>
          <strong>{layout.title}</strong>
          {layout.subtitle && <span className="briefing-subtitle">{layout.subtitle}</span>}
        </caption>
        <thead>
          {layout.unitHeading && (
            <tr>
              <th colSpan={n} className="briefing-unit">
                {layout.unitHeading}
              </th>
            </tr>
          )}
          <tr>
            <th className="stub">{layout.stubHeader}</th>
            {layout.columns.map((c) => (
              <th key={c.id} className="num">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((r) => (
            <tr key={r.id} className={`row-${r.kind}`}>
              <th scope="row" className="stub">
                {r.label}
              </th>
              {r.cells.map((c, i) => {
                const col = layout.columns[i];
                const isFlagged = col ? flagged.has(`${r.id}\u0000${col.id}`) : false;
                return (
                  <td key={col?.id ?? i} className={`${c.align === 'right' ? 'num' : ''}${isFlagged ? ' flagged' : ''}`} title={isFlagged ? `Klein aantal (< ${layout.disclosure.threshold}) op buurtniveau` : undefined}>
                    {c.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="briefing-notes">
        {layout.footnotes.map((f) => (
          <p key={f.marker}>
            {f.marker} {f.text}
          </p>
        ))}
        {layout.legend.map((l) => (
          <p key={l.sign}>
            <span className="legend-sign">{l.sign}</span> {l.text}
          </p>
        ))}
        <p className="briefing-source">{layout.sourceLine}</p>
      </div>
    </div>
  );
}
