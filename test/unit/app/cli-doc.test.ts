import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../../main/cli/index';
import { repoRoot } from '../../helpers/real-data';

describe('docs/cli.md', () => {
  it('is the CLI\'s own --help (run `npm run docs:cli` after changing a command)', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs/cli.md'), 'utf8');
    expect(doc).toContain(helpText());
  });
});
