import { runCli } from './index';

// Entry point of the `wijkverkenner` bin and `npm run cli`.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
