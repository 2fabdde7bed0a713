import type { Area, Indicator } from '../../../../shared/contract/model';
import type { Stream } from './draft';
import { updated } from './draft';
import { Provenance, Row, TextInput } from './fields';
import { StreamAfterEnd, StreamAllocation, StreamAmount } from './stream-parts';
import { problemsAt, type Problem } from './validation-nl';

/** One funding stream: amount and period, share, indexation, the rule after its end, and its key. */
export function StreamEditor({
  stream,
  index,
  all,
  areas,
  indicators,
  problems,
  onChange,
  onRemove,
}: {
  stream: Stream;
  index: number;
  all: readonly Stream[];
  areas: readonly Area[];
  indicators: readonly Indicator[];
  problems: readonly Problem[];
  onChange: (s: Stream) => void;
  onRemove: () => void;
}) {
  const at = (p: string) => `streams[${index}]${p}`;
  const set = (change: (s: Stream) => void) => onChange(updated(stream, change));
  const part = { stream, at, problems, set };

  return (
    <fieldset className="stream-card" aria-label={`Regeling ${index + 1}: ${stream.name}`}>
      <legend>
        Regeling {index + 1}: {stream.name || '(zonder naam)'}
      </legend>
      <Row label="Naam en ministerie" problems={[...problemsAt(problems, at('.name')), ...problemsAt(problems, at('.ministry'))]}>
        <TextInput label="Naam van de regeling" value={stream.name} onChange={(v) => set((s) => (s.name = v))} />
        <TextInput label="Ministerie" value={stream.ministry} onChange={(v) => set((s) => (s.ministry = v))} width="lg" />
      </Row>
      <Provenance of={stream} />
      <StreamAmount {...part} />
      <StreamAfterEnd {...part} all={all} />
      <StreamAllocation {...part} areas={areas} indicators={indicators} />
      <div className="card-actions">
        <button type="button" className="link-button" onClick={onRemove}>
          Regeling verwijderen
        </button>
      </div>
    </fieldset>
  );
}
