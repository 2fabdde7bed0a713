// `npm run bench`: speed and memory figures, printed as a table. Never pass/fail: the figures go
// into the issue notes. Each benchmark module returns its own figures.
import { runImportBench } from './import-bench';
import { runScenarioBench } from './scenario-bench';
import { runCompareBench } from './compare-bench';

interface Bench {
  name: string;
  run: () => Promise<Record<string, string | number>>;
}

const benches: Bench[] = [{ name: 'scenario Monte Carlo', run: runScenarioBench }, { name: 'import national CBS workbook', run: runImportBench },
  { name: 'compare areas (20M figures)', run: runCompareBench }];

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const b of benches.filter((x) => !only || x.name.includes(only))) {
    process.stdout.write(`\n== ${b.name}\n`);
    const figures = await b.run();
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k.padEnd(width)}  ${typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : v}\n`);
  }
  process.stdout.write(`\nnode ${process.version}, ${process.platform}/${process.arch}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
