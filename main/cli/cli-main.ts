import { runCli } from './index';
import { quietOnClosedOutput } from './closed-output';

// Entry point of the `wijkverkenner` bin and `npm run cli`.
quietOnClosedOutput(process);
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
