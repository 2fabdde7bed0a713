import { jobKinds } from '../jobs/registry';
import { serveJob } from '../jobs/worker-side';

// The worker thread for long jobs (imports, Monte Carlo): bundled to dist/main/jobs.worker.cjs.
void serveJob(jobKinds);
