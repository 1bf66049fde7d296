// The real-code benchmark's comparison with a triage ledger (bench/real/), on a tiny fixture project
// whose findings a test rule reads from `# report` comments, so the test controls every message.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compare } from '../../bench/real/compare';
import { longMessages, repeatedRootCauses } from '../../bench/real/conditions';
import { analyseProject, type Reported } from '../../bench/real/findings';
import { readLedger, stableMessage } from '../../bench/real/ledger';
import { projectText } from '../../bench/real/report';
import { defineCheck, type RuleId } from '../../server/src/rules/check';
import { defineRule } from '../../server/src/rules/rule';

const FIXTURE = join(__dirname, '..', 'fixtures', 'real-bench');
const REPORT = /^# report ([\w-]+): (.*)$/;

/** A rule that reports every `# report RULE: message` comment of a Python file, on its line. */
function commentRule(id: RuleId) {
  const check = defineCheck({
    rule: id,
    name: 'reported',
    severity: 'warning',
    summary: 'test check',
    stacks: ['django'],
    messages: { message: '{{text}}' },
    docs: { what: '', why: '', example: '', instead: '' },
  });
  return defineRule({
    id,
    summary: 'test rule',
    checks: [check],
    run: (model, report) => {
      for (const facts of model.files.values()) {
        for (const comment of facts.comments) {
          const match = REPORT.exec(comment.text.trim());
          const at = { line: comment.line, character: 0 };
          if (match?.[1] === id) report(check, { file: facts.file, range: { start: at, end: at } }, { data: { text: match[2] } });
        }
      }
    },
  });
}

const RULES = [commentRule('n-plus-one'), commentRule('missing-index')];
const ledger = () => readLedger(join(FIXTURE, 'ledger.json'), 'fixture').entries;
const brief = (f: { file: string; line: number; symbol: string }) => `${f.file}:${f.line} ${f.symbol}`;

describe('real-code benchmark: comparison with a ledger', () => {
  it('counts verdicts per rule, lists new findings and judged ones that disappeared', async () => {
    const comparison = compare(await analyseProject(join(FIXTURE, 'project'), RULES), ledger());
    assert.deepEqual(Object.fromEntries(comparison.rules), {
      'n-plus-one': { findings: 2, true: 1, false: 1, debatable: 0, unjudged: 0, precision: 0.5 },
      'missing-index': { findings: 2, true: 0, false: 0, debatable: 1, unjudged: 1, precision: undefined },
    });
    assert.deepEqual(comparison.added.map(brief), ['shop/views.py:18 search']);
    assert.deepEqual(comparison.disappeared.map(brief), ['shop/views.py:20 search']);
  });

  it('matches the same entries after lines are added above the findings', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'stackscope-real-'));
    cpSync(join(FIXTURE, 'project'), copy, { recursive: true });
    const views = join(copy, 'shop', 'views.py');
    writeFileSync(
      views,
      readFileSync(views, 'utf8').replace(
        '\n\ndef book_titles',
        '\n\nLIMIT = 20\n\n\ndef ping(request):\n    return None\n\n\ndef book_titles',
      ),
    );
    const moved = compare(await analyseProject(copy, RULES), ledger());
    assert.deepEqual(moved.added.map(brief), ['shop/views.py:25 search']);
    assert.equal(moved.matched.length, 3);
    assert.equal(moved.rules.get('n-plus-one')?.precision, 0.5);
  });

  it('prints the table, the new findings with their place and check, and what disappeared', async () => {
    const reported = await analyseProject(join(FIXTURE, 'project'), RULES);
    const repo = {
      name: 'fixture',
      repository: 'example/fixture',
      commit: '0'.repeat(40),
      stack: 'django' as const,
      rules: ['n-plus-one', 'missing-index'],
    };
    const text = projectText({ repo, dir: 'project', reported, comparison: compare(reported, ledger()), longMessages: [], repeats: [] });
    assert.match(text, /^n-plus-one\s+2\s+1\s+1\s+0\s+0\s+0\.50\s+not met$/m);
    assert.match(text, /^missing-index\s+2\s+0\s+0\s+1\s+1\s+–\s+not met$/m);
    assert.match(
      text,
      /New, unjudged findings: 1\n {2}shop\/views\.py:18 {2}missing-index\/reported {2}search {2}`Book\.title` is filtered on$/m,
    );
    assert.match(text, /Judged findings that disappeared: 1\n {2}shop\/views\.py:20 {2}missing-index\/reported {2}search {2}\[false\]/);
  });
});

describe('real-code benchmark: what a fingerprint keeps of a message', () => {
  it('drops file:line references and numbers, and collapses whitespace', () => {
    assert.equal(
      stableMessage('`Author.email` is filtered on by `filter(email=…)` (shop/views.py:15:9),  and 12 more  (api/x.ts:3)'),
      '`Author.email` is filtered on by `filter(email=…)` (), and more ()',
    );
  });
});

describe("real-code benchmark: the issue's other conditions", () => {
  const finding = (file: string, line: number, check: string, related: { file: string; line: number }[] = [], message = 'm'): Reported => ({
    fingerprint: `${file}:${line}:${message}`,
    rule: check.split('/')[0],
    check,
    file,
    symbol: '',
    line,
    message,
    related,
  });

  it('groups findings of one check on one line, or explained by the same place, as one root cause', () => {
    const loop = { file: 'a.py', line: 3 };
    const groups = repeatedRootCauses([
      finding('a.py', 5, 'n-plus-one', [loop]),
      finding('a.py', 7, 'n-plus-one', [loop]),
      finding('a.py', 7, 'n-plus-one', [{ file: 'a.py', line: 30 }]),
      finding('a.py', 7, 'missing-index'),
      finding('b.py', 9, 'n-plus-one', [{ file: 'b.py', line: 1 }]),
    ]);
    assert.deepEqual(
      groups.map((group) => group.map((f) => `${f.file}:${f.line}`)),
      [['a.py:5', 'a.py:7', 'a.py:7']],
    );
  });

  it('lists messages over 400 characters, longest first', () => {
    const long = longMessages([
      finding('a.py', 1, 'x', [], 'a'.repeat(401)),
      finding('a.py', 2, 'x', [], 'b'.repeat(400)),
      finding('a.py', 3, 'x', [], 'c'.repeat(900)),
    ]);
    assert.deepEqual(
      long.map((f) => f.line),
      [3, 1],
    );
  });
});
