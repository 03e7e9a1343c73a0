// Lint rules, including the architecture's dependency rules (docs/architecture.md), with messages
// a newcomer understands.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const otherModuleInternals = {
  regex: '^\\.\\./[a-z-]+/(?!index\\.ts$)(?![a-z-]+\\.schema\\.ts$)[^/]+$',
  message: 'Reach another module only through its index.ts (schema files may be referenced for foreign keys).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'tmp/**', 'coverage/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.property.name="raw"][callee.object.name="sql"] > TemplateLiteral[expressions.length>0]', message: 'Do not build SQL from values: use the sql`` tag with parameters.' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/**', '**/web/**'], message: 'Shared code runs in Node and the browser: it must not import server or web code.' },
          { group: ['node:*', 'react', 'react-dom', 'drizzle-orm', 'drizzle-orm/*', 'fastify', 'pg'], message: 'Shared code has no Node, React or database dependencies.' },
        ],
      }],
    },
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/**', '**/db/**'], message: 'The web reaches the server only over HTTP (src/web/api/client.ts).' },
          { group: ['node:*', 'drizzle-orm', 'drizzle-orm/*', 'fastify', 'pg'], message: 'This code runs in the browser.' },
          { group: ['**/shared/contracts/**'], allowTypeImports: true, message: 'Import only types from contracts (import type …): their runtime schemas belong to the server.' },
        ],
      }],
    },
  },
  {
    files: ['src/server/platform/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/modules/**'], message: 'The platform has no domain words: it must not import domain modules.' }],
      }],
    },
  },
  {
    files: ['src/server/modules/*/**'],
    ignores: ['src/server/modules/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherModuleInternals] }] },
  },
  {
    files: ['src/server/modules/*/*.routes.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [otherModuleInternals, { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Routes never run SQL: call the service or the module’s queries.' }],
      }],
    },
  },
);
