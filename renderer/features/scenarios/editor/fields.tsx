import { useId, useState, type ReactNode } from 'react';
import type { NumParam } from '../../../../shared/domain/scenario';
import { centralValue, isRange } from '../../../../shared/domain/scenario';
import { parseNumberToken } from '../../../../shared/domain/numbers/parse-number-token';
import { problemsAt, type Problem } from './validation-nl';
import { formatDecimal, formatPlain } from '../../../../shared/domain/format/number';

/** How a parameter is shown: in euro millions, percent, years, dwellings … (stored in base units). */
export interface UnitSpec {
  label: string;
  /** Stored value = shown value × scale (euro shown in millions: 1e6). */
  scale?: number;
  integer?: boolean;
  /** No thousands separator (years: 2028, not 2.028). */
  plain?: boolean;
  min?: number;
  max?: number;
}

export const UNITS = {
  mln: { label: '€ mln', scale: 1e6, min: 0 },
  euro: { label: '€', min: 0 },
  pct: { label: '%', min: 0, max: 100 },
  pctOpen: { label: '%', min: 0 },
  indexation: { label: '% per jaar', min: -100 },
  years: { label: 'jaar', min: 0, max: 20 },
  dwellings: { label: 'woningen', min: 0 },
  dwellingsPerYear: { label: 'woningen per jaar', min: 0 },
  weight: { label: 'gewicht', min: 0 },
} satisfies Record<string, UnitSpec>;


/** Dutch reading of what was typed: "85,33", "1.400", "−12"; empty is "no value". */
export function parseTyped(text: string): number | undefined | null {
  const t = text.trim().replace(/\s/g, ' ');
  if (t === '') return undefined;
  const token = parseNumberToken(t, ',');
  return token ? Number(token.canonical) : null;
}

export function toStored(shown: number, scale = 1): number {
  return scale === 1 ? shown : Math.round(shown * scale * 100) / 100;
}

/**
 * A number typed the Dutch way. It keeps the analyst's text while they type; a text that is not a
 * number is passed on as NaN, so validation names it and nothing runs with a stale value.
 */
export function NumberInput({
  value,
  onChange,
  unit,
  optional = false,
  label,
  invalid = false,
  placeholder,
  width = 'md',
}: {
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  unit?: UnitSpec;
  optional?: boolean;
  label: string;
  invalid?: boolean;
  placeholder?: string;
  width?: 'sm' | 'md' | 'lg';
}) {
  const scale = unit?.scale ?? 1;
  const shown = value === undefined || Number.isNaN(value) ? '' : (unit?.plain ? formatPlain : formatDecimal)(value / scale, 6);
  const [text, setText] = useState<string | null>(null);
  const bad = text !== null && parseTyped(text) === null;
  return (
    <input
      className={`num-input w-${width}${invalid || bad ? ' invalid' : ''}`}
      inputMode="decimal"
      aria-label={label}
      aria-invalid={invalid || bad}
      placeholder={placeholder}
      value={text ?? shown}
      onFocus={() => setText(shown)}
      onBlur={() => setText(bad ? text : null)}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        const n = parseTyped(t);
        if (n === undefined) onChange(optional ? undefined : Number.NaN);
        else if (n === null) onChange(Number.NaN);
        else onChange(unit?.integer ? Math.round(n) : toStored(n, scale));
      }}
    />
  );
}

export function FieldErrors({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-errors" role="alert">
      {problems.map((p) => (
        <li key={`${p.path}:${p.message}`}>{p.message}</li>
      ))}
    </ul>
  );
}

/** One labelled row of the form: label, control(s), errors below. */
export function Row({ label, children, problems = [], hint }: { label: string; children: ReactNode; problems?: readonly Problem[]; hint?: ReactNode }) {
  return (
    <div className="form-row">
      <div className="form-label">{label}</div>
      <div className="form-control">
        <div className="form-inline">{children}</div>
        {hint && <div className="form-hint">{hint}</div>}
        <FieldErrors problems={problems} />
      </div>
    </div>
  );
}

export function YearInput({ value, onChange, label, optional = false }: { value: number | undefined; onChange: (v: number | undefined) => void; label: string; optional?: boolean }) {
  return <NumberInput value={value} onChange={onChange} unit={{ label: 'jaar', integer: true, plain: true }} optional={optional} label={label} width="sm" placeholder={optional ? 'geen' : undefined} />;
}

export function Select<T extends string>({ value, options, onChange, label }: { value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void; label: string }) {
  return (
    <select className="select" aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function TextInput({ value, onChange, label, width = 'lg', mono = false }: { value: string; onChange: (v: string) => void; label: string; width?: 'sm' | 'md' | 'lg' | 'xl'; mono?: boolean }) {
  return <input className={`text-input w-${width}${mono ? ' mono' : ''}`} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />;
}

type Prov = { source?: string | undefined; status?: 'te bevestigen' | undefined; note?: string | undefined };

/** Where a figure comes from, and whether the analyst still has to confirm it. */
export function Provenance({ of, onConfirm }: { of: Prov | undefined; onConfirm?: (() => void) | undefined }) {
  if (!of || (!of.source && !of.status && !of.note)) return null;
  return (
    <div className="provenance-line">
      {of.status === 'te bevestigen' && (
        <>
          <span className="badge confirm-badge" title="De brief geeft dit cijfer niet; het is een aanname die u moet bevestigen of aanpassen">
            te bevestigen
          </span>
          {onConfirm && (
            <button type="button" className="link-button" onClick={onConfirm}>
              Bevestigen
            </button>
          )}
        </>
      )}
      {of.source && (
        <span className="source-tag" title={of.source}>
          Bron: {of.source}
        </span>
      )}
      {of.note && <span className="note">{of.note}</span>}
    </div>
  );
}

function withoutStatus(p: NumParam): NumParam {
  if (typeof p === 'number') return p;
  const { status: _status, ...rest } = p;
  return rest as NumParam;
}

/**
 * A numeric parameter: a fixed value, or a range (low–high, uniform or triangular) for Monte Carlo.
 * Typing a value makes it the analyst's own figure: the letter's source and "te bevestigen" go.
 */
export function ParamField({
  label,
  path,
  param,
  onChange,
  unit,
  problems,
  optional = false,
  hint,
}: {
  label: string;
  path: string;
  param: NumParam | undefined;
  onChange: (p: NumParam | undefined) => void;
  unit: UnitSpec;
  problems: readonly Problem[];
  optional?: boolean;
  hint?: ReactNode;
}) {
  const id = useId();
  const mine = problemsAt(problems, path);
  const ranged = param !== undefined && isRange(param);
  const prov = typeof param === 'object' ? param : undefined;
  const toggle = () => {
    if (param === undefined) return;
    const c = centralValue(param);
    if (ranged) onChange(Number.isFinite(c) ? c : 0);
    else {
      const spread = Math.abs(c) * 0.2;
      const clamp = (x: number) => Math.min(unit.max ?? Infinity, Math.max(unit.min ?? -Infinity, x));
      const r = (x: number) => (unit.integer ? Math.round(x) : Math.round(x * 100) / 100);
      onChange({ low: r(clamp(c - spread)), high: r(clamp(c + spread)), dist: 'triangular', mode: r(c) });
    }
  };
  const setRange = (patch: Partial<Extract<NumParam, { low: number }>>) => {
    if (!ranged) return;
    const next = { ...param, ...patch };
    if (next.dist === 'uniform') delete next.mode;
    delete next.status;
    delete next.source;
    onChange(next);
  };
  return (
    <div className="form-row" data-path={path}>
      <div className="form-label" id={id}>
        {label}
      </div>
      <div className="form-control">
        <div className="form-inline" role="group" aria-labelledby={id}>
          {!ranged && (
            <NumberInput
              label={label}
              value={param === undefined ? undefined : centralValue(param)}
              onChange={(v) => onChange(v === undefined ? undefined : v)}
              unit={unit}
              optional={optional}
              invalid={mine.length > 0}
              placeholder={optional ? 'geen' : undefined}
            />
          )}
          {ranged && (
            <>
              <NumberInput label={`${label}: ondergrens`} value={param.low} onChange={(v) => setRange({ low: v ?? Number.NaN })} unit={unit} width="sm" invalid={mine.length > 0} />
              <span className="dash">tot</span>
              <NumberInput label={`${label}: bovengrens`} value={param.high} onChange={(v) => setRange({ high: v ?? Number.NaN })} unit={unit} width="sm" invalid={mine.length > 0} />
            </>
          )}
          <span className="unit">{unit.label}</span>
          {ranged && (
            <>
              <Select
                label={`${label}: verdeling`}
                value={param.dist}
                options={[
                  { value: 'triangular', label: 'driehoekig' },
                  { value: 'uniform', label: 'uniform' },
                ]}
                onChange={(dist) => setRange(dist === 'triangular' ? { dist, mode: (param.low + param.high) / 2 } : { dist })}
              />
              {param.dist === 'triangular' && (
                <>
                  <span className="dash">modus</span>
                  <NumberInput label={`${label}: modus`} value={param.mode} onChange={(v) => setRange({ mode: v })} unit={unit} width="sm" optional />
                </>
              )}
            </>
          )}
          {param !== undefined && (
            <button type="button" className="link-button" onClick={toggle} title={ranged ? 'Eén vaste waarde gebruiken' : 'Een onzekere waarde: ondergrens, bovengrens en verdeling (voor Monte Carlo en tornado)'}>
              {ranged ? 'vaste waarde' : 'bandbreedte'}
            </button>
          )}
        </div>
        {hint && <div className="form-hint">{hint}</div>}
        <Provenance of={prov} onConfirm={prov?.status ? () => param !== undefined && onChange(withoutStatus(param)) : undefined} />
        <FieldErrors problems={mine} />
      </div>
    </div>
  );
}
