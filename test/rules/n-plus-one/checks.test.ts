// The n-plus-one rule's checks as a whole: each is reported by some fixture, each of its templates (messages,
// fix titles, related places) shows up rendered in full, and each is documented.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/model/types';
import { placeholdersOf } from '../../../server/src/rules/check';
import { nPlusOne } from '../../../server/src/rules/n-plus-one';
import { analyzeFixture, fixturePath } from '../../support/harness';

const DIRS = [
  'n-plus-one/django',
  'n-plus-one/django-fixes',
  'n-plus-one/django-template-fixes',
  'n-plus-one/typeorm',
  'n-plus-one/typeorm-fixes',
  'n-plus-one/prisma',
  'n-plus-one/prisma-fixes',
  'n-plus-one/sequelize-fixes',
  'n-plus-one/query-functions',
  'n-plus-one/call-graph',
  'sequelize',
  'mongoose',
  'mikro-orm',
  'drizzle',
];

async function findingsOfFixtures(): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const dir of DIRS) findings.push(...(await analyzeFixture(fixturePath(dir))).findings().filter((f) => f.rule === 'n-plus-one'));
  return findings;
}

/**
 * Whether `text` is the template rendered: all of it, with something in place of each placeholder. A template
 * without placeholders may be a fragment another one embeds (` (in parallel, ...)`): it need only occur.
 */
function renders(template: string, text: string): boolean {
  if (placeholdersOf(template).length === 0) return text.includes(template);
  const parts = template.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^]*?')}$`).test(text);
}

describe('n-plus-one: checks', () => {
  it('every check is reported by some fixture, and every finding names a check of the rule', async () => {
    const seen = new Set<string>();
    for (const finding of await findingsOfFixtures()) {
      assert.ok(
        nPlusOne.checks.some((check) => check.id === finding.check),
        `${finding.check} is not a check of the rule`,
      );
      seen.add(finding.check);
    }
    assert.deepEqual(
      nPlusOne.checks.map((check) => check.id).filter((id) => !seen.has(id)),
      [],
    );
  });

  it('renders every template of every check, in a message, a fix title or a related place, with each placeholder filled', async () => {
    const findings = await findingsOfFixtures();
    const unused: string[] = [];
    for (const check of nPlusOne.checks) {
      const texts = findings
        .filter((f) => f.check === check.id)
        .flatMap((f) => [f.message, ...f.fixes.map((fix) => fix.title), ...(f.related ?? []).map((r) => r.message)]);
      for (const text of texts) assert.ok(!/\{\{|undefined/.test(text), `${check.id}: "${text}"`);
      for (const [id, template] of Object.entries(check.messages)) {
        if (!texts.some((text) => renders(template, text))) unused.push(`${check.id}: ${id}`);
      }
    }
    assert.deepEqual(unused, []);
  });

  it('documents every check in four sections', () => {
    for (const check of nPlusOne.checks) {
      for (const [section, text] of Object.entries(check.docs)) assert.ok(text.trim().length > 20, `${check.id}: ${section} is empty`);
    }
  });
});
