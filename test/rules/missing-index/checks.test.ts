import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Finding } from '../../../server/src/model/types';
import type { Check } from '../../../server/src/rules/check';
import { missingIndex } from '../../../server/src/rules/missing-index';
import { analyzeFixture, fixturePath } from '../../support/harness';

const DIRS = [
  'missing-index/django-flagged',
  'missing-index/django-mysql',
  'missing-index/django-fixes',
  'missing-index/typeorm',
  'missing-index/typeorm-querybuilder',
  'missing-index/ts-columns',
  'missing-index/prisma',
  'missing-index/prisma-fixes',
  'missing-index/prisma-folder',
  'missing-index/prisma-configured',
  'sequelize',
  'mikro-orm',
  'drizzle',
  'mongoose',
];

/** Fallbacks for facts a valid project always has (a partial index's name, a Drizzle table's dialect). */
const FALLBACKS = new Set(['missing-index/foreign-key:unknownDatabase']);

describe('missing-index: checks', () => {
  const rendered = new Set<string>();
  const findings: Finding[] = [];
  const originals = new Map<Check, Check['text']>();

  before(async () => {
    // Every template the rule renders goes through its check's text(), which throws on a placeholder left unfilled.
    for (const check of missingIndex.checks) {
      const text = check.text.bind(check);
      originals.set(check, check.text);
      check.text = (message, data) => {
        rendered.add(`${check.id}:${message}`);
        return text(message, data);
      };
    }
    for (const dir of DIRS) findings.push(...(await analyzeFixture(fixturePath(dir))).findings().filter((f) => f.rule === 'missing-index'));
  });

  after(() => {
    for (const [check, text] of originals) check.text = text;
  });

  it('every check is reported by some fixture, and every finding names a check of the rule', () => {
    for (const finding of findings)
      assert.ok(
        missingIndex.checks.some((check) => check.id === finding.check),
        `${finding.check} is not a check of the rule`,
      );
    const seen = new Set(findings.map((finding) => finding.check));
    assert.deepEqual(
      missingIndex.checks.map((check) => check.id).filter((id) => !seen.has(id)),
      [],
    );
  });

  it('renders every template of every check, its placeholders filled', () => {
    const templates = missingIndex.checks.flatMap((check) => Object.keys(check.messages).map((message) => `${check.id}:${message}`));
    assert.deepEqual(
      templates.filter((id) => !rendered.has(id) && !FALLBACKS.has(id)),
      [],
    );
    for (const check of missingIndex.checks) {
      for (const message of Object.keys(check.messages))
        if (FALLBACKS.has(`${check.id}:${message}`)) assert.ok(check.text(message).length > 0);
    }
  });

  it('documents every check in four sections', () => {
    for (const check of missingIndex.checks) {
      for (const [section, text] of Object.entries(check.docs)) assert.ok(text.trim().length > 20, `${check.id}: ${section} is empty`);
    }
  });
});
