// Lint, including the layering rule: a failing build beats a comment. See STYLE.md "Layers".
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)];
const message = (layer, why) => `${layer} layering: ${why} (see STYLE.md "Layers")`;

const renderer = {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: message('renderer/', 'Node built-ins are not available; cross the preload bridge') })),
    { name: 'electron', message: message('renderer/', 'use window.scp through renderer/api, never electron') },
    { name: 'better-sqlite3', message: message('renderer/', 'no database access in the renderer') },
    { name: 'kysely', message: message('renderer/', 'no database access in the renderer') },
    { name: 'docx', message: message('renderer/', 'documents are built in main') },
  ],
  patterns: [
    { group: ['**/db/*', '**/db'], message: message('renderer/', 'may not import db/') },
    { regex: '^#db/', message: message('renderer/', 'may not import db/') },
    { group: ['**/templates/*'], message: message('renderer/', 'may not import templates/') },
    { regex: '^#templates/', message: message('renderer/', 'may not import templates/') },
    { group: ['**/electron/*'], message: message('renderer/', 'may not import electron/') },
    { group: ['node:*'], message: message('renderer/', 'Node built-ins are not available') },
    {
      regex: '(^#shared/ipc/|/shared/ipc/)',
      allowTypeImports: true,
      message: message('renderer/', 'the IPC contract may only be imported with `import type`'),
    },
  ],
};

const sharedRule = {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: message('shared/', 'must stay pure: no Node built-ins') })),
    ...['electron', 'react', 'react-dom', 'better-sqlite3', 'kysely', 'docx'].map((name) => ({
      name,
      message: message('shared/', `must stay pure: no ${name}`),
    })),
  ],
  patterns: [
    { group: ['node:*'], message: message('shared/', 'must stay pure: no Node built-ins') },
    { group: ['**/db/*', '**/templates/*', '**/electron/*', '**/renderer/*'], message: message('shared/', 'imports nothing from other layers') },
    { regex: '^#(db|templates)/', message: message('shared/', 'imports nothing from other layers') },
    { group: ['react/*', 'react-dom/*', 'kysely/*', 'electron/*'], message: message('shared/', 'must stay pure') },
  ],
};

const dbRule = {
  paths: [
    { name: 'electron', message: message('db/', 'may not import electron') },
    { name: 'react', message: message('db/', 'may not import react') },
    { name: 'docx', message: message('db/', 'may not import docx') },
  ],
  patterns: [
    { group: ['**/templates/*', '**/electron/*', '**/renderer/*'], message: message('db/', 'may import only shared/') },
    { regex: '^#templates/', message: message('db/', 'may import only shared/') },
  ],
};

const templatesRule = {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: message('templates/', 'builds documents from data; files are written by main') })),
    ...['electron', 'react', 'better-sqlite3', 'kysely'].map((name) => ({ name, message: message('templates/', `may not import ${name}`) })),
  ],
  patterns: [
    { group: ['node:*'], message: message('templates/', 'files are written by main') },
    { group: ['**/db/*', '**/electron/*', '**/renderer/*'], message: message('templates/', 'may import only shared/') },
    { regex: '^#db/', message: message('templates/', 'may import only shared/') },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'tests/docs/output/**', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', renderer],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  { files: ['shared/**/*.ts'], ignores: ['shared/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', sharedRule] } },
  { files: ['db/**/*.ts'], ignores: ['db/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', dbRule] } },
  { files: ['templates/**/*.ts'], ignores: ['templates/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', templatesRule] } },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', __dirname: 'readonly' },
    },
  },
);
