import { useMemo, useState } from 'react';
import type { ImportPreview } from '../../../shared/contract/import';
import type { AreaReviewItem } from '../../../shared/contract/import-preview';
import type { AreaChoice } from '../../../shared/contract/import-choices';
import { useCall } from '../../ui/use-call';
import { nl } from './labels';
import type { AreaPolicyState } from './types';

const STATUS_NL: Record<AreaReviewItem['status'], string> = {
  fuzzy: 'lijkt op',
  ambiguous: 'meerdere gebieden',
  unknown: 'onbekend',
  new: 'nieuw, wordt aangemaakt',
  not_created: 'nieuw, wordt niet aangemaakt',
  chosen: 'door u gekozen',
};
const SHOW = 200;

/** Step 5: how the file's areas are matched; close matches to confirm, unknown ones to link, create or skip. */
export function AreasStep({ preview, policy, onPolicy }: { preview: ImportPreview; policy: AreaPolicyState; onPolicy: (p: AreaPolicyState) => void }) {
  const a = preview.areas;
  const [areas] = useCall('areas.list', {});
  const choose = (label: string, choice: AreaChoice | null): void => {
    const choices = { ...policy.choices };
    if (choice) choices[label] = choice;
    else delete choices[label];
    onPolicy({ ...policy, choices });
  };
  const options = useMemo(() => (areas.status === 'ok' ? areas.value.filter((x) => x.kind !== 'neighbourhood') : []), [areas]);
  const municipalities = useMemo(() => options.filter((x) => x.kind === 'municipality').sort((x, y) => x.name.localeCompare(y.name, 'nl')), [options]);
  // A file that names its areas without codes (a municipal monitor): they can become areas of one gemeente.
  const namesOnly = !a.codeColumn && !a.codeRow && (a.nameColumn !== null || a.nameRow !== null);
  const decided = Object.keys(policy.choices).length;

  if (preview.layout === 'dictionary') {
    return (
      <div className="step">
        <h2>Gebieden</h2>
        <p>Een woordenlijst noemt geen gebieden; er is hier niets te kiezen.</p>
      </div>
    );
  }
  return (
    <div className="step">
      <h2>Gebieden</h2>
      <ul className="counts">
        <li>
          <strong>{nl(a.matched)}</strong> herkend
        </li>
        <li>
          <strong>{nl(a.created)}</strong> nieuw ({policy.under ? 'CBS-code of naam' : 'CBS-code'}), {policy.newAreas === 'create' ? 'worden aangemaakt' : 'worden niet aangemaakt'}
        </li>
        <li className={a.needsConfirmation > 0 ? 'warn' : ''}>
          <strong>{nl(a.needsConfirmation)}</strong> te bevestigen
        </li>
        <li className={a.unmatched > 0 ? 'warn' : ''}>
          <strong>{nl(a.unmatched)}</strong> niet herkend
        </li>
        <li>
          <strong>{nl(a.skippedRows)}</strong> totaal- of restrijen overgeslagen
        </li>
      </ul>
      <p className="muted small">
        Gelezen uit {a.codeColumn ? `kolom ${a.codeColumn} (codes)` : a.codeRow ? `rij ${a.codeRow} (codes)` : ''}
        {a.codeColumn && a.nameColumn ? ' en ' : ''}
        {a.nameColumn ? `kolom ${a.nameColumn} (namen)` : a.nameRow ? ` rij ${a.nameRow} (namen)` : ''}
        {a.within ? `; namen gezocht binnen gemeente ${a.within}` : ''}.
      </p>
      <div className="form-inline">
        <label className="check">
          <input type="checkbox" checked={policy.newAreas === 'create'} onChange={(e) => onPolicy({ ...policy, newAreas: e.target.checked ? 'create' : 'skip' })} />
          Gebieden met een CBS-code die nog niet in het project staan aanmaken (met gemeente en wijk uit de code)
        </label>
      </div>
      {(namesOnly || policy.under) && (
        <div className="form-inline" data-testid="named-areas">
          <label>
            Namen zonder code aanmaken als gebieden van gemeente{' '}
            <select aria-label="Gemeente van de namen" value={policy.under ?? ''} onChange={(e) => onPolicy({ ...policy, under: e.target.value || null })}>
              <option value="">— niet aanmaken —</option>
              {municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name} ({m.code})
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            als{' '}
            <select aria-label="Niveau van de nieuwe gebieden" value={policy.level} disabled={!policy.under} onChange={(e) => onPolicy({ ...policy, level: e.target.value as AreaPolicyState['level'] })}>
              <option value="buurt">buurt</option>
              <option value="wijk">wijk</option>
              <option value="eigen">eigen indeling</option>
            </select>
          </label>
          <span className="muted small"> Namen die lijken op een bestaand gebied blijven te bevestigen; ze worden niet dubbel aangemaakt.</span>
        </div>
      )}
      <div className="form-inline">
        <label className="check">
          <input type="checkbox" checked={policy.remember} onChange={(e) => onPolicy({ ...policy, remember: e.target.checked })} />
          Bevestigde en gekoppelde namen onthouden, zodat het volgende bestand ze meteen herkent
        </label>
      </div>

      {a.review.length === 0 ? (
        <p className="notice ok">Alle gebieden zijn herkend{a.created > 0 ? ' of worden aangemaakt' : ''}; er is niets te bevestigen.</p>
      ) : (
        <>
          <h3>
            Na te lopen ({nl(a.reviewTotal)}){decided > 0 && <span className="muted"> · {decided} door u beslist</span>}
          </h3>
          <datalist id="area-options">
            {options.map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </datalist>
          <div className="table-scroll tall-scroll">
            <table className="figures dense review-table sticky-head">
              <thead>
                <tr>
                  <th>In het bestand</th>
                  <th>Cel</th>
                  <th className="num">Rijen</th>
                  <th>Status</th>
                  <th>Wordt</th>
                  <th>Uw keuze</th>
                </tr>
              </thead>
              <tbody>
                {a.review.slice(0, SHOW).map((item) => (
                  <ReviewRow key={`${item.status}:${item.label}`} item={item} choice={policy.choices[item.label]} onChoose={(c) => choose(item.label, c)} />
                ))}
              </tbody>
            </table>
          </div>
          {a.review.length > SHOW && <p className="muted small">De eerste {SHOW} van {nl(a.reviewTotal)}.</p>}
        </>
      )}
    </div>
  );
}

function ReviewRow({ item, choice, onChoose }: { item: AreaReviewItem; choice: AreaChoice | undefined; onChoose: (c: AreaChoice | null) => void }) {
  const [code, setCode] = useState('');
  const value = choice ? (choice.action === 'use' ? `use:${choice.code}` : choice.action) : '';
  const candidates = item.candidates.length > 0 ? item.candidates : item.code && item.status === 'fuzzy' ? [{ code: item.code, name: item.code, score: 1 }] : [];
  const select = (v: string): void => {
    if (v === '') onChoose(null);
    else if (v === 'skip' || v === 'create') onChoose({ label: item.label, action: v });
    else onChoose({ label: item.label, action: 'use', code: v.slice(4) });
  };
  const canCreate = item.status === 'new' || item.status === 'not_created';
  return (
    <tr>
      <td>
        <strong>{item.label}</strong>
        {item.name && item.name !== item.label && <span className="muted"> {item.name}</span>}
      </td>
      <td className="mono">{item.cell}</td>
      <td className="num">{nl(item.rows)}</td>
      <td>
        <span className={item.status === 'new' || item.status === 'chosen' ? 'badge' : 'badge confirm-badge'}>{STATUS_NL[item.status]}</span>
      </td>
      <td className="mono">{item.code ?? ''}</td>
      <td>
        <div className="form-inline">
          <select className="select" aria-label={`Keuze voor ${item.label}`} value={value} onChange={(e) => select(e.target.value)}>
            <option value="">{canCreate ? 'volgens de instelling hierboven' : 'nog niet gekozen (niet importeren)'}</option>
            {candidates.map((c) => (
              <option key={c.code} value={`use:${c.code}`}>
                {item.status === 'fuzzy' && c.code === item.code ? 'bevestigen: ' : ''}
                {c.name} ({c.code})
              </option>
            ))}
            {choice?.action === 'use' && !candidates.some((c) => c.code === choice.code) && <option value={`use:${choice.code}`}>{choice.code}</option>}
            {canCreate && <option value="create">aanmaken</option>}
            <option value="skip">overslaan</option>
          </select>
          {(item.status === 'unknown' || item.status === 'ambiguous' || item.status === 'not_created') && (
            <>
              <input className="text-input w-md" list="area-options" placeholder="code of naam" aria-label={`Gebied voor ${item.label}`} value={code} onChange={(e) => setCode(e.target.value)} />
              <button type="button" className="button" disabled={!code.trim()} onClick={() => onChoose({ label: item.label, action: 'use', code: code.trim() })}>
                Koppelen
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
