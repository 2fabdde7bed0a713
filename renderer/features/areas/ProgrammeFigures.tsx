import { useState } from 'react';
import type { Observation } from '../../../shared/contract/model';
import { formatFigure, unitLabel } from '../../../shared/domain/format/figure';
import { periodLabel } from '../../../shared/domain/period';
import { SourcePopover } from '../../ui/SourcePopover';

const THEME_LABEL: Record<string, string> = { wonen: 'Wonen', meedoen: 'Meedoen', veiligheid: 'Veiligheid', financien: 'Financiën', overig: 'Programma' };

/** The letter's figures as a table; each figure is a button that shows where it came from. */
export function ProgrammeFigures({ figures, themeOf }: { figures: Observation[]; themeOf: (code: string) => string }) {
  const [open, setOpen] = useState<Observation | null>(null);
  return (
    <>
      <table className="figures">
        <thead>
          <tr>
            <th>Thema</th>
            <th>Indicator</th>
            <th className="num">Cijfer</th>
            <th>Eenheid</th>
            <th>Periode</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.id}>
              <td className="muted">{THEME_LABEL[themeOf(f.indicatorCode)] ?? ''}</td>
              <td>{f.indicatorName}</td>
              <td className="num">
                <button type="button" className="figure-button" onClick={() => setOpen(f)} title="Toon de herkomst van dit cijfer">
                  {formatFigure(f)}
                </button>
              </td>
              <td className="muted">{unitLabel(f.unit)}</td>
              <td>{periodLabel(f.period)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <SourcePopover observation={open} onClose={() => setOpen(null)} />}
    </>
  );
}
