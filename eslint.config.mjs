// The layers of DESIGN.md, enforced: data flows files → frontends → model → rules → findings → (LSP | CLI).
// Frontends know syntax, never rules; rules know the model, never syntax trees or parsers; nothing under
// server/ knows VS Code; the client talks to the server through the shared protocol module only.
import tseslint from 'typescript-eslint';

/** Parsers and syntax-tree libraries: only frontends (and the build) may load them. */
const PARSERS = [
  'ts-morph',
  'typescript',
  'web-tree-sitter',
  'tree-sitter-python',
  '@mrleebo/prisma-ast',
  '@prisma/prisma-schema-wasm',
  '@codemirror/*',
  '@lezer/*',
  'node-sql-parser',
];

const NO_VSCODE = [{ name: 'vscode', message: 'The server runs outside VS Code: only the client imports vscode.' }];

/** An import rule for files of one layer: which folders (as path globs) and packages they must not import. */
const layer = (files, folders, packages, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        ...(files.every((glob) => glob.startsWith('server/')) ? { paths: NO_VSCODE } : {}),
        patterns: [...(folders.length ? [{ group: folders, message }] : []), ...(packages.length ? [{ group: packages, message }] : [])],
      },
    ],
  },
});

const server = (folder) => `**/server/src/${folder}`;

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.e2e-cache/**',
      '.test-output/**',
      'test/fixtures/**',
      'test/**/fixtures/**',
      'examples/**',
      'bench/real/checkouts/**',
      '**/*.expected',
    ],
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // Long message strings live in the checks' templates; everything else stays readable side by side.
      'max-len': [
        'error',
        {
          code: 140,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreUrls: true,
          ignoreComments: false,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
  { files: ['server/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: NO_VSCODE }] } },
  layer(
    ['server/src/protocol/**/*.ts'],
    ['../*', '!../protocol/**', '**/server/src/*', '!**/server/src/protocol/**'],
    [],
    'The protocol is shared with the client: it imports nothing but itself.',
  ),
  layer(
    ['server/src/model/**/*.ts'],
    [server('frontends/**'), '**/frontends/**', '**/rules/**', '**/workspace/**', '**/lsp/**', '**/cli/**'],
    PARSERS,
    'The model is plain data and the queries rules ask of it: it knows no parser, frontend, rule or front end.',
  ),
  layer(
    ['server/src/frontends/**/*.ts'],
    ['**/rules/**', '**/workspace/**', '**/lsp/**', '**/cli/**'],
    [],
    'Frontends know syntax, never rules: they write facts, and turn fix plans into edits.',
  ),
  layer(
    ['server/src/rules/**/*.ts'],
    ['**/frontends/**', '**/workspace/**', '**/lsp/**', '**/cli/**'],
    PARSERS,
    'Rules see the project model only: no syntax tree, no parser, no frontend.',
  ),
  layer(['server/src/workspace/**/*.ts'], ['**/lsp/**', '**/cli/**'], [], 'The engine serves the LSP and the CLI; it imports neither.'),
  layer(['server/src/lsp/**/*.ts'], ['**/cli/**'], [], 'The LSP and the CLI are two ends of one engine.'),
  layer(['server/src/cli/**/*.ts'], ['**/lsp/**'], [], 'The LSP and the CLI are two ends of one engine.'),
  layer(
    ['client/**/*.ts'],
    ['**/server/src/*', '!**/server/src/protocol', '**/server/src/*/**', '!**/server/src/protocol/**'],
    PARSERS,
    'The client talks to the server through server/src/protocol/ only.',
  ),
);
