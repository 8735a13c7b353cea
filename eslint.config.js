// Lint config. Besides the usual rules it enforces Crux's process layers
// (../shared/STYLE.md "Layers"): each folder may import only what its layer allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Builds a no-restricted-imports rule that explains the layering it enforces. */
function layer(message, patterns, paths = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message })),
        patterns: patterns.map((group) => ({ group: [group], message })),
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', '.tmp/', 'docs/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/**/test-support/**'],
    rules: layer(
      'Bad layering. shared/ is pure TypeScript used by every process: no DOM, no Electron, no Node built-ins, nothing from electron/, renderer/, server/ or cli/.',
      ['**/electron/**', '**/renderer/**', '**/server/**', '**/cli/**', 'electron', 'electron/*'],
      nodeBuiltins,
    ),
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer(
      'Bad layering. renderer/ never imports electron or electron/ (it reaches the main process only through the preload API client), nor server/, cli/ or Node built-ins: the same renderer runs in a plain browser.',
      ['**/electron/**', 'electron', 'electron/*', '**/server/**', '**/cli/**'],
      nodeBuiltins,
    ),
  },
  {
    files: ['renderer/editor/**/*.ts'],
    rules: layer(
      'Bad layering. renderer/editor and renderer/graph never import each other: they meet in the Y.Doc and the UI-state store.',
      ['**/graph/**', '**/electron/**', 'electron', 'electron/*', '**/server/**', '**/cli/**'],
      nodeBuiltins,
    ),
  },
  {
    files: ['renderer/graph/**/*.ts'],
    rules: layer(
      'Bad layering. renderer/editor and renderer/graph never import each other: they meet in the Y.Doc and the UI-state store.',
      ['**/editor/**', '**/electron/**', 'electron', 'electron/*', '**/server/**', '**/cli/**'],
      nodeBuiltins,
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: layer('Bad layering. electron/ does not import the renderer, the CLI or the standalone server entry.', [
      '**/renderer/**',
      '**/cli/**',
    ]),
  },
  {
    files: ['server/**/*.ts'],
    rules: layer('Bad layering. server/ imports shared/ only, nothing from the UI or the Electron main process.', [
      '**/renderer/**',
      '**/electron/**',
      'electron',
      '**/cli/**',
    ]),
  },
  {
    // Size limits (issue 14): a file a newcomer can read, a function they can hold in mind.
    files: ['**/*.ts', '**/*.js'],
    ignores: ['**/*.test.ts', 'e2e/**', '**/test-support/**'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 150 }],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: layer('Bad layering. cli/ is plain Node: it may use shared/ and server/, never Electron or the renderer.', [
      '**/renderer/**',
      '**/electron/**',
      'electron',
    ]),
  },
);
