// The CLI as CI runs it: the built dist/cli.js in a child process, on the bundled examples.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
// SARIF's schema is JSON Schema draft-04, which needs Ajv's draft-04 build.
import Ajv from 'ajv-draft-04';
import { CHECKS } from '../../server/src/rules';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const examples = join(root, 'examples');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** 1-based number of the first line of `file` that contains `text`. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `${text} not in ${file}`);
  return index + 1;
}

function tempCopy(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'stackscope-cli-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

const settings = join(examples, 'django-shop', 'shop', 'settings.py');

interface JsonFinding {
  rule: string;
  check: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  fixes: { title: string; edits: { file: string }[] }[];
}

describe('stackscope check', () => {
  it('prints file:line:col  severity  message  [check] and a summary, and exits 1', () => {
    const { code, stdout } = run('check', 'examples');
    assert.equal(code, 1);
    const line = lineOf(settings, 'SESSION_COOKIE_SECURE = False');
    const row = stdout.split('\n').find((l) => l.startsWith(`django-shop/shop/settings.py:${line}:1  warning  `));
    assert.ok(row, stdout);
    assert.match(row, /SESSION_COOKIE_SECURE.*\[insecure-session\/cookie-not-secure\] \(fixable\)$/);
    assert.match(stdout, /^\d+ problems \(.*\) in \d+ files; \d+ with a quick fix\.$/m);
  });

  it('prints the public JSON shape with 1-based positions and relative paths', () => {
    const { code, stdout } = run('check', 'examples', '--format', 'json');
    assert.equal(code, 1);
    const json = JSON.parse(stdout) as { version: number; findings: JsonFinding[] };
    assert.equal(json.version, 1);
    assert.ok(json.findings.length >= 5);
    for (const f of json.findings) {
      assert.deepEqual(
        Object.keys(f)
          .filter((k) => k !== 'related')
          .sort(),
        ['check', 'column', 'endColumn', 'endLine', 'file', 'fingerprint', 'fixes', 'line', 'message', 'rule', 'severity'],
      );
      assert.match(f.file, /^[^/\\][^\\]*$/, 'relative with forward slashes');
      assert.ok(f.line >= 1 && f.column >= 1 && f.endLine >= f.line);
      for (const fix of f.fixes) {
        assert.equal(typeof fix.title, 'string');
        for (const e of fix.edits) assert.deepEqual(Object.keys(e).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'newText']);
      }
    }
    const secure = json.findings.find(
      (f) =>
        f.file === 'django-shop/shop/settings.py' &&
        f.line === lineOf(settings, 'SESSION_COOKIE_SECURE = False') &&
        f.rule === 'insecure-session',
    );
    assert.ok(secure, 'the SESSION_COOKIE_SECURE finding');
    assert.equal(secure.check, 'insecure-session/cookie-not-secure');
    assert.equal(secure.column, 1);
    assert.equal(secure.fixes[0].edits[0].file, 'django-shop/shop/settings.py');
    const order = json.findings.find((f) => f.rule === 'middleware-order');
    assert.equal(order?.line, lineOf(settings, 'AuthenticationMiddleware'));
    assert.ok(json.findings.some((f) => f.file === 'express-typeorm/src/app.ts'));
  });

  interface SarifLog {
    runs: {
      tool: { driver: { rules: { id: string; helpUri: string; help: { markdown: string }; properties: { tags: string[] } }[] } };
      results: {
        ruleId: string;
        ruleIndex: number;
        fixes?: unknown[];
        locations: { physicalLocation: { artifactLocation: { uriBaseId: string } } }[];
      }[];
    }[];
  }

  it('prints SARIF 2.1.0 that validates against the schema, with rules, locations and fixes', () => {
    const { code, stdout } = run('check', 'examples', '--format', 'sarif');
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema's language pattern is not valid under the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile<SarifLog>(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const json = JSON.parse(run('check', 'examples', '--format', 'json').stdout);
    const results = sarif.runs[0].results;
    assert.equal(results.length, json.findings.length);
    // Code scanning lists each check apart: a hard-coded secret is not grouped with a missing SameSite.
    const rules: SarifLog['runs'][0]['tool']['driver']['rules'] = sarif.runs[0].tool.driver.rules;
    assert.deepEqual(
      rules.map((r) => r.id),
      CHECKS.map((check) => check.id),
    );
    assert.ok(rules.every((r) => r.help.markdown.includes('## Why it matters') && r.helpUri.includes(`#${r.id.replace('/', '')}`)));
    assert.deepEqual(rules.find((r) => r.id === 'insecure-session/hard-coded-secret')?.properties.tags.slice(0, 2), [
      'security',
      'insecure-session',
    ]);
    assert.ok(results.every((r: SarifLog['runs'][0]['results'][0]) => rules[r.ruleIndex].id === r.ruleId && r.ruleId.includes('/')));
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(results.some((r: { fixes?: unknown[] }) => r.fixes && r.fixes.length > 0));
  });

  it('--rule keeps only the named rules', () => {
    const json = JSON.parse(run('check', 'examples', '--format', 'json', '--rule', 'middleware-order').stdout);
    assert.ok(json.findings.length > 0);
    assert.ok(json.findings.every((f: JsonFinding) => f.rule === 'middleware-order'));
  });

  it('--rule also takes check ids, and SARIF then describes those checks only', () => {
    const json = JSON.parse(
      run('check', 'examples', '--format', 'json', '--rule', 'insecure-session/hard-coded-secret,middleware-order/dependency-order').stdout,
    );
    assert.deepEqual([...new Set(json.findings.map((f: JsonFinding) => f.check))].sort(), [
      'insecure-session/hard-coded-secret',
      'middleware-order/dependency-order',
    ]);
    const sarif = JSON.parse(run('check', 'examples', '--format', 'sarif', '--rule', 'insecure-session/hard-coded-secret').stdout);
    assert.deepEqual(
      sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id),
      ['insecure-session/hard-coded-secret'],
    );
  });

  it('exits 0 with "No problems found." on a clean project', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stackscope-clean-'));
    writeFileSync(join(dir, 'app.py'), 'def hello():\n    return 1\n');
    const { code, stdout } = run('check', dir);
    assert.equal(code, 0);
    assert.equal(stdout, 'No problems found.\n');
  });

  it('exits 2 with a clear message on usage errors', () => {
    const cases: [string[], string][] = [
      [['check', 'does-not-exist'], '"does-not-exist" is not a directory'],
      [['check', '--format', 'xml'], '--format must be one of text, json, sarif'],
      [['check', '--rule', 'nope'], 'unknown rule or check "nope"'],
      [['rule'], 'rule needs an ID'],
      [['rule', 'insecure-session/nope'], 'unknown rule or check "insecure-session/nope"'],
      [['lint'], 'unknown command "lint"'],
      [['check', '--bogus'], 'unknown option "--bogus"'],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = run(...args);
      assert.equal(code, 2, args.join(' '));
      assert.ok(stderr.includes(message), `${args.join(' ')}: ${stderr}`);
      assert.ok(stderr.includes('Usage:'));
    }
  });

  it('reads stackscope.json: a rule turned off, a severity changed, a folder excluded', () => {
    const dir = tempCopy(examples);
    writeFileSync(
      join(dir, 'stackscope.json'),
      JSON.stringify({
        rules: { 'middleware-order': 'off', 'insecure-session': 'error' },
        exclude: ['express-*', 'fastify-*', 'nestjs-*'],
      }),
    );
    const json = JSON.parse(run('check', dir, '--format', 'json').stdout);
    const findings: JsonFinding[] = json.findings;
    assert.ok(findings.some((f) => f.rule === 'insecure-session'));
    assert.ok(findings.every((f) => f.rule !== 'middleware-order' && f.file.startsWith('django-shop/')));
    assert.ok(findings.filter((f) => f.rule === 'insecure-session').every((f) => f.severity === 'error'));
  });

  it('a stackscope.json that is not JSON is an error at its line and column, with exit 2 and nothing analysed', () => {
    const dir = tempCopy(join(examples, 'django-shop'));
    writeFileSync(join(dir, 'stackscope.json'), '{\n  "rules": {\n    "n-plus-one": "off",\n  }\n}\n');
    const { code, stdout, stderr } = run('check', dir);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^stackscope\.json:3:24: not valid JSON: a trailing comma is not allowed in JSON$/m);
    assert.match(stderr, /nothing was analysed/);
  });

  it('unknown keys and bad values in stackscope.json are errors at their line, with exit 2', () => {
    const dir = tempCopy(join(examples, 'django-shop'));
    const text = [
      '{',
      '  "rules": { "n-plus-one": "loud", "no-such-check": "off" },',
      '  "overides": [],',
      '  "overrides": [{ "rules": {} }]',
      '}',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'stackscope.json'), text);
    const { code, stderr } = run('check', dir, '--format', 'json');
    assert.equal(code, 2);
    const lines = stderr.split('\n').filter((line) => line.startsWith('stackscope.json:'));
    assert.deepEqual(lines, [
      'stackscope.json:2:28: "rules": "n-plus-one" must be one of off, error, warning, info, hint',
      'stackscope.json:2:36: "rules": unknown rule or check "no-such-check" (`stackscope rules` lists them)',
      'stackscope.json:3:3: unknown key "overides" (known: "rules", "exclude", "queryFunctions", "contexts", "overrides", "baseline")',
      'stackscope.json:4:17: "overrides[0]" needs "files", the globs it applies to',
    ]);
  });

  it('per-path overrides change severities in the files their globs match, over the contexts', () => {
    const dir = tempCopy(join(examples, 'django-shop'));
    const before: JsonFinding[] = JSON.parse(run('check', dir, '--format', 'json').stdout).findings;
    const inShop = before.filter((f) => f.file.startsWith('shop/'));
    const elsewhere = before.filter((f) => !f.file.startsWith('shop/'));
    assert.ok(inShop.some((f) => f.rule === 'insecure-session') && elsewhere.length > 0);
    writeFileSync(
      join(dir, 'stackscope.json'),
      JSON.stringify({ overrides: [{ files: ['shop/**'], rules: { 'insecure-session': 'off', 'middleware-order': 'error' } }] }),
    );
    const after: JsonFinding[] = JSON.parse(run('check', dir, '--format', 'json').stdout).findings;
    assert.ok(after.every((f) => !(f.file.startsWith('shop/') && f.rule === 'insecure-session')));
    assert.ok(after.filter((f) => f.file.startsWith('shop/') && f.rule === 'middleware-order').every((f) => f.severity === 'error'));
    assert.deepEqual(
      after.filter((f) => !f.file.startsWith('shop/')),
      elsewhere,
    );
  });
});

describe('stackscope rules and rule', () => {
  it('lists every check with its severity, grouped by rule', () => {
    const { code, stdout } = run('rules');
    assert.equal(code, 0);
    for (const check of CHECKS)
      assert.ok(
        stdout.split('\n').some((line) => line.trim().split(/\s+/).slice(0, 2).join(' ') === `${check.id} ${check.severity}`),
        check.id,
      );
    const json = JSON.parse(run('rules', '--format', 'json').stdout);
    assert.deepEqual(
      json.checks.map((c: { id: string }) => c.id),
      CHECKS.map((c) => c.id),
    );
  });

  it("prints a check's documentation, or every check of a rule", () => {
    const one = run('rule', 'insecure-session/hard-coded-secret');
    assert.equal(one.code, 0);
    assert.ok(one.stdout.startsWith('# insecure-session/hard-coded-secret\n'));
    for (const section of ['## What it finds', '## Why it matters', '## Example', '## Instead'])
      assert.ok(one.stdout.includes(section), section);
    const rule = run('rule', 'middleware-order').stdout;
    assert.ok(CHECKS.filter((c) => c.rule === 'middleware-order').every((c) => rule.includes(`# ${c.id}\n`)));
  });
});

describe('stackscope model', () => {
  it('prints the public model shape', () => {
    const { code, stdout } = run('model', 'examples', '--format', 'json');
    assert.equal(code, 0);
    const model = JSON.parse(stdout);
    // The contract: these keys keep their shape; keys may be added.
    for (const key of ['models', 'signals', 'middleware', 'signalSources']) assert.ok(Array.isArray(model[key]), key);
    const book = model.models.find((m: { name: string }) => m.name === 'Book');
    assert.equal(book.stack, 'django');
    assert.equal(book.file, 'django-shop/catalog/models.py');
    assert.equal(book.table, 'catalog_book');
    const author = book.fields.find((f: { name: string }) => f.name === 'author');
    assert.deepEqual(
      { column: author.column, indexed: author.indexed, relation: author.relation },
      { column: 'author_id', indexed: true, relation: { kind: 'many-to-one', target: 'Author' } },
    );
    for (const m of model.models) {
      for (const key of ['name', 'stack', 'file', 'line', 'table', 'fields', 'indexes']) assert.ok(key in m, `${m.name} has ${key}`);
      for (const f of m.fields) for (const key of ['name', 'column', 'type', 'primaryKey', 'unique', 'indexed']) assert.ok(key in f);
      for (const i of m.indexes) for (const key of ['fields', 'unique', 'source']) assert.ok(key in i);
    }
    assert.ok(model.models.some((m: { name: string; stack: string }) => m.name === 'User' && m.stack === 'typeorm'));
    const receiver = model.signals.find((s: { handler: string }) => s.handler === 'invalidate_book_cache');
    assert.deepEqual(
      { sender: receiver.sender, file: receiver.file, stack: receiver.stack },
      { sender: 'Book', file: 'django-shop/catalog/signals.py', stack: 'django' },
    );
    const django = model.middleware.find((c: { stack: string }) => c.stack === 'django');
    assert.equal(django.file, 'django-shop/shop/settings.py');
    assert.deepEqual(
      django.chain.map((e: { name: string }) => e.name.split('.').pop()),
      [
        'SecurityMiddleware',
        'CommonMiddleware',
        'AuthenticationMiddleware',
        'SessionMiddleware',
        'CsrfViewMiddleware',
        'MessageMiddleware',
        'XFrameOptionsMiddleware',
      ],
    );
    for (const e of django.chain) for (const key of ['name', 'file', 'line']) assert.ok(key in e);
    assert.ok(django.chain[2].findings.length > 0, 'the misplaced entry carries its finding');
  });

  it('prints a readable outline by default', () => {
    const { code, stdout } = run('model', 'examples');
    assert.equal(code, 0);
    assert.match(stdout, /^Models \(\d+\)$/m);
    // Book's one finding is a hint, which the outline does not count (the Problems panel has none).
    assert.match(stdout, /^ {2}Book {2}\[django\] table catalog_book {2}django-shop\/catalog\/models\.py:\d+$/m);
    assert.match(stdout, /^ {2}Tag {2}\[django\] table catalog_tag {2}django-shop\/catalog\/models\.py:\d+$/m);
    assert.match(stdout, /^ {4}index \(email\) {2}from unique$/m);
    assert.match(stdout, /^ {4}3\. django\.contrib\.auth\.middleware\.AuthenticationMiddleware {2}!! /m);
  });
});

describe('stackscope on a Prisma project', () => {
  it('reads schema.prisma and never loads a config file from the directory it runs in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stackscope-prisma-'));
    mkdirSync(join(dir, 'prisma'));
    writeFileSync(
      join(dir, 'prisma', 'schema.prisma'),
      'datasource db {\n  provider = "postgresql"\n}\n\nmodel User {\n  id    Int    @id\n  posts Post[]\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n',
    );
    const marker = join(dir, 'config-was-run');
    writeFileSync(
      join(dir, 'prisma-ast.config.js'),
      `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = {};\n`,
    );
    const result = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    const json = JSON.parse(result.stdout);
    assert.ok(json.findings.some((f: JsonFinding) => f.rule === 'missing-index' && f.file === 'prisma/schema.prisma'));
    assert.equal(existsSync(marker), false, 'a config file in the workspace was executed');
  });
});

describe('stackscope check progress', () => {
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

  it('says where a schema.prisma does not parse, instead of silently dropping its models', () => {
    const dir = tempCopy(join(examples, 'express-prisma'));
    const schema = join(dir, 'prisma', 'schema.prisma');
    const before = run('check', dir, '--format', 'json');
    assert.ok(
      JSON.parse(before.stdout).findings.some((f: JsonFinding) => f.file === 'prisma/schema.prisma'),
      'the schema has findings while it parses',
    );
    assert.doesNotMatch(before.stderr, /schema\.prisma:/);
    writeFileSync(schema, readFileSync(schema, 'utf8').replace('model Post {', 'model Post {\n  title String @@@'));
    const { code, stdout, stderr } = run('check', dir, '--format', 'json');
    const line = lineOf(schema, 'title String @@@');
    assert.match(
      stderr,
      new RegExp(
        `^prisma/schema\\.prisma:${line}:\\d+: Prisma schema syntax error: .*\\(its models are not analysed until it parses\\)$`,
        'm',
      ),
    );
    assert.equal(code, JSON.parse(stdout).findings.length > 0 ? 1 : 0);
  });

  it('is silent when stderr is a pipe, as in CI', () => {
    const { stderr } = run('check', 'examples');
    assert.doesNotMatch(stderr, /parsing|\r/);
  });

  // `script` runs the CLI on a pseudo-terminal; stdout goes to /dev/null, so what shows is stderr.
  it('shows the phase and the files parsed when stderr is a terminal', { skip: hasScript ? false : 'needs util-linux `script`' }, () => {
    const shell = `'${process.execPath}' '${cli}' check examples 2>&1 >/dev/null`;
    const result = spawnSync('script', ['-qec', shell, '/dev/null'], { encoding: 'utf8', cwd: root });
    assert.match(result.stdout, /stackscope: parsing (\d+)\/\1 files…/);
    assert.match(result.stdout, /stackscope: linking and checking…\r\x1b\[K/);
  });
});

describe('stackscope check for teams: baseline, fail-on, max-warnings, changed files', () => {
  const json = (dir: string, ...args: string[]) => {
    const result = run('check', dir, '--format', 'json', ...args);
    return { ...result, findings: JSON.parse(result.stdout).findings as (JsonFinding & { fingerprint: string })[] };
  };

  it('--update-baseline writes every finding, sorted, and --baseline then reports only new ones, even after unrelated edits', () => {
    const dir = tempCopy(join(examples, 'django-shop'));
    const baseline = join(dir, 'stackscope-baseline.json');
    const before = json(dir).findings;
    const written = run('check', dir, '--update-baseline', baseline);
    assert.equal(written.code, 0);
    assert.match(written.stderr, new RegExp(`wrote ${before.length} findings to the baseline`));
    const file = JSON.parse(readFileSync(baseline, 'utf8'));
    assert.equal(file.findings.length, before.length);
    const keys = file.findings.map((e: { file: string; check: string; fingerprint: string }) => `${e.file}\0${e.check}\0${e.fingerprint}`);
    assert.deepEqual(keys, [...keys].sort(), 'sorted, so its diff is reviewable');
    // Unrelated lines above every finding: nothing new.
    const views = join(dir, 'catalog', 'views.py');
    writeFileSync(views, `# a comment\n\n${readFileSync(views, 'utf8')}`);
    const settingsFile = join(dir, 'shop', 'settings.py');
    writeFileSync(settingsFile, `# moved down\n${readFileSync(settingsFile, 'utf8')}`);
    const after = json(dir, '--baseline', baseline);
    assert.deepEqual(after.findings, []);
    assert.equal(after.code, 0);
    assert.match(after.stderr, new RegExp(`${before.length} findings in the baseline left out`));
    // A new finding is reported.
    writeFileSync(settingsFile, `${readFileSync(settingsFile, 'utf8')}\nSESSION_COOKIE_HTTPONLY = False\n`);
    const fresh = json(dir, '--baseline', baseline);
    assert.deepEqual(
      fresh.findings.map((f) => f.check),
      ['insecure-session/cookie-not-httponly'],
    );
    assert.equal(fresh.code, 1);
    // stackscope.json names the baseline for both the CLI and the editor.
    writeFileSync(join(dir, 'stackscope.json'), JSON.stringify({ baseline: 'stackscope-baseline.json' }));
    assert.deepEqual(
      json(dir).findings.map((f) => f.check),
      ['insecure-session/cookie-not-httponly'],
    );
  });

  it('refuses a file that is not a baseline, with exit 2', () => {
    const dir = tempCopy(join(examples, 'django-shop'));
    writeFileSync(join(dir, 'not-a-baseline.json'), '{"findings": 3}');
    const { code, stderr } = run('check', dir, '--baseline', join(dir, 'not-a-baseline.json'));
    assert.equal(code, 2);
    assert.match(stderr, /not a Stackscope baseline/);
  });

  it('--fail-on and --max-warnings decide the exit code', () => {
    const dir = join(examples, 'django-shop');
    const severities = json(dir).findings.map((f) => f.severity);
    assert.ok(severities.includes('error') && severities.includes('warning'));
    assert.equal(run('check', dir, '--fail-on', 'none').code, 0);
    assert.equal(run('check', dir, '--fail-on', 'error').code, 1);
    const onlyWarnings = ['--rule', 'n-plus-one'];
    const warnings = json(dir, ...onlyWarnings).findings.length;
    assert.ok(warnings > 0);
    assert.equal(run('check', dir, ...onlyWarnings, '--max-warnings', String(warnings)).code, 0);
    assert.equal(run('check', dir, ...onlyWarnings, '--max-warnings', String(warnings - 1)).code, 1);
    assert.equal(run('check', dir, '--fail-on', 'loud').code, 2);
  });

  it('--changed-since reports only the files git says changed, with the whole project analysed', () => {
    const dir = tempCopy(join(examples, 'django-shop'));
    const git = (...args: string[]) =>
      assert.equal(spawnSync('git', args, { cwd: dir, encoding: 'utf8' }).status, 0, `git ${args.join(' ')}`);
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'start');
    assert.deepEqual(json(dir, '--changed-since', 'HEAD').findings, []);
    // The view changes; its N+1 finding needs models.py (unchanged) to be found.
    const views = join(dir, 'catalog', 'views.py');
    writeFileSync(views, `${readFileSync(views, 'utf8')}\n`);
    const changed = json(dir, '--changed-since', 'HEAD').findings;
    assert.ok(changed.length > 0 && changed.every((f) => f.file === 'catalog/views.py'), JSON.stringify(changed.map((f) => f.file)));
    assert.ok(changed.some((f) => f.rule === 'n-plus-one'));
    const bad = run('check', dir, '--changed-since', 'no-such-ref');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--changed-since no-such-ref/);
  });
});
