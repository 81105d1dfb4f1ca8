// Lint rules, including the layer rules of DESIGN.md: code is sorted by where it may run.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  name: 'electron',
  message: "Only src-main/index.ts and src-main/electron/ may import 'electron' (tests run without it).",
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
);
