import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/model/types';
import { defineCheck } from '../../server/src/rules/check';
import { defineRule } from '../../server/src/rules/rule';
import { Analyzer } from '../../server/src/workspace/analyzer';
import { parseConfig } from '../../server/src/workspace/config';
import { discoverFiles, excludeMatcher, readSource } from '../../server/src/workspace/files';
import { decodeSource, MAX_FILE_BYTES } from '../../server/src/workspace/decode';
import { applySuppressions, suppressedIds } from '../../server/src/workspace/suppression';
import { tempProject } from '../support/temp-project';

const project = (files: Record<string, string | Buffer>) => tempProject(files, 'stackscope-engine-');

const docs = { what: '', why: '', example: '', instead: '' };
const secondLine = defineCheck({
  rule: 'insecure-session',
  name: 'second-line',
  severity: 'warning',
  summary: 'test check',
  stacks: ['django'],
  messages: { only: 'line two' },
  docs,
});
const boom = defineCheck({
  rule: 'middleware-order',
  name: 'boom',
  severity: 'error',
  summary: 'crashes',
  stacks: ['django'],
  messages: { only: 'never' },
  docs,
});

/** A rule that reports the second line of every Python file: lets the engine be tested without real rules. */
const everyPythonFile = defineRule({
  id: 'insecure-session',
  summary: 'test rule',
  checks: [secondLine],
  run: (model, report) => {
    for (const f of model.files.values()) {
      if (f.language === 'python')
        report(secondLine, { file: f.file, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } });
    }
  },
});

const crashing = defineRule({
  id: 'middleware-order',
  summary: 'crashes',
  checks: [boom],
  run: () => {
    throw new Error('boom');
  },
});

describe('file discovery and reading', () => {
  it('skips vendored folders and honours excludes, including whole folders', () => {
    const root = project({
      'app/models.py': 'x = 1\n',
      'node_modules/lib/index.js': 'x\n',
      '.venv/lib/site.py': 'x\n',
      'legacy/old.py': 'x\n',
      'README.md': '# hi\n',
    });
    const rel = (files: string[]) => files.map((f) => f.slice(root.length + 1));
    assert.deepEqual(rel(discoverFiles(root, excludeMatcher([]))), ['app/models.py', 'legacy/old.py']);
    assert.deepEqual(rel(discoverFiles(root, excludeMatcher(['legacy']))), ['app/models.py']);
    assert.deepEqual(rel(discoverFiles(root, excludeMatcher(['**/old.py']))), ['app/models.py']);
  });

  it('refuses binary and huge files with a reason, and reads non-UTF-8 text as Latin-1 with a warning', () => {
    assert.deepEqual(decodeSource(Buffer.from([0x61, 0x00, 0x62])), {
      ok: false,
      skip: { kind: 'binary', reason: 'binary file (contains NUL bytes)' },
    });
    assert.deepEqual(decodeSource(Buffer.from([0x61, 0xff, 0xfe, 0x62])), {
      ok: true,
      text: 'aÿþb',
      warning: { message: 'not valid UTF-8; read as Latin-1', line: 0 },
    });
    assert.deepEqual(decodeSource(Buffer.from('café = 1\n')), { ok: true, text: 'café = 1\n' });
    const root = project({ 'big.py': Buffer.alloc(MAX_FILE_BYTES + 1, 0x61) });
    const read = readSource(join(root, 'big.py'));
    assert.equal(read.ok, false);
    assert.match((read as { skip: { reason: string } }).skip.reason, /larger than the 2 MB limit/);
  });
});

describe('config', () => {
  it('accepts rule severities, excludes and query functions', () => {
    const { config, problems } = parseConfig({
      rules: { 'insecure-session': 'error', 'middleware-order': 'off' },
      exclude: ['legacy/**'],
      queryFunctions: ['getEntityOrThrow'],
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { 'insecure-session': 'error', 'middleware-order': 'off' },
      exclude: ['legacy/**'],
      queryFunctions: ['getEntityOrThrow'],
    });
  });

  it('reports every mistake in a sentence, at its place in the JSON, and keeps what is valid', () => {
    const { config, problems } = parseConfig({ rules: { 'no-such-rule': 'warning', 'insecure-session': 'loud' }, exclude: 'x', extra: 1 });
    assert.deepEqual(config, { rules: {}, exclude: [], queryFunctions: [] });
    assert.deepEqual(problems, [
      {
        message: 'unknown key "extra" (known: "rules", "exclude", "queryFunctions", "contexts", "overrides", "baseline")',
        path: ['extra'],
        part: 'key',
      },
      {
        message: '"rules": unknown rule or check "no-such-rule" (`stackscope rules` lists them)',
        path: ['rules', 'no-such-rule'],
        part: 'key',
      },
      { message: '"rules": "insecure-session" must be one of off, error, warning, info, hint', path: ['rules', 'insecure-session'] },
      { message: '"exclude" must be an array of glob strings', path: ['exclude'] },
    ]);
  });

  it('reads path overrides, and refuses one without files or with an empty glob', () => {
    const { config, problems } = parseConfig({
      overrides: [{ files: ['legacy/**'], rules: { 'n-plus-one': 'off' } }, { rules: {} }, { files: ['', 'a/**'], extra: true }],
    });
    assert.deepEqual(config.overrides, [
      { files: ['legacy/**'], rules: { 'n-plus-one': 'off' } },
      { files: ['a/**'], rules: {} },
    ]);
    assert.deepEqual(problems, [
      { message: '"overrides[1]" needs "files", the globs it applies to', path: ['overrides', 1] },
      { message: '"overrides[2]": unknown key "extra" (known: "files", "rules")', path: ['overrides', 2, 'extra'], part: 'key' },
      { message: '"overrides[2].files": an empty pattern matches nothing', path: ['overrides', 2, 'files', 0] },
    ]);
  });
});

describe('checks', () => {
  it('render their templates and refuse a report that leaves a placeholder empty', () => {
    const check = defineCheck({
      rule: 'n-plus-one',
      name: 't',
      severity: 'hint',
      summary: 's',
      stacks: ['django'],
      messages: { one: '`{{ read }}` per {{row}}' },
      docs,
    });
    assert.equal(check.id, 'n-plus-one/t');
    assert.equal(check.text('one', { read: 'book.author', row: 'Book' }), '`book.author` per Book');
    assert.throws(() => check.text('one', { read: 'x' }), /needs "row"/);
  });

  it('may only be reported by the rule that lists them', () => {
    const rule = defineRule({
      id: 'insecure-session',
      summary: 's',
      checks: [secondLine],
      run: (_, report) => report(boom, { file: 'f', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }),
    });
    assert.throws(() => rule.check({} as never), /does not list/);
  });
});

describe('suppression comments', () => {
  it('reads both comment styles, with and without rule ids', () => {
    assert.deepEqual(suppressedIds('# stackscope: ignore[insecure-session]'), new Set(['insecure-session']));
    assert.deepEqual(
      suppressedIds('# stackscope: ignore[insecure-session, middleware-order]'),
      new Set(['insecure-session', 'middleware-order']),
    );
    assert.equal(suppressedIds('# stackscope: ignore'), 'all');
    assert.deepEqual(suppressedIds('// stackscope-ignore insecure-session'), new Set(['insecure-session']));
    assert.equal(suppressedIds('// stackscope-ignore'), 'all');
    assert.equal(suppressedIds('# an ordinary comment'), undefined);
  });

  it('silences a finding on the same line or the line below, for the named rule only', () => {
    const finding = (line: number, rule = 'insecure-session'): Finding => ({
      rule,
      check: `${rule}/x`,
      severity: 'warning',
      file: 'f',
      message: 'm',
      fixes: [],
      range: { start: { line, character: 0 }, end: { line, character: 1 } },
    });
    const comments = [{ line: 3, text: '# stackscope: ignore[insecure-session]' }];
    const kept = applySuppressions([finding(2), finding(3), finding(4), finding(5), finding(3, 'middleware-order')], () => comments);
    assert.deepEqual(
      kept.map((f) => `${f.rule}@${f.range.start.line}`),
      ['insecure-session@2', 'insecure-session@5', 'middleware-order@3'],
    );
  });
});

describe('analyzer', () => {
  it('a crashing rule is logged and does not hide the other rules', async () => {
    const root = project({ 'a.py': 'x = 1\ny = 2\n' });
    const logged: string[] = [];
    const analyzer = new Analyzer(root, { rules: [crashing, everyPythonFile], log: (m) => logged.push(m) });
    await analyzer.scan();
    assert.deepEqual(
      analyzer.findings().map((f) => f.message),
      ['line two'],
    );
    assert.ok(logged.some((m) => m.includes('rule middleware-order failed') && m.includes('boom')));
  });

  it('a binary file is skipped with a reason, a non-UTF-8 one read as Latin-1, and the others are still analysed', async () => {
    const root = project({
      'good.py': 'x = 1\ny = 2\n',
      'bin.py': Buffer.from([0, 1, 2]),
      'latin.py': Buffer.from('x = 1\ny = "\xe9"\n', 'latin1'),
    });
    const analyzer = new Analyzer(root, { rules: [everyPythonFile] });
    await analyzer.scan();
    assert.deepEqual([...analyzer.skipped.values()], [{ kind: 'binary', reason: 'binary file (contains NUL bytes)' }]);
    assert.deepEqual(
      analyzer
        .findings()
        .map((f) => f.file)
        .sort(),
      [join(root, 'good.py'), join(root, 'latin.py')],
    );
    assert.equal(analyzer.skippedSummary(), '1 of 3 files skipped: 1 binary');
  });

  it('re-analysing one file replaces only that file, and config severities and "off" apply', async () => {
    const root = project({ 'a.py': 'x = 1\n', 'b.py': 'x = 1\n' });
    const analyzer = new Analyzer(root, {
      rules: [everyPythonFile],
      config: { rules: { 'insecure-session': 'error' }, exclude: [], queryFunctions: [] },
    });
    await analyzer.scan();
    const before = analyzer.files.get(join(root, 'b.py'));
    await analyzer.updateFile(join(root, 'a.py'), 'x = 2\n');
    assert.equal(analyzer.files.get(join(root, 'b.py')), before, 'b.py was not re-parsed');
    assert.deepEqual(
      analyzer.findings().map((f) => f.severity),
      ['error', 'error'],
    );
    analyzer.setConfig({ rules: { 'insecure-session': 'off' }, exclude: [], queryFunctions: [] });
    assert.deepEqual(analyzer.findings(), []);
  });

  it("a check's own setting wins over its rule's, and a suppression comment may name the check", async () => {
    const root = project({ 'a.py': 'x = 1\ny = 2\n', 'b.py': 'x = 1\ny = 2  # stackscope: ignore[insecure-session/second-line]\n' });
    const config = {
      rules: { 'insecure-session': 'off', 'insecure-session/second-line': 'info' } as const,
      exclude: [],
      queryFunctions: [],
    };
    const analyzer = new Analyzer(root, { rules: [everyPythonFile], config: { ...config, rules: { ...config.rules } } });
    await analyzer.scan();
    assert.deepEqual(
      analyzer.findings().map((f) => [f.check, f.severity, f.file]),
      [['insecure-session/second-line', 'info', join(root, 'a.py')]],
    );
  });

  it('path overrides apply in their files, later ones winning, over the project and the contexts', async () => {
    const root = project({
      'a.py': 'x = 1\ny = 2\n',
      'legacy/b.py': 'x = 1\ny = 2\n',
      'legacy/new/c.py': 'x = 1\ny = 2\n',
      'tests/test_d.py': 'x = 1\ny = 2\n',
    });
    const analyzer = new Analyzer(root, {
      rules: [everyPythonFile],
      config: {
        rules: { 'insecure-session/second-line': 'error' },
        exclude: [],
        queryFunctions: [],
        // A rule off in a folder beats a check's project setting; a later override turns it back on in a subfolder.
        overrides: [
          { files: ['legacy'], rules: { 'insecure-session': 'off' } },
          { files: ['legacy/new/**'], rules: { 'insecure-session/second-line': 'info' } },
          { files: ['**/test_*.py'], rules: { 'insecure-session': 'hint' } },
        ],
        contexts: { test: { rules: { 'insecure-session': 'off' } } },
      },
    });
    await analyzer.scan();
    const seen = analyzer
      .findings()
      .map((f) => [relative(root, f.file), f.severity])
      .sort();
    assert.deepEqual(seen, [
      ['a.py', 'error'],
      [join('legacy', 'new', 'c.py'), 'info'],
      [join('tests', 'test_d.py'), 'hint'],
    ]);
  });

  it('a rule that is off everywhere but in an override still runs there', async () => {
    const root = project({ 'a.py': 'x = 1\ny = 2\n', 'strict/b.py': 'x = 1\ny = 2\n' });
    const analyzer = new Analyzer(root, {
      rules: [everyPythonFile],
      config: {
        rules: { 'insecure-session': 'off' },
        exclude: [],
        queryFunctions: [],
        overrides: [{ files: ['strict/**'], rules: { 'insecure-session': 'warning' } }],
      },
    });
    await analyzer.scan();
    assert.deepEqual(
      analyzer.findings().map((f) => relative(root, f.file)),
      [join('strict', 'b.py')],
    );
  });

  it('a scan stops when cancelled', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`m${i}.py`] = 'x = 1\n';
    const analyzer = new Analyzer(project(files), { rules: [everyPythonFile] });
    let seen = 0;
    const finished = await analyzer.scan({ onProgress: (done) => (seen = done), isCancelled: () => seen >= 10 });
    assert.equal(finished, false);
    assert.equal(analyzer.files.size, 10);
  });
});

describe('contexts', () => {
  it('turn n-plus-one off in tests, migrations, seeds and scripts by default, and say what they left out', async () => {
    const files = {
      'app/views.py': 'x = 1\ny = 2\n',
      'app/tests/test_views.py': 'x = 1\ny = 2\n',
      'app/migrations/0002_data.py': 'x = 1\ny = 2\n',
    };
    const root = project(files);
    const perRow = defineCheck({
      rule: 'n-plus-one',
      name: 'per-row',
      severity: 'warning',
      summary: 's',
      stacks: ['django'],
      messages: { only: 'per row' },
      docs,
    });
    const rule = defineRule({
      id: 'n-plus-one',
      summary: 's',
      checks: [perRow],
      run: (model, report) => {
        for (const f of model.files.values())
          report(perRow, { file: f.file, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } });
      },
    });
    const analyzer = new Analyzer(root, { rules: [rule] });
    await analyzer.scan();
    assert.deepEqual(
      analyzer.findings().map((f) => f.file),
      [join(root, 'app/views.py')],
    );
    assert.deepEqual(analyzer.contextOf(join(root, 'app/tests/test_views.py'))?.name, 'test');
    assert.deepEqual(analyzer.model().fileContexts.get(join(root, 'app/migrations/0002_data.py')), { name: 'migration', evidence: false });
    assert.deepEqual(
      analyzer
        .leftOut()
        .map(({ context, checks }) => [context.name, [...checks]])
        .sort(),
      [
        ['migration', [['n-plus-one/per-row', 1]]],
        ['test', [['n-plus-one/per-row', 1]]],
      ],
    );
    // The project changes a context: its files, or what applies there.
    analyzer.setConfig({ rules: {}, exclude: [], queryFunctions: [], contexts: { test: { rules: {} }, migration: { files: [] } } });
    assert.equal(analyzer.findings().length, 3);
  });

  it('are read from stackscope.json, with every mistake reported', () => {
    const { config, problems } = parseConfig({
      contexts: { test: { files: ['spec/**'], rules: { 'n-plus-one': 'info' }, evidence: true, extra: 1 }, seed: [] },
    });
    assert.deepEqual(config.contexts, { test: { files: ['spec/**'], rules: { 'n-plus-one': 'info' }, evidence: true } });
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        '"contexts.test": unknown key "extra" (known: "files", "rules", "evidence")',
        '"contexts.seed" must be an object with "files", "rules", "evidence"',
      ],
    );
  });
});
