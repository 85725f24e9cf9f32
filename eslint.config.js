// @ts-check
/**
 * ESLint flat config. Besides the usual TypeScript rules, it keeps the rooms of DESIGN.md apart:
 *
 *   shared/         plain TypeScript: no Node, no DOM-only module, no Electron, nothing from main/ or renderer/
 *   main/core/      the engine, plain Node: no Electron
 *   main/*.ts       (ipc.ts, autostart.ts, …) plain Node: no Electron, nothing from main/electron/
 *   main/electron/  the only place that may import 'electron' / 'electron-store'
 *   renderer/       the browser: no Node built-ins, no Electron, nothing from main/
 *   tests, tools    never load Electron (its binary is missing on CI machines), so never main/electron/
 *
 * Bare module names are checked with no-restricted-imports; relative imports are resolved
 * against the importing file by the small local rule `rooms/no-cross-room`, so `../main/x` from
 * renderer/ is caught however deep the file is, and renderer/main.tsx is not mistaken for main/.
 *
 * This file is CommonJS because package.json has no "type": "module".
 */
const path = require('node:path');
const { builtinModules } = require('node:module');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const { defineConfig } = require('eslint/config');
const reactHooks = require('eslint-plugin-react-hooks');
const prettier = require('eslint-config-prettier');
const globals = require('globals');

const ROOT = __dirname;

const reactCompilerAdvice = Object.fromEntries(
  Object.keys(reactHooks.configs.recommended.rules).map((rule) => [rule, 'warn']),
);

/** Node built-ins, bare and with the node: prefix. */
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [m, `node:${m}`]);

const electronOnly = [
  { name: 'electron', message: "Only main/electron/ may import 'electron' (its binary is absent where tests run)." },
  { name: 'electron-store', message: "Only main/electron/ may import 'electron-store' (it loads Electron)." },
];
const electronPatterns = [
  { group: ['electron/*', 'electron-store/*'], message: 'Only main/electron/ may import Electron.' },
];
const nodeOnly = (where) =>
  nodeBuiltins.map((name) => ({ name, message: `${where} runs without Node: no Node built-ins.` }));

/** Folders of the project, most specific first; a file belongs to the first that contains it. */
const ROOMS = [
  ['main/electron', 'main/electron'],
  ['main/core', 'main/core'],
  ['main', 'main'],
  ['shared', 'shared'],
  ['renderer', 'renderer'],
  ['resources', 'resources'],
  ['tests', 'tests'],
  ['scripts', 'scripts'],
  ['bench', 'bench'],
  ['cli', 'cli'],
];
function roomOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  if (rel.startsWith('..')) return null;
  for (const [prefix, room] of ROOMS) if (rel === prefix || rel.startsWith(prefix + '/')) return room;
  return '(root)';
}

/** room -> rooms it may import from with a relative path (itself is always allowed). */
const MAY_IMPORT = {
  shared: [],
  'main/core': ['shared'],
  main: ['main/core', 'shared'],
  'main/electron': ['main', 'main/core', 'shared', 'resources'],
  renderer: ['shared', 'resources'],
  // Tooling (tests, scripts, bench) may share helpers with each other; none may load main/electron.
  tests: ['main', 'main/core', 'shared', 'renderer', 'resources', 'scripts', 'bench', 'cli', '(root)'],
  scripts: ['main', 'main/core', 'shared', 'resources', 'tests', 'bench', '(root)'],
  bench: ['main', 'main/core', 'shared', 'tests', 'scripts'],
  cli: ['main', 'main/core', 'shared'],
  '(root)': ['main', 'main/core', 'shared', 'renderer', 'resources', 'scripts'],
};

/** @type {import('eslint').Rule.RuleModule} */
const noCrossRoom = {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports stay inside the rooms DESIGN.md allows.' },
    schema: [],
    messages: { cross: '{{from}} may not import from {{to}} ("{{source}}"). See DESIGN.md "Architecture".' },
  },
  create(context) {
    const file = context.filename;
    const from = roomOf(file);
    if (!from || !(from in MAY_IMPORT)) return {};
    const allowed = new Set([from, ...MAY_IMPORT[from]]);
    /** @param {any} node */
    function check(node) {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const source = node.value;
      if (!source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source.replace(/[?#].*$/, ''));
      const to = roomOf(target);
      if (to && !allowed.has(to)) context.report({ node, messageId: 'cross', data: { from, to, source } });
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression: (node) => {
        const callee = node.callee;
        const isRequire = callee.type === 'Identifier' && callee.name === 'require';
        const isMock =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'vi' &&
          callee.property.type === 'Identifier' &&
          ['mock', 'doMock', 'importActual'].includes(callee.property.name);
        if (isRequire || isMock) check(node.arguments[0]);
      },
    };
  },
};

/**
 * Inside renderer/, the pages are rooms of their own (the way VS Code keeps its layers apart):
 *
 *   renderer/pages/<page>/   one screen or flow; other pages reach it only through its index.ts
 *   renderer/ui/             the design system (tokens, Button, fields, Notice, …): any page may use it
 *   renderer/data/           the one data layer over window.movesnack: any page may use it
 *   renderer/lib/, illustrations/  plain helpers and pictures
 *   renderer/i18n/           the language layer in React (I18nProvider, useT): any page may use it
 *
 * ui/, data/, lib/, illustrations/ and i18n/ never import a page or the app shell (App, routes), so the
 * shared layers stay below the pages.
 */
const RENDERER_BELOW_PAGES = ['renderer/ui', 'renderer/data', 'renderer/lib', 'renderer/illustrations', 'renderer/i18n'];
const RENDERER_SHELL = ['renderer/App', 'renderer/routes', 'renderer/main', 'renderer/router'];
/** @type {import('eslint').Rule.RuleModule} */
const pageEntry = {
  meta: {
    type: 'problem',
    docs: { description: 'Pages import each other only through index.ts; shared layers never import pages.' },
    schema: [],
    messages: {
      internal: 'Import the page "{{page}}" through its index.ts ("{{suggest}}"), not its file "{{source}}".',
      upward: '{{from}}/ is shared by every page: it may not import a page or the app shell ("{{source}}").',
    },
  },
  create(context) {
    const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');
    const file = rel(context.filename);
    if (!file.startsWith('renderer/')) return {};
    const pageOf = (p) => (/^renderer\/pages\/([^/]+)(\/|$)/.exec(p) || [])[1] ?? null;
    const fromPage = pageOf(file);
    const fromBelow = RENDERER_BELOW_PAGES.find((d) => file.startsWith(d + '/'));
    /** @param {any} node */
    function check(node) {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const source = node.value;
      if (!source.startsWith('.')) return;
      const target = rel(path.resolve(path.dirname(context.filename), source.replace(/[?#].*$/, '')));
      const page = pageOf(target);
      if (fromBelow && (page || RENDERER_SHELL.some((s) => target === s || target.startsWith(s + '.')))) {
        context.report({ node, messageId: 'upward', data: { from: fromBelow, source } });
        return;
      }
      if (!page || page === fromPage) return;
      const entry = `renderer/pages/${page}`;
      if (target === entry || target === `${entry}/index` || target === `${entry}/index.ts`) return;
      let suggest = path.relative(path.dirname(file), entry).split(path.sep).join('/');
      if (!suggest.startsWith('.')) suggest = './' + suggest;
      context.report({ node, messageId: 'internal', data: { page, source, suggest } });
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

const rooms = { rules: { 'no-cross-room': noCrossRoom, 'page-entry': pageEntry } };

module.exports = defineConfig(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'dist-web/',
      'release/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'tests/e2e/screenshots/',
      '.movesnack-dev/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { rooms },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'rooms/no-cross-room': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The preload must not pull runtime code (zod) from shared/ by accident: types stay types.
    files: ['main/electron/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  // Node-side code, tools and configs.
  {
    files: [
      'main/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'cli/**/*.ts',
      '*.config.ts',
      '*.config.js',
      '*.config.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['eslint.config.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // shared/: pure TypeScript for both sides.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronOnly,
            ...nodeOnly('shared/ (also loaded by the renderer)'),
            { name: 'conf', message: 'shared/ does no storage; the engine (main/core) does.' },
            { name: 'node-schedule', message: 'shared/ has no timers; the engine (main/core) does.' },
            { name: 'react', message: 'shared/ has no UI; the renderer does.' },
            { name: 'react-dom', message: 'shared/ may not use DOM-only modules.' },
          ],
          patterns: [
            ...electronPatterns,
            { group: ['react-dom/*', '@testing-library/*'], message: 'shared/ may not use DOM-only modules.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location'].map((name) => ({
          name,
          message: 'shared/ runs in Node too: no DOM globals.',
        })),
        ...['process', 'Buffer', '__dirname', '__filename', 'require', 'global'].map((name) => ({
          name,
          message: 'shared/ runs in the renderer too: no Node globals.',
        })),
      ],
    },
  },
  // main/ outside main/electron: plain Node, Electron-free.
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronOnly,
            { name: 'react', message: 'main/ has no UI.' },
            { name: 'react-dom', message: 'main/ has no UI.' },
          ],
          patterns: electronPatterns,
        },
      ],
    },
  },
  // renderer/: the browser. React hooks rules, no Node, no Electron.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The classic hook rules fail the build; the React Compiler diagnostics that v7 adds to
      // "recommended" (refs, set-state-in-effect, purity, …) flag valid React that we do not
      // compile with the React Compiler, so they are shown as warnings.
      ...reactCompilerAdvice,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'rooms/page-entry': 'error',
      // Product state lives in the engine (DESIGN.md, issue 11 item 4): the renderer keeps none
      // in the browser's storage, where export, backups and the other windows cannot see it.
      'no-restricted-globals': [
        'error',
        ...['localStorage', 'sessionStorage'].map((name) => ({
          name,
          message: 'No product state in the browser: keep it in the engine (settings or profile) through dispatch.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].flatMap((object) =>
          ['localStorage', 'sessionStorage'].map((property) => ({
            object,
            property,
            message: 'No product state in the browser: keep it in the engine (settings or profile) through dispatch.',
          })),
        ),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronOnly,
            ...nodeOnly('renderer/ (a sandboxed browser page)'),
            { name: 'conf', message: 'The renderer never touches storage: ask main through window.movesnack.' },
            { name: 'node-schedule', message: 'The renderer never schedules breaks: the engine does.' },
          ],
          patterns: electronPatterns,
        },
      ],
    },
  },
  // Tests and tools: never load Electron.
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts', 'cli/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { paths: electronOnly, patterns: electronPatterns }],
    },
  },
  {
    files: ['tests/renderer/**/*.{ts,tsx}', 'tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  prettier,
);
