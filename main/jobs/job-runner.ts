import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { JobStatus } from '../../shared/contract/jobs';
import { AppError, toFailure } from '../../shared/errors';
import { traceProgress } from '../app/progress-trace';
import type { AnyJobKind } from './job-types';
import type { JobMessage, JobWorkerData } from './worker-side';

export interface JobRunnerOptions {
  storePath: string;
  kinds: Record<string, AnyJobKind>;
  /** Path of the bundled worker; without one, jobs run on this thread (tests, the CLI). */
  workerPath?: string;
  nativeBinding?: string;
  log?: (message: string) => void;
}

interface Job {
  status: JobStatus;
  startedAt: number;
  cancelFlag: Int32Array;
  worker?: Worker;
  finished: Promise<void>;
}

const CANCEL_GRACE_MS = 5000;
const KEEP_FINISHED = 50;

/**
 * Runs long jobs and keeps their status for polling. In a worker thread the job has its own store
 * connection; cancelling sets a shared flag the job checks between batches (it then rolls back),
 * and the thread is terminated if it does not stop in time — SQLite discards an uncommitted
 * transaction either way, so a cancelled job leaves the store as it was.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly options: JobRunnerOptions) {}

  start(kind: string, input: unknown): string {
    const spec = this.options.kinds[kind];
    if (!spec) throw new AppError('UNKNOWN_CALL', `Unknown job kind ${kind}.`);
    const id = randomUUID();
    const cancel = new SharedArrayBuffer(4);
    const job: Job = {
      status: { id, kind, state: 'running', progress: { phase: 'starten', done: 0, total: null, elapsedMs: 0, etaMs: null } },
      startedAt: Date.now(),
      cancelFlag: new Int32Array(cancel),
      finished: Promise.resolve(),
    };
    this.jobs.set(id, job);
    this.prune();
    job.finished = this.options.workerPath ? this.runInWorker(job, spec, input, cancel) : this.runInline(job, spec, input);
    return id;
  }

  status(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', `No job ${id}.`);
    if (job.status.state === 'running') job.status.progress.elapsedMs = Date.now() - job.startedAt;
    return structuredClone(job.status);
  }

  async cancel(id: string): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', `No job ${id}.`);
    if (job.status.state !== 'running') return this.status(id);
    Atomics.store(job.cancelFlag, 0, 1);
    const timer = setTimeout(() => void job.worker?.terminate(), CANCEL_GRACE_MS);
    await job.finished;
    clearTimeout(timer);
    return this.status(id);
  }

  /** Wait for a job to end (CLI, tests). */
  async wait(id: string): Promise<JobStatus> {
    await this.jobs.get(id)?.finished;
    return this.status(id);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.jobs.keys()].filter((id) => this.jobs.get(id)?.status.state === 'running').map((id) => this.cancel(id)));
  }

  private onProgress(job: Job, phase: string, done: number, total: number | null): void {
    traceProgress(job.status.kind, phase, done, total);
    const elapsedMs = Date.now() - job.startedAt;
    const etaMs = total !== null && done > 0 && total >= done ? Math.round((elapsedMs / done) * (total - done)) : null;
    job.status.progress = { phase, done, total, elapsedMs, etaMs };
  }

  private finish(job: Job, spec: AnyJobKind, outcome: { result: unknown } | { failure: ReturnType<typeof toFailure> }): void {
    job.status.progress.elapsedMs = Date.now() - job.startedAt;
    job.status.progress.etaMs = 0;
    if ('failure' in outcome) {
      if (outcome.failure.ok === false && outcome.failure.error.code === 'CANCELLED') {
        job.status.state = 'cancelled';
        job.status.error = outcome.failure.error;
      } else {
        job.status.state = 'failed';
        job.status.error = outcome.failure.error;
      }
      return;
    }
    const checked = spec.result.safeParse(outcome.result);
    if (!checked.success) {
      this.options.log?.(`job ${job.status.kind} returned a result that breaks its schema: ${checked.error.message}`);
      job.status.state = 'failed';
      job.status.error = { code: 'OUTPUT_INVALID', message: `The result of ${job.status.kind} did not match its schema.` };
      return;
    }
    job.status.state = 'done';
    job.status.result = checked.data;
  }

  private async runInline(job: Job, spec: AnyJobKind, input: unknown): Promise<void> {
    await Promise.resolve();
    try {
      const parsed = spec.input.parse(input);
      const result = await spec.run(parsed as never, {
        storePath: this.options.storePath,
        nativeBinding: this.options.nativeBinding,
        progress: (phase, done, total) => this.onProgress(job, phase, done, total),
        isCancelled: () => Atomics.load(job.cancelFlag, 0) === 1,
      });
      this.finish(job, spec, { result });
    } catch (err) {
      const failure = toFailure(err);
      if (failure.error.code === 'INTERNAL') this.options.log?.(`job ${job.status.kind} failed: ${(err as Error).stack ?? String(err)}`);
      this.finish(job, spec, { failure });
    }
  }

  private runInWorker(job: Job, spec: AnyJobKind, input: unknown, cancel: SharedArrayBuffer): Promise<void> {
    const data: JobWorkerData = { kind: job.status.kind, input, storePath: this.options.storePath, nativeBinding: this.options.nativeBinding, cancel };
    const worker = new Worker(this.options.workerPath as string, { workerData: data });
    job.worker = worker;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: Parameters<JobRunner['finish']>[2]): void => {
        if (settled) return;
        settled = true;
        this.finish(job, spec, outcome);
        resolve();
      };
      worker.on('message', (m: JobMessage) => {
        if (m.type === 'progress') this.onProgress(job, m.phase, m.done, m.total);
        else if (m.type === 'done') settle({ result: m.result });
        else settle({ failure: m.failure });
      });
      worker.on('error', (err) => {
        this.options.log?.(`job worker ${job.status.kind} crashed: ${err.stack ?? err.message}`);
        settle({ failure: toFailure(new AppError('INTERNAL', `The ${job.status.kind} job stopped unexpectedly.`)) });
      });
      worker.on('exit', () => {
        const cancelled = Atomics.load(job.cancelFlag, 0) === 1;
        settle({ failure: toFailure(cancelled ? new AppError('CANCELLED', 'Cancelled; nothing was saved.') : new AppError('INTERNAL', `The ${job.status.kind} job ended without an answer.`)) });
      });
    });
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.status.id);
  }
}

/** Throw this from a job when it sees isCancelled(): the runner reports "cancelled". */
export function cancelled(): AppError {
  return new AppError('CANCELLED', 'Cancelled; nothing was saved.');
}
