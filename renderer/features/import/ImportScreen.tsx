import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportPreview, ImportRequest } from '../../../shared/contract/import';
import type { MeasureChoice } from '../../../shared/contract/import-choices';
import { call } from '../../api/client';
import { AreasStep } from './AreasStep';
import { CommitStep } from './CommitStep';
import { FileStep } from './FileStep';
import { ImportError } from './ImportError';
import { LayoutStep } from './LayoutStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { SheetStep } from './SheetStep';
import { INITIAL_AREA_POLICY, type AreaPolicyState, type Options } from './types';
import { useImportJob } from './use-import-job';

/**
 * Importeren: a wizard over one preview. Every choice (sheet, layout, mapping, areas) asks the
 * services for a new preview, so each step shows what the import will really do; nothing is written
 * until "Importeren", which runs as a job with a progress bar and a cancel that writes nothing.
 */
export type StepId = 'bestand' | 'blad' | 'indeling' | 'koppeling' | 'gebieden' | 'voorbeeld' | 'importeren';

const STEPS: { id: StepId; label: string }[] = [
  { id: 'bestand', label: 'Bestand' },
  { id: 'blad', label: 'Blad' },
  { id: 'indeling', label: 'Indeling' },
  { id: 'koppeling', label: 'Koppeling' },
  { id: 'gebieden', label: 'Gebieden' },
  { id: 'voorbeeld', label: 'Voorbeeld' },
  { id: 'importeren', label: 'Importeren' },
];

type PreviewState = { status: 'idle' } | { status: 'loading'; last: ImportPreview | null } | { status: 'ok'; value: ImportPreview } | { status: 'error'; error: unknown; last: ImportPreview | null };

export function ImportScreen() {
  const [step, setStep] = useState<StepId>('bestand');
  const [file, setFile] = useState<{ path: string; name: string } | null>(null);
  const [options, setOptions] = useState<Options>({});
  const [measures, setMeasures] = useState<Record<string, MeasureChoice>>({});
  const [areas, setAreas] = useState<AreaPolicyState>(INITIAL_AREA_POLICY);
  const [preview, setPreview] = useState<PreviewState>({ status: 'idle' });
  const [job, startJob, cancelJob, resetJob] = useImportJob();
  const seq = useRef(0);

  const request = useMemo<ImportRequest | null>(
    () =>
      file && {
        filePath: file.path,
        ...options,
        choices: {
          measures: Object.values(measures),
          areas: {
            newAreas: areas.newAreas, fuzzy: 'ask', remember: areas.remember, choices: Object.values(areas.choices),
            ...(areas.under ? { under: areas.under, level: areas.level } : {}),
          },
        },
      },
    [file, options, measures, areas],
  );
  const requestKey = JSON.stringify(request);

  // A new preview for every change: the latest answer wins, earlier ones are dropped.
  useEffect(() => {
    if (!requestKey || requestKey === 'null') return;
    const mine = ++seq.current;
    setPreview((prev) => ({ status: 'loading', last: prev.status === 'ok' ? prev.value : prev.status === 'idle' ? null : prev.last }));
    call('import.preview', JSON.parse(requestKey) as ImportRequest).then(
      (value) => mine === seq.current && setPreview({ status: 'ok', value }),
      (error: unknown) => mine === seq.current && setPreview((prev) => ({ status: 'error', error, last: prev.status === 'loading' ? prev.last : null })),
    );
  }, [requestKey]);

  const current = preview.status === 'ok' ? preview.value : preview.status === 'idle' ? null : preview.last;
  const loading = preview.status === 'loading';
  // A file that cannot be read at all: back to choosing one, with the reason above it.
  const unreadable = preview.status === 'error' && !current;
  useEffect(() => {
    if (unreadable) setStep('bestand');
  }, [unreadable]);

  const chooseFile = useCallback(
    (f: { path: string; name: string }) => {
      resetJob();
      setFile(f);
      setOptions({});
      setMeasures({});
      setAreas(INITIAL_AREA_POLICY);
      setStep('blad');
    },
    [resetJob],
  );

  const restart = useCallback(() => {
    resetJob();
    setFile(null);
    setPreview({ status: 'idle' });
    setStep('bestand');
  }, [resetJob]);

  const index = STEPS.findIndex((s) => s.id === step);
  const committing = job.status === 'running';
  const canGo = (id: StepId): boolean => !committing && (id === 'bestand' || (file !== null && current !== null && (id !== 'importeren' || job.status !== 'idle')));
  const next = STEPS[index + 1];
  const prev = STEPS[index - 1];

  return (
    <div className="screen import-screen">
      <header className="screen-header">
        <h1>Importeren</h1>
        <p className="lede">Spreadsheets van CBS, gemeenten en onderzoeksbureaus: u ziet vooraf wat er wordt opgeslagen, elk cijfer houdt zijn bestand, blad en cel.</p>
      </header>

      <nav aria-label="Stappen van het importeren">
      <ol className="wizard-steps">
        {STEPS.map((s, i) => (
          <li key={s.id} className={s.id === step ? 'current' : i < index ? 'done' : ''}>
            <button type="button" onClick={() => setStep(s.id)} disabled={!canGo(s.id) || s.id === step} aria-current={s.id === step ? 'step' : undefined}>
              <span className="step-no">{i + 1}</span> {s.label}
            </button>
          </li>
        ))}
      </ol>
      </nav>

      {file && step !== 'bestand' && (
        <div className="import-file-bar">
          <span>
            Bestand: <strong>{file.name}</strong>
            {current && current.sheetNames.length > 1 && <> · blad <strong>{current.sheet}</strong></>}
          </span>
          {loading && <span className="muted" role="status">Voorbeeld wordt bijgewerkt…</span>}
          {!committing && (
            <button type="button" className="link-button" onClick={restart}>
              Ander bestand kiezen
            </button>
          )}
        </div>
      )}
      {preview.status === 'error' && step !== 'importeren' && <ImportError error={preview.error} file={file?.name ?? ''} />}

      <section className="wizard-body" aria-live="polite">
        {step === 'bestand' && <FileStep onChosen={chooseFile} />}
        {step !== 'bestand' && !current && loading && <p className="muted" role="status">{file?.name} wordt gelezen…</p>}
        {step === 'blad' && current && <SheetStep preview={current} options={options} onOptions={setOptions} />}
        {step === 'indeling' && current && <LayoutStep preview={current} options={options} onOptions={setOptions} />}
        {step === 'koppeling' && current && <MappingStep preview={current} measures={measures} onMeasures={setMeasures} />}
        {step === 'gebieden' && current && <AreasStep preview={current} policy={areas} onPolicy={setAreas} />}
        {step === 'voorbeeld' && current && (
          <PreviewStep
            preview={current}
            busy={loading}
            onCommit={(saveMappingAs) => {
              if (!request) return;
              startJob({ ...request, expectSha256: current.file.sha256 ?? undefined, ...(saveMappingAs ? { saveMappingAs } : {}) });
              setStep('importeren');
            }}
          />
        )}
        {step === 'importeren' && <CommitStep state={job} file={file?.name ?? ''} onCancel={cancelJob} onRestart={restart} onBack={() => { resetJob(); setStep('voorbeeld'); }} />}
      </section>

      {step !== 'bestand' && step !== 'importeren' && (
        <nav className="wizard-nav" aria-label="Vorige of volgende stap">
          {prev && (
            <button type="button" className="button" onClick={() => setStep(prev.id)}>
              ← {prev.label}
            </button>
          )}
          <span className="spacer" />
          {next && next.id !== 'importeren' && (
            <button type="button" className="button primary" onClick={() => setStep(next.id)} disabled={!current}>
              {next.label} →
            </button>
          )}
        </nav>
      )}
    </div>
  );
}
