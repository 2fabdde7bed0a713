import { spawn } from 'node:child_process';
import { repoRoot } from '../../helpers/real-data';

export interface KillRun {
  /** The phase line the kill was aimed at was seen (else the CLI ended first). */
  reached: boolean;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/**
 * Run the bundled CLI with WIJKVERKENNER_PROGRESS=1, wait until a line of its stderr matches
 * `at`, wait `delayMs` more, and SIGKILL it — no cleanup, no rollback, no exit handlers, as a
 * power cut or the OOM killer would end it.
 */
export function killAt(bundle: string, argv: string[], at: RegExp, delayMs = 0, timeoutMs = 120_000): Promise<KillRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...argv], { cwd: repoRoot, env: { ...process.env, WIJKVERKENNER_PROGRESS: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let reached = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not reach ${at} in ${timeoutMs} ms: ${stderr.slice(-2000)}`));
    }, timeoutMs);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!reached && stderr.split('\n').some((l) => at.test(l))) {
        reached = true;
        const kill = (): boolean => child.kill('SIGKILL');
        if (delayMs > 0) setTimeout(kill, delayMs);
        else kill();
      }
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ reached, signal, code, stderr });
    });
  });
}

/** How many times each crash case runs: 1 in CI; WV_CRASH_REPEAT=20 for the local soak. */
export const REPEAT = Math.max(1, Number(process.env.WV_CRASH_REPEAT ?? 1));
