#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build` (scripts/build.mjs) into dist/main/cli.cjs.
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!fs.existsSync(entry)) {
  process.stderr.write('wijkverkenner: the CLI is not built yet; run `npm run build` (or use `npm run cli -- ...`).\n');
  process.exit(2);
}
require(entry);
