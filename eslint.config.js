import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Every feature folder there is, so a new one is guarded as soon as it exists. */
const FEATURES = readdirSync(new URL('src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The layer arrows of the architecture: each layer imports only the layers below it. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const uiLibraries = (why) => [
  { group: ['react', 'react-dom', 'react-dom/*', 'react-router', 'zustand', 'dexie', 'markdown-it'], message: why },
];
const packages = (names, why) => [{ group: names.flatMap((name) => [name, `${name}/*`]), message: why }];
const above = (layers, why) => [
  { group: layers.flatMap((name) => (name.startsWith('../') ? [name, `${name}/**`] : [`**/${name}`, `**/${name}/**`])), message: why },
];

/** Tables whose rows only src/db/derived.ts writes: the truth it keeps in step, what it derives from it, and the uids of answers deleted. */
const KEPT_IN_STEP = 'cards|reviewLog|importedPacks|answeredQuestions|studyDays|dayAnswers|briefListings|deletedEntries';
const WRITES = 'add|put|update|delete|clear|bulkAdd|bulkPut|bulkUpdate|bulkDelete|modify';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'tests/e2e/artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.strict },
  layer(['src/domain/**'], [
    ...uiLibraries('The domain is pure TypeScript: no React, Dexie or UI libraries.'),
    ...above(['app', 'features', 'components', 'stores', 'db', 'catalog', 'sync'], 'The domain imports nothing of ours but the domain.'),
  ]),
  layer(['src/db/**'], above(['app', 'features', 'components', 'catalog', 'sync'], 'The database layer imports only the domain.')),
  layer(['src/catalog/**'], above(['app', 'features', 'components', 'sync'], 'The catalog imports only the domain and the database.')),
  layer(['src/sync/**'], [
    ...packages(['react', 'react-dom', 'react-router', 'zustand', 'dexie'], 'Sync is an adapter: it reaches the database through src/db, and draws no UI.'),
    ...above(['app', 'features', 'components'], 'Sync imports only the catalog, the database and the domain.'),
  ]),
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/derived.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${WRITES})$/] > MemberExpression.callee MemberExpression[property.name=/^(${KEPT_IN_STEP})$/]`,
          message: 'Writes to the log, the cards, the listings and the rows derived from them go through src/db/derived.ts, which keeps them in step.',
        },
      ],
    },
  },
  layer(['src/components/**'], [
    ...above(['app', 'features', 'db', 'catalog', 'sync'], 'Shared UI takes data as props; it imports only the domain.'),
    ...packages(['zustand', 'dexie'], 'Shared UI holds no store and reads no database: it takes data as props.'),
  ]),
  ...FEATURES.map((feature) =>
    layer(
      [`src/features/${feature}/**`],
      [
        ...above(
          ['app', ...FEATURES.filter((other) => other !== feature).flatMap((other) => [`features/${other}`, `../${other}`])],
          'A feature never imports another feature or the app shell: move shared parts to components/ or the domain.',
        ),
        ...packages(['dexie'], 'Features reach the database through the functions of src/db, which keep its rules.'),
      ],
    ),
  ),
);
