import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { fixAll } from '../../../server/src/lsp/code-actions';
import { fileUri } from '../../../server/src/lsp/uri';
import type { Finding, TextEdit } from '../../../server/src/model/types';
import { analyzeFixture, applyEdits, checkFix, checkFixFindings, checkFixture } from '../../support/harness';

const fixtures = join(__dirname, 'fixtures');
const RULE = 'insecure-session';

describe('insecure-session: express-session', () => {
  it('flags every insecure shape, whatever the import is called', async () => {
    const findings = await checkFixture(join(fixtures, 'express-flagged'), RULE);
    // The options-less call reports each problem once.
    const bare = findings.filter((f) => f.file.endsWith('no-options.ts'));
    assert.equal(new Set(bare.map((f) => f.message)).size, bare.length);
    assert.equal(bare.length, 5);
  });

  it('stays silent on secure, environment-dependent, unreadable and look-alike configurations', async () => {
    await checkFixture(join(fixtures, 'express-clean'), RULE);
  });

  it('uses severities that match the risk', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'express-flagged'));
    const inFile = analyzer.findings().filter((f) => f.rule === RULE && f.file.endsWith('default-import.ts'));
    const severityOf = (text: string) => inFile.find((f) => f.message.includes(text))?.severity;
    assert.equal(severityOf('hard-coded'), 'error');
    assert.equal(severityOf('`cookie.secure: false`'), 'warning');
    assert.equal(severityOf('connect.sid'), 'info');
    assert.equal(severityOf('MemoryStore'), 'warning');
    assert.match(inFile.find((f) => f.message.includes('MemoryStore'))!.message, /connect-redis.*connect-pg-simple/);
  });

  it("reports a missing sameSite as a hint with a fix, and `secure: 'auto'` without trust proxy and a rolling cookie that never expires as infos without one", async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'express-flagged'));
    const ofFile = (name: string) => analyzer.findings().filter((f) => f.rule === RULE && f.file.endsWith(name));
    const sameSite = ofFile('same-site.ts');
    assert.deepEqual(
      sameSite.map((f) => [f.severity, f.fixes.map((x) => x.title)]),
      [['hint', ["Set sameSite to 'lax'"]]],
    );
    assert.match(sameSite[0].message, /express-session sets no SameSite attribute.*Firefox and Safari.*`sameSite: 'lax'`/);
    const auto = ofFile('auto-secure.ts');
    assert.deepEqual(
      auto.map((f) => [f.severity, f.fixes.length]),
      [
        ['info', 0],
        ['info', 0],
      ],
    );
    // On the `secure: 'auto'` entry itself.
    assert.deepEqual(auto[0].range, { start: { line: 12, character: 6 }, end: { line: 12, character: 20 } });
    const rolling = ofFile('rolling.ts').filter((f) => f.message.startsWith('`rolling: true`'));
    assert.deepEqual(
      rolling.map((f) => [f.severity, f.fixes.length, f.range.start.line + 1]),
      [
        ['info', 0, 9],
        ['info', 0, 17],
        ['info', 0, 22],
      ],
    );
  });

  it('puts the range on the most specific node', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'express-flagged'));
    const file = join(fixtures, 'express-flagged', 'src', 'default-import.ts');
    const byText = (text: string) => analyzer.findings().find((f) => f.file === file && f.message.includes(text))!.range;
    // `secure: false,` on line 13: the property, not the value or the whole cookie.
    assert.deepEqual(byText('`cookie.secure: false`'), { start: { line: 12, character: 6 }, end: { line: 12, character: 19 } });
    // The literal `'keyboard cat'` on line 9.
    assert.deepEqual(byText('hard-coded'), { start: { line: 8, character: 12 }, end: { line: 8, character: 26 } });
  });
});

describe('insecure-session: express-session quick fixes', () => {
  const dir = join(fixtures, 'express-fixes');
  const fix = (file: string, line: number, title: string) =>
    checkFix({ dir, rule: RULE, file, line, title, expected: { [file]: `${file}.expected` } });

  it('changes `secure: false` to true', () => fix('secure-false.ts', 6, 'Set cookie.secure to true'));
  it('adds a cookie object on its own line to a multi-line literal, keeping the comment and trailing comma', () =>
    fix('add-cookie-multiline.ts', 3, 'Set cookie.secure to true'));
  it('adds `, secure: true` to a one-line cookie literal', () => fix('add-secure-single-line.ts', 3, 'Set cookie.secure to true'));
  it('adds secure to a multi-line literal without a trailing comma', () =>
    fix('add-secure-no-trailing-comma.ts', 5, 'Set cookie.secure to true'));
  it('fills an empty cookie literal', () => fix('empty-cookie.ts', 3, 'Set cookie.secure to true'));
  it('sets httpOnly to true', () => fix('http-only.ts', 3, 'Set cookie.httpOnly to true'));
  it("sets sameSite to 'lax'", () => fix('same-site.ts', 5, "Set sameSite to 'lax'"));
  it("makes a sameSite 'none' cookie secure instead (not preferred, so fix-all adds secure once)", async () => {
    await fix('same-site-secure.ts', 6, 'Set cookie.secure to true');
    const analyzer = await analyzeFixture(dir);
    const sameSite = analyzer
      .findings()
      .find((f) => f.rule === RULE && f.file === join(dir, 'same-site-secure.ts') && f.message.includes("sameSite: 'none'"))!;
    // An absent isPreferred is not preferred (the LSP reads it as false).
    assert.deepEqual(
      sameSite.fixes.map((x) => [x.title, x.isPreferred ?? false]),
      [
        ["Set sameSite to 'lax'", true],
        ['Set cookie.secure to true', false],
      ],
    );
  });
  it('reads the secret from the environment with a non-null assertion in TypeScript', () =>
    fix('secret.ts', 3, 'Read the secret from process.env.SESSION_SECRET'));
  it('reads the secret from the environment without one in JavaScript', () =>
    fix('secret.js', 4, 'Read the secret from process.env.SESSION_SECRET'));
  it('adds a missing secret', () => fix('missing-secret.ts', 3, 'Read the secret from process.env.SESSION_SECRET'));
  it('sets a custom cookie name', () => fix('name.ts', 3, 'Set a custom cookie name'));
  it('removes a hard-coded fallback', () => fix('fallback.ts', 3, 'Remove the hard-coded fallback'));

  it("adds sameSite: 'lax' to the cookie options, or cookie options with it, and nothing else changes", async () => {
    for (const [file, line] of [
      ['add-secure-no-trailing-comma.ts', 5],
      ['add-cookie-multiline.ts', 3],
    ] as const) {
      const { before, after, fixed } = await checkFixFindings({
        dir,
        rule: RULE,
        file,
        line,
        title: "Set sameSite to 'lax'",
        expected: { [file]: `${file}.same-site.expected` },
      });
      const key = (f: Finding) => `${f.file}: ${f.message}`;
      assert.deepEqual(
        after.map(key).sort(),
        before
          .filter((f) => f !== fixed)
          .map(key)
          .sort(),
        file,
      );
    }
  });
  it('fix-all adds one cookie object when secure and sameSite are both missing from the options', async () => {
    const analyzer = await analyzeFixture(dir);
    const file = join(dir, 'add-cookie-multiline.ts');
    const findings = analyzer.findings().filter((f) => f.file === file);
    assert.ok(
      findings.some((f) => f.message.includes('SameSite')) && findings.some((f) => f.message.includes('`cookie.secure` is not set')),
    );
    const edits = fixAll(findings)!.edit!.changes![fileUri(file)] as unknown as TextEdit[];
    const fixed = applyEdits(readFileSync(file, 'utf8'), edits);
    assert.equal(fixed.match(/cookie:/g)?.length, 1, fixed);
    assert.match(fixed, /cookie: \{ secure: true \}/);
    // The next run adds sameSite to that object.
    await analyzer.updateFile(file, fixed);
    const sameSite = analyzer.findings().find((f) => f.file === file && f.message.includes('SameSite'))!;
    assert.match(applyEdits(fixed, sameSite.fixes[0].edits), /cookie: \{ secure: true, sameSite: 'lax' \}/);
  });

  it('offers exactly the documented titles', async () => {
    const analyzer = await analyzeFixture(dir);
    const titles = new Set(
      analyzer
        .findings()
        .filter((f) => f.rule === RULE)
        .flatMap((f) => f.fixes.map((x) => x.title)),
    );
    assert.deepEqual([...titles].sort(), [
      'Read the secret from process.env.SESSION_SECRET',
      'Remove the hard-coded fallback',
      'Set a custom cookie name',
      'Set cookie.httpOnly to true',
      'Set cookie.secure to true',
      "Set sameSite to 'lax'",
    ]);
    // No fix for the store: choosing one needs a package.
    assert.ok(
      analyzer
        .findings()
        .filter((f) => f.message.includes('MemoryStore'))
        .every((f) => f.fixes.length === 0),
    );
  });
});

describe('insecure-session: express-session options split across files', () => {
  const dir = join(fixtures, 'express-split');

  it('judges options imported from another file where they are written, and stays silent on what cannot be read', async () => {
    await checkFixture(dir, RULE);
  });

  it('fixes imported options in the file that holds them', () =>
    checkFix({
      dir,
      rule: RULE,
      file: 'src/config/session.ts',
      line: 14,
      title: 'Set cookie.httpOnly to true',
      expected: { 'src/config/session.ts': 'src/config/session.ts.http-only.expected' },
    }));
});

describe('insecure-session: cookie-session quick fixes', () => {
  const dir = join(fixtures, 'cookie-session-fixes');
  const fix = (line: number, title: string, expected: string) =>
    checkFix({ dir, rule: RULE, file: 'flags.ts', line, title, expected: { 'flags.ts': expected } });

  it('signs the cookie when it has keys', () => fix(5, 'Set signed to true', 'flags.ts.signed.expected'));
  it('sets secure to true', () => fix(6, 'Set secure to true', 'flags.ts.secure.expected'));
  it('sets httpOnly to true', () => fix(7, 'Set httpOnly to true', 'flags.ts.http-only.expected'));

  it('offers no signing fix without keys (cookie-session would throw ".keys required.")', async () => {
    const analyzer = await analyzeFixture(dir);
    const unsigned = analyzer
      .findings()
      .filter((f) => f.rule === RULE && f.range.start.line === 10 && f.message.includes('`signed: false`'));
    assert.equal(unsigned.length, 1);
    assert.deepEqual(unsigned[0].fixes, []);
  });
});

describe('insecure-session: cookie-session', () => {
  it('flags hard-coded or missing keys, unsigned cookies, insecure flags and a nested cookie object it ignores', async () => {
    await checkFixture(join(fixtures, 'cookie-session'), RULE, ['flagged.ts']);
  });

  it('stays silent on keys from the environment and top-level secure options', async () => {
    await checkFixture(join(fixtures, 'cookie-session'), RULE, ['clean.ts']);
  });
});

describe('insecure-session: iron-session', () => {
  it('flags a hard-coded password and cookie flags turned off, not a password from the environment', async () => {
    await checkFixture(join(fixtures, 'iron-session'), RULE);
  });
});
