// Lint rules, including the layer rules: code is sorted by where it may run. Only the Electron
// shell imports 'electron'; src-shared imports no other layer and no Node built-in; the renderer
// and the cloud reach the desktop only through the contract; the bottom of the core (platform,
// db) imports none of the core's features.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  name: 'electron',
  message:
    "Only src-main/index.ts and src-main/electron/ may import 'electron' (tests run without it).",
};
// Each deployable is its own package: the desktop and the cloud share only src-shared and src-node.
const desktopNotCloud = {
  group: ['**/src-cloud/**'],
  message: 'src-main never imports the cloud server; Node code both use lives in src-node/.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShell], patterns: [desktopNotCloud] },
      ],
    },
  },
  {
    // The bottom of the core: every feature may use platform and db, so they use no feature
    // (nor the core's top: index.ts, config.ts, dispatch.ts). Seen from a file in either folder,
    // any `../<name>` other than `../platform` and `../db` is a feature (or the top).
    files: ['src-main/core/platform/**/*.ts', 'src-main/core/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            desktopNotCloud,
            {
              regex: '^\\.\\.(/\\.\\./core)?(/?$|/(?!(platform|db)(/|$))[^./])',
              message:
                "Bad layering: core/platform and core/db are the bottom of the core and import no feature (nor the core's top). Move the thing they need down, or pass it in.",
            },
          ],
        },
      ],
    },
  },
  {
    // The shell's modules take Electron objects as parameters so tests can pass fakes;
    // only type imports of 'electron' are allowed there.
    files: ['src-main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [desktopNotCloud] }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ ...electronOnlyInShell, allowTypeImports: true }] },
      ],
    },
  },
  {
    // Tests read whatever JSON a server answered.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src-main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [desktopNotCloud] }] },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The contract and pure rules run everywhere: no Node built-ins, no other layer.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['node:*'], message: 'src-shared must not use Node built-ins.' },
            {
              group: [
                '**/src-main/**',
                '**/src-node/**',
                '**/src-renderer/**',
                '**/src-preload/**',
                '**/src-cloud/**',
              ],
              message: 'src-shared imports nothing from the other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // The cloud server runs elsewhere, on Node: it shares the contract and the Node home,
    // nothing of the desktop.
    files: ['src-cloud/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**', '**/src-preload/**'],
              message: 'src-cloud imports only src-shared and src-node (and its packages).',
            },
          ],
        },
      ],
    },
  },
  {
    // Node code of the desktop and the cloud alike (logger, error envelope, server flags): it
    // builds on the contract and belongs to neither deployable.
    files: ['src-node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: [
                '**/src-main/**',
                '**/src-renderer/**',
                '**/src-preload/**',
                '**/src-cloud/**',
              ],
              message: 'src-node imports only src-shared (and packages both deployables declare).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser window.' },
            {
              group: ['**/src-main/**', '**/src-node/**', '**/src-preload/**', '**/src-cloud/**'],
              message: 'The renderer talks to the main process only through its api client.',
            },
          ],
        },
      ],
    },
  },
  {
    // The consumer web app runs in a phone's browser and talks only to the cloud's consumer
    // endpoints. The shared schemas come in as types: at run time they would ship zod to 4G phones.
    files: ['src-consumer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyInShell,
            {
              name: 'zod',
              message: 'The phone gets no zod: import its types only.',
              allowTypeImports: true,
            },
            {
              name: 'antd-mobile',
              message:
                "Import each component (antd-mobile/es/components/<name>): the index pulls every one's styles.",
            },
          ],
          patterns: [
            { group: ['node:*'], message: 'The consumer app runs in a phone browser.' },
            {
              group: [
                '**/src-main/**',
                '**/src-node/**',
                '**/src-renderer/**',
                '**/src-preload/**',
                '**/src-cloud/**',
              ],
              message: 'The consumer app talks to the cloud only through its api client.',
            },
            {
              group: [
                '**/src-shared/sync/endpoints',
                '**/src-shared/sync/wallet',
                '**/src-shared/contract/*',
              ],
              message: 'Schemas are types here (they would ship zod): use `import type`.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
