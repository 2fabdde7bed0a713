/**
 * `WIJKVERKENNER_PROGRESS=1`: long work (jobs such as an import, a migration) reports its phases
 * on stderr, one line each — `wijkverkenner progress: import.commit rijen 5000/100000` — for
 * scripts that want to follow a long CLI import, and for the crash tests, which wait for a phase
 * and then kill the process there. Off by default; a phase change and a phase's end are always
 * printed, repeats of one phase at most every 200 ms.
 */
const REPEAT_MS = 200;
let last = { key: '', at: 0 };

export function traceProgress(what: string, phase: string, done?: number, total?: number | null): void {
  if (process.env.WIJKVERKENNER_PROGRESS !== '1') return;
  const key = `${what} ${phase}`;
  const now = Date.now();
  const finished = done !== undefined && total !== undefined && total !== null && done >= total;
  if (key === last.key && now - last.at < REPEAT_MS && !finished) return;
  last = { key, at: now };
  const count = done === undefined ? '' : ` ${done}/${total ?? '?'}`;
  process.stderr.write(`wijkverkenner progress: ${key}${count}\n`);
}
