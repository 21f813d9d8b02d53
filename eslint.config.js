import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { noImportCycle } from './scripts/eslint/noImportCycle.mjs';

// Layering (docs/ARCHITECTURE.md): shared/ is pure TypeScript, renderer/ reaches the system only
// through window.mixlab, only electron/ touches Node and Electron, and the engine and the CLI run
// without Electron. These zones fail the lint; test/eslint.config.test.ts checks that each bites.
const nodeModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'stream',
  'zlib',
  'url',
];

/**
 * Zones between folders, checked on resolved paths by import-x/no-restricted-paths: a specifier does
 * not name the folder it reaches (from electron/engine, electron/main is '../main'). Paths are
 * relative to this file; a zone applies to the files under `target` importing anything under `from`.
 */
const folderZones = [
  {
    target: ['electron/engine', 'electron/cli', 'electron/common'],
    from: ['electron/main', 'electron/preload'],
    message:
      'The engine, the CLI and electron/common run in plain Node (the engine also in utilityProcess), ' +
      'so they cannot import electron/main or electron/preload: move what both sides need to ' +
      'electron/common (Node) or shared/ (pure TypeScript).',
  },
  {
    target: 'electron/engine',
    from: 'electron/cli',
    message:
      'The CLI is built on the engine, not the other way round: move the helper into electron/engine ' +
      'or electron/common.',
  },
  {
    target: 'electron/common',
    from: ['electron/engine', 'electron/cli'],
    message:
      'electron/common lies under the engine and the CLI and imports only shared/ and Node: move the ' +
      'helper down into electron/common or shared/.',
  },
  {
    target: 'electron/preload',
    from: '.',
    except: ['./electron/preload', './shared/api.ts', './shared/errors.ts', './node_modules'],
    message:
      'The preload runs in every window: it imports only electron and shared/api.ts (and ' +
      'shared/errors.ts). Put the work in electron/main behind a window.mixlab call.',
  },
  {
    // Everything but the kernels' own folder and the tests, which test internals at their mirrored paths.
    target: [
      'electron',
      'renderer',
      'scripts',
      'shared/*.ts',
      'shared/!(engine)/**',
      'shared/engine/*.ts',
      'shared/engine/!(compute)/**',
    ],
    from: 'shared/engine/compute',
    except: ['./index.ts'],
    message:
      'Import the row kernels only through shared/engine/compute (its index.ts): export what you need ' +
      'there rather than reaching into steps, js/ or wasm/.',
  },
];

/** The Node-only folders: no `electron` module, nor its subpaths ('electron/main', …). */
const withoutElectron = {
  regex: '^electron(/|$)',
  message:
    'electron/engine, electron/cli and electron/common run in plain Node (the engine also in ' +
    'utilityProcess): keep Electron APIs in electron/main and pass the engine what it needs in messages.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
    },
  },
  {
    plugins: { 'import-x': importX, mixlab: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: {
      // Over the whole tree, and type-only imports count: a cycle through `import type` is still two
      // modules that cannot be understood or moved apart (import-x/no-cycle cannot count them; see
      // scripts/eslint/noImportCycle.mjs).
      'mixlab/no-import-cycle': 'error',
    },
  },
  {
    // The folder zones concern source folders only: tests import internals at their mirrored paths.
    files: ['electron/**', 'renderer/**', 'shared/**', 'scripts/**'],
    settings: {
      // Relative, extensionless specifiers as the bundlers resolve them; no network, no tsconfig paths.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.vue', '.mjs', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: folderZones }],
    },
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/cli/**/*.ts', 'electron/common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [withoutElectron] }] },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$)[^.]',
              message:
                'The preload runs sandboxed in every window: of the packages and Node modules it imports ' +
                'only electron. Put the work in electron/main behind a window.mixlab call.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeModules],
              message: 'shared/ is pure TypeScript: no Node or Electron.',
            },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.vue'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeModules],
              message: 'The renderer is sandboxed: reach the system through window.mixlab.',
            },
            { group: ['**/electron/**'], message: 'renderer/ imports only shared/ and itself.' },
          ],
        },
      ],
    },
  },
);
