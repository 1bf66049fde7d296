// Fixture-driven rule tests. A fixture is a small project folder; its expectations are comments
// in its own source, so the input and the verdict are read together:
//
//   SESSION_COOKIE_SECURE = False  # expect: insecure-session/cookie-not-secure (security.W012)
//   app.use(session({ secret: 'x' }))  // expect: insecure-session/hard-coded-secret
//
// A comment after code expects a finding on its own line; a comment alone on a line expects one on
// the next line that holds code. The id is a check id (or a rule id, which any check of the rule
// meets); `(text)` must appear in the message; several expectations are separated by `;`. Every
// finding of the rule under test must be expected, and every expectation met.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import { Analyzer } from '../../server/src/workspace/analyzer';
import { loadConfig } from '../../server/src/workspace/config';
import type { Finding, Fix, TextEdit } from '../../server/src/model/types';

export interface Expectation {
  file: string;
  line: number;
  /** The check id or rule id the comment names. */
  id: string;
  rule: string;
  text?: string;
  /** Where it is written: the comment's line, and which `;`-separated part of it. */
  comment: { line: number; part: number };
}

/** Whether a finding meets an expectation's id: its check, or any check of the rule it names. */
export const meetsId = (finding: Finding, id: string) => finding.check === id || (!id.includes('/') && finding.rule === id);

// Template comments close on the same line: `{# expect: n-plus-one (...) #}`.
const EXPECT = /expect:\s*(.+?)\s*(?:#\})?$/;

export function expectationsOf(analyzer: Analyzer): Expectation[] {
  const expectations: Expectation[] = [];
  for (const facts of analyzer.files.values()) {
    const lines = readFileSync(facts.file, 'utf8').split('\n');
    for (const comment of facts.comments) {
      const match = EXPECT.exec(comment.text);
      if (!match) continue;
      const before = lines[comment.line].slice(0, lines[comment.line].indexOf(comment.text.trim()));
      let line = comment.line;
      if (before.trim() === '') {
        // A comment alone on its line points at the next line that holds code.
        line++;
        while (
          line < lines.length &&
          (lines[line].trim() === '' || facts.comments.some((c) => c.line === line && lines[line].trim().startsWith(c.text.trim())))
        )
          line++;
      }
      for (const [index, part] of match[1].split(';').entries()) {
        const one = /^\s*([\w-]+(?:\/[\w-]+)?)\s*(?:\((.*)\))?\s*$/.exec(part);
        if (!one) throw new Error(`${facts.file}:${comment.line + 1}: malformed expectation "${part}"`);
        expectations.push({
          file: facts.file,
          line,
          id: one[1],
          rule: one[1].split('/')[0],
          text: one[2],
          comment: { line: comment.line, part: index },
        });
      }
    }
  }
  return expectations;
}

/** Analyses a fixture folder the way the CLI would, its stackscope.json included. */
export async function analyzeFixture(dir: string): Promise<Analyzer> {
  const analyzer = new Analyzer(dir, { config: loadConfig(dir).config });
  await analyzer.scan();
  return analyzer;
}

/**
 * Asserts that the fixture's findings of `rule` are exactly its expectations. `files`, when given,
 * narrows both to the files a test is about (a fixture project can serve several tests).
 */
export async function checkFixture(dir: string, rule: string, files?: readonly string[]): Promise<Finding[]> {
  const analyzer = await analyzeFixture(dir);
  const wanted = (file: string) => !files || files.includes(relative(dir, file).split('\\').join('/'));
  const findings = analyzer.findings().filter((f) => f.rule === rule && wanted(f.file));
  const expectations = expectationsOf(analyzer).filter((e) => e.rule === rule && wanted(e.file));
  const where = (file: string, line: number) => `${relative(dir, file)}:${line + 1}`;
  const unmatched = [...findings];
  const missing: string[] = [];
  for (const expectation of expectations) {
    const index = unmatched.findIndex(
      (f) =>
        f.file === expectation.file &&
        f.range.start.line === expectation.line &&
        meetsId(f, expectation.id) &&
        (!expectation.text || f.message.includes(expectation.text)),
    );
    if (index === -1)
      missing.push(
        `${where(expectation.file, expectation.line)} expected ${expectation.id}${expectation.text ? ` (${expectation.text})` : ''}`,
      );
    else unmatched.splice(index, 1);
  }
  const unexpected = unmatched.map((f) => `${where(f.file, f.range.start.line)} unexpected ${f.check}: ${f.message}`);
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] }, `fixture ${dir}`);
  assert.ok(expectations.length > 0 || findings.length === 0);
  return findings;
}

/** Applies text edits (LSP semantics: ranges refer to the original text) to one file's text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line < lineStarts.length ? lineStarts[p.line] + p.character : text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

export interface FixCase {
  /** Fixture folder. */
  dir: string;
  /** The check id (or rule id) of the finding. */
  rule: string;
  /** The file (relative to dir) and 1-based line the finding is on. */
  file: string;
  line: number;
  /** A substring of the fix's title. */
  title: string;
  /** Expected content of every edited file after the fix, relative to dir. */
  expected: Record<string, string>;
}

/**
 * Applies one quick fix in memory, compares the edited files with the expected files, then re-analyses
 * the result: the finding must be gone and the edited files must parse without problems.
 */
export async function checkFix(fixCase: FixCase): Promise<void> {
  await checkFixFindings(fixCase);
}

/** checkFix, returning the rule's findings before and after the fix, for tests that also check what else changed. */
export async function checkFixFindings(fixCase: FixCase): Promise<{ before: Finding[]; after: Finding[]; fixed: Finding }> {
  const analyzer = await analyzeFixture(fixCase.dir);
  const file = `${fixCase.dir}/${fixCase.file}`;
  const finding = analyzer
    .findings()
    .find(
      (f) =>
        meetsId(f, fixCase.rule) &&
        f.file === file &&
        f.range.start.line === fixCase.line - 1 &&
        f.fixes.some((x) => x.title.includes(fixCase.title)),
    );
  assert.ok(finding, `no ${fixCase.rule} finding with a fix "${fixCase.title}" at ${fixCase.file}:${fixCase.line}`);
  const fix = finding.fixes.find((x) => x.title.includes(fixCase.title)) as Fix;
  // Other places may have the same finding (same message): the fixed one must be gone, the rest stay.
  const same = (f: Finding) => f.check === finding.check && f.file === finding.file && f.message === finding.message;
  const before = analyzer.findings().filter(same).length;
  const ruleFindings = analyzer.findings().filter((f) => f.rule === finding.rule);
  const edited = new Map<string, string>();
  for (const edit of fix.edits) edited.set(edit.file, edited.get(edit.file) ?? readFileSync(edit.file, 'utf8'));
  for (const [path, text] of edited)
    edited.set(
      path,
      applyEdits(
        text,
        fix.edits.filter((e) => e.file === path),
      ),
    );
  for (const [rel, expectedFile] of Object.entries(fixCase.expected)) {
    const actual = edited.get(`${fixCase.dir}/${rel}`) ?? '';
    // UPDATE_EXPECTED=1 rewrites the expected files from what the fix produces: review the diff like a snapshot.
    if (process.env.UPDATE_EXPECTED === '1') writeFileSync(`${fixCase.dir}/${expectedFile}`, actual);
    else assert.equal(actual, readFileSync(`${fixCase.dir}/${expectedFile}`, 'utf8'), `fixed ${rel} differs from ${expectedFile}`);
  }
  const everythingBefore = analyzer.findings().map(findingKey);
  for (const [path, text] of edited) await analyzer.updateFile(path, text);
  for (const path of edited.keys()) assert.deepEqual(analyzer.files.get(path)?.problems, [], `${path} does not parse after the fix`);
  const after = analyzer.findings().filter(same).length;
  assert.equal(after, before - 1, 'the finding is still there after its fix');
  // A fix must not trade one finding for another anywhere in the project, of any rule.
  assert.deepEqual(newKeys(everythingBefore, analyzer.findings().map(findingKey)), [], 'the fix leaves new findings');
  return { before: ruleFindings, after: analyzer.findings().filter((f) => f.rule === finding.rule), fixed: finding };
}

/**
 * A finding as a fix test compares it: lines move when a fix inserts text, so they are left out (also the `file:line` its message cites).
 */
const findingKey = (f: Finding) => `${f.check} ${f.file}: ${f.message.replace(/(\.\w+):\d+/g, '$1:#')}`;

/** The keys of `after` that `before` does not have, counted as a multiset. */
function newKeys(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const key of before) left.set(key, (left.get(key) ?? 0) + 1);
  return after.filter((key) => {
    const count = left.get(key) ?? 0;
    left.set(key, count - 1);
    return count <= 0;
  });
}

const RULES = ['n-plus-one', 'missing-index', 'insecure-session', 'middleware-order'];

/**
 * The folder of a fixture named as `<rule>/<name>` (in test/rules/<rule>/fixtures/) or `<stack>[/<name>]` (a project one
 * stack's tests share across rules, in test/fixtures/): for tests that gather findings over fixtures of both kinds.
 */
export function fixturePath(name: string): string {
  const [first, ...rest] = name.split(/[\\/]/);
  const test = join(__dirname, '..');
  return RULES.includes(first) ? join(test, 'rules', first, 'fixtures', ...rest) : join(test, 'fixtures', first, ...rest);
}

/** A quick fix to test: its title, the file and 1-based line of its finding, and the expected file, all relative to the fixture. */
export type FixTest = [title: string, file: string, line: number, expected: string];

/** One test per quick fix, each applying the fix and re-analysing (see checkFix). */
export function fixTests(dir: string, rule: string, cases: readonly FixTest[]): void {
  for (const [title, file, line, expected] of cases) {
    it(`${title} (${file}:${line})`, () => checkFix({ dir, rule, file, line, title, expected: { [file]: expected } }));
  }
}
