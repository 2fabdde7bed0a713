import type { Area } from '../../../../shared/contract/model';
import type { ScenarioRun } from '../../../../shared/contract/scenario';
import type { Draft } from '../editor/draft';
import type { McState } from '../use-monte-carlo';
import { AreaLines, StreamBars } from './FundingCharts';
import { HousingResults } from './HousingResults';
import { ResultsGrid } from './ResultsGrid';
import { RunSummary } from './RunSummary';
import { UncertaintyPanel } from './UncertaintyPanel';

/** Everything one run produced: what made it, charts, the full table, housing, uncertainty. */
export function ResultsView({
  run,
  definition,
  definitionKey,
  stale,
  baselineName,
  areas,
  mc,
  onStartMc,
  onCancelMc,
}: {
  run: ScenarioRun;
  /** The definition this run was made with. */
  definition: Draft;
  definitionKey: string;
  stale: boolean;
  baselineName: string | null;
  areas: readonly Area[];
  mc: McState;
  onStartMc: () => void;
  onCancelMc: () => void;
}) {
  const r = run.result;
  const hasFunding = r.funding.length > 0;
  return (
    <div className="results" aria-label="Resultaten">
      {stale && (
        <p className="notice" role="status">
          U hebt het scenario gewijzigd na deze berekening. Reken opnieuw door om de resultaten bij te werken.
        </p>
      )}
      <RunSummary run={run} baselineName={baselineName} />
      {hasFunding && (
        <>
          <div className="two-col">
            <StreamBars run={run} baselineName={baselineName} />
            <AreaLines run={run} areas={areas} />
          </div>
          <ResultsGrid run={run} areas={areas} />
        </>
      )}
      {r.housing.length > 0 && (
        <section className="inner" aria-labelledby="housing-results">
          <h3 id="housing-results">Woningverbetering</h3>
          <HousingResults run={run} areas={areas} />
        </section>
      )}
      <section className="inner" aria-labelledby="uncertainty-results">
        <h3 id="uncertainty-results">Onzekerheid: banden en tornado</h3>
        <UncertaintyPanel run={run} draft={definition} draftKey={definitionKey} areas={areas} mc={mc} onStart={onStartMc} onCancel={onCancelMc} />
      </section>
    </div>
  );
}
