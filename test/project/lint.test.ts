// The house's lint, run as part of `npm test`: the import boundaries of DESIGN.md's layers and the
// line length. The second half shows the boundaries bite: a deliberate violation in each layer is
// linted as if it were a file of that layer, and must fail with the layer's message.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** The messages ESLint gives a file of the given path and text, as "rule: message". */
async function lint(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: join(root, path) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('lint', () => {
  test('the sources, tests, scripts and benches lint clean', async () => {
    const results = await eslint.lintFiles(['server', 'client', 'test', 'scripts', 'bench']);
    const problems = results.flatMap((result) =>
      result.messages.map((message) => `${result.filePath.slice(root.length + 1)}:${message.line} ${message.ruleId}: ${message.message}`),
    );
    assert.deepEqual(problems, []);
  });

  test('the sources are formatted (npm run format)', () => {
    const prettier = join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
    const globs = ['{server,client,test,bench}/**/*.ts', 'scripts/**/*.{mjs,ts}', 'eslint.config.mjs'];
    const run = spawnSync(process.execPath, [prettier, '--list-different', ...globs], { cwd: root, encoding: 'utf8' });
    assert.equal(run.stdout.trim(), '', 'files that `npm run format` would change');
    assert.equal(run.status, 0, run.stderr);
  });

  const violations: Array<[string, string, string, RegExp]> = [
    [
      'a rule importing a parser',
      'server/src/rules/n-plus-one/probe.ts',
      "import { Project } from 'ts-morph';\n",
      /Rules see the project model only/,
    ],
    [
      'a rule importing a frontend',
      'server/src/rules/n-plus-one/probe.ts',
      "import { x } from '../../frontends/python';\n",
      /Rules see the project model only/,
    ],
    [
      'a frontend importing a rule',
      'server/src/frontends/python/probe.ts',
      "import { x } from '../../rules/n-plus-one';\n",
      /Frontends know syntax, never rules/,
    ],
    ['the model importing a parser', 'server/src/model/probe.ts', "import Parser from 'web-tree-sitter';\n", /The model is plain data/],
    [
      'the engine importing the LSP',
      'server/src/workspace/probe.ts',
      "import { x } from '../lsp/session';\n",
      /The engine serves the LSP and the CLI/,
    ],
    ['the server importing vscode', 'server/src/lsp/probe.ts', "import * as vscode from 'vscode';\n", /only the client imports vscode/],
    [
      'the client importing server internals',
      'client/src/probe.ts',
      "import { x } from '../../server/src/model/types';\n",
      /through server\/src\/protocol\/ only/,
    ],
  ];
  for (const [what, path, text, message] of violations) {
    test(`fails on ${what}`, async () => {
      const messages = await lint(path, text);
      assert.ok(
        messages.some((line) => line.startsWith('no-restricted-imports:') && message.test(line)),
        `expected a boundary error, got: ${messages.join('; ') || 'nothing'}`,
      );
    });
  }

  test('the same imports are allowed where the layers permit them', async () => {
    assert.deepEqual(await lint('server/src/frontends/typescript/probe.ts', "import { Project } from 'ts-morph';\n"), []);
    assert.deepEqual(await lint('client/src/probe.ts', "import { x } from '../../server/src/protocol/messages';\n"), []);
  });
});
