// insecure-session as checks: every check is reported by some fixture, and every template of every check
// (message, fragment, fix title, related message) shows up, placeholders filled, in what the fixtures produce.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { placeholdersOf } from '../../../server/src/rules/check';
import { insecureSession } from '../../../server/src/rules/insecure-session';
import type { Finding } from '../../../server/src/model/types';
import { analyzeFixture, checkFixture, fixturePath } from '../../support/harness';

const DIRS = [
  ...[
    'cookie-session',
    'cookie-session-fixes',
    'django-clean',
    'django-fixes',
    'django-flagged',
    'django-named',
    'django-views-flagged',
    'django-views-fixes',
    'express-fixes',
    'express-flagged',
    'express-split',
    'fastify-session-fixes',
    'fixation-flagged',
    'iron-session',
    'iron-session-fixes',
    'koa-fixes',
    'rare-shapes',
    'secure-session-fixes',
  ].map((dir) => join('insecure-session', dir)),
  'koa',
  'fastify',
  join('nestjs', 'fastify'),
];

/** A template as a pattern: its text as written, each placeholder standing for any text. */
function patternOf(template: string): RegExp {
  const parts = template.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('[\\s\\S]*?'));
}

describe('insecure-session checks', () => {
  let findings: Finding[] = [];
  before(async () => {
    for (const dir of DIRS) {
      const analyzer = await analyzeFixture(fixturePath(dir));
      findings.push(...analyzer.findings().filter((f) => f.rule === 'insecure-session'));
    }
  });

  it('reports the rarer shapes each library can be set up in (fixture rare-shapes)', async () => {
    await checkFixture(fixturePath('insecure-session/rare-shapes'), 'insecure-session');
  });

  it('has each check reported by some fixture, with its own severity', () => {
    const reported = new Set(findings.map((f) => f.check));
    const missing = insecureSession.checks.filter((check) => !reported.has(check.id)).map((check) => check.id);
    assert.deepEqual(missing, []);
    for (const finding of findings) {
      const check = insecureSession.checks.find((c) => c.id === finding.check);
      assert.ok(check, `${finding.check} is not a check of the rule`);
      assert.equal(finding.severity, check.severity, finding.check);
    }
  });

  it('uses every template of every check, with every placeholder filled', () => {
    const texts = new Map<string, string[]>();
    for (const finding of findings) {
      const own = texts.get(finding.check) ?? [];
      own.push(finding.message, ...finding.fixes.map((fix) => fix.title), ...(finding.related ?? []).map((r) => r.message));
      texts.set(finding.check, own);
    }
    const all = [...texts.values()].flat();
    assert.ok(
      all.every((text) => !/\{\{|\}\}|undefined/.test(text)),
      'a placeholder left unfilled',
    );
    const unused: string[] = [];
    for (const check of insecureSession.checks) {
      // A base-module finding quotes the message of the check that found it, so those count for every check.
      const own = [...(texts.get(check.id) ?? []), ...(texts.get('insecure-session/insecure-base-setting') ?? [])];
      for (const [id, template] of Object.entries<string>(check.messages)) {
        if (!own.some((text) => patternOf(template).test(text))) unused.push(`${check.id}: ${id}`);
      }
    }
    assert.deepEqual(unused, []);
  });

  it('documents every check in full', () => {
    for (const check of insecureSession.checks) {
      const { what, why, example, instead } = check.docs;
      assert.ok(what.trim().length > 40 && why.trim().length > 40, `${check.id}: what and why`);
      assert.ok(example.includes('```') && instead.trim().length > 0, `${check.id}: example and instead`);
      assert.ok(check.summary.endsWith('.'), `${check.id}: summary`);
      for (const template of Object.values<string>(check.messages)) assert.ok(placeholdersOf(template).every((key) => /^\w+$/.test(key)));
    }
  });
});
