// Lint guards the layers: shared/ is pure (no Node, Electron, DOM or React), the renderer never
// reaches into main/, and main/ never imports the renderer.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeModules = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'stream', 'better-sqlite3', 'exceljs', 'xlsx', 'iconv-lite', 'papaparse'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'release/**', '.native/**', 'bin/**', '.exp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeModules, message: 'shared/ is pure: no Node modules or native libraries.' },
          { group: ['electron', 'react', 'react-dom', 'react-dom/*'], message: 'shared/ is pure: no Electron, React or DOM.' },
          { group: ['**/main/**', '**/renderer/**'], message: 'shared/ must not import main/ or renderer/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/main/**'], message: 'The renderer talks to main only through the contract (renderer/api/client.ts).' },
          { group: nodeModules, message: 'The renderer runs in a browser: no Node modules.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'main/ must not import the renderer.' }] }],
    },
  },
);
