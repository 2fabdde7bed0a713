/** A small line of an indicator's recent course; gaps where a year has no figure. */
export function Sparkline({ series, width = 84, height = 22 }: { series: { year: number; value: number | null }[]; width?: number; height?: number }) {
  const values = series.map((s) => s.value).filter((v): v is number => v !== null);
  if (values.length < 2) return <span className="muted small">{values.length === 1 ? 'één jaar' : ''}</span>;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (i: number): number => 2 + (i * (width - 4)) / Math.max(1, series.length - 1);
  const y = (v: number): number => (max === min ? height / 2 : height - 3 - ((v - min) * (height - 6)) / (max - min));
  const segments: string[] = [];
  let current: string[] = [];
  series.forEach((s, i) => {
    if (s.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(s.value).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const last = series.map((s, i) => ({ s, i })).filter((p) => p.s.value !== null).pop();
  const label = series.filter((s) => s.value !== null).map((s) => `${s.year}: ${s.value!.toLocaleString('nl-NL')}`).join(', ');
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={`Verloop ${label}`}>
      <title>{label}</title>
      {segments.map((pts) => <polyline key={pts} points={pts} fill="none" stroke="#1f5f8b" strokeWidth={1.5} />)}
      {last && <circle cx={x(last.i)} cy={y(last.s.value!)} r={2.2} fill="#1f5f8b" />}
    </svg>
  );
}
