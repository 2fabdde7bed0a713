import { periodLabel } from '../../shared/domain/period';
import { useEffect } from 'react';
import { onDataChanged } from './data-events';
import { useCall } from './use-call';
import { formatCount } from '../../shared/domain/format/number';

/** The open store and what it holds, always visible at the bottom; refreshed when the store changes. */
export function StatusLine({ screen }: { screen: string }) {
  const [info, reload] = useCall('app.info', {});
  useEffect(() => onDataChanged(reload), [reload]);
  useEffect(() => reload(), [screen, reload]);
  if (info.status !== 'ok') return <footer className="status-line">{info.status === 'error' ? 'Geen verbinding met de opslag' : ' '}</footer>;
  const v = info.value;
  return (
    <footer className="status-line">
      <span title={v.storePath}>Project: {v.storePath.split(/[\\/]/).pop()}</span>
      <span>{formatCount(v.counts.areas)} gebieden</span>
      <span>{formatCount(v.counts.observations)} cijfers</span>
      <span>{formatCount(v.counts.sources)} bronnen</span>
      {v.latestPeriod && <span>Laatste periode: {periodLabel(v.latestPeriod)}</span>}
      <span className="spacer" />
      <span className="muted">{v.shell === 'web' ? 'Browser' : 'Desktop'} · versie {v.appVersion}</span>
    </footer>
  );
}
