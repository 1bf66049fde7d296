import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { middlewareOrder } from '../../../server/src/rules/middleware-order';
import { analyzeFixture, fixturePath } from '../../support/harness';

const DIRS = [
  'middleware-order/django-flagged',
  'middleware-order/django-missing',
  'middleware-order/express',
  'middleware-order/express-split',
  'koa',
  'fastify',
  'nestjs/order',
  'nestjs/no-session',
  'nestjs/passport',
];

describe('middleware-order: checks', () => {
  it('every check is reported by some fixture, and every finding names a check of the rule', async () => {
    const seen = new Set<string>();
    for (const dir of DIRS) {
      const analyzer = await analyzeFixture(fixturePath(dir));
      for (const finding of analyzer.findings().filter((f) => f.rule === 'middleware-order')) {
        assert.ok(
          middlewareOrder.checks.some((check) => check.id === finding.check),
          `${finding.check} is not a check of the rule`,
        );
        seen.add(finding.check);
      }
    }
    assert.deepEqual(
      middlewareOrder.checks.map((check) => check.id).filter((id) => !seen.has(id)),
      [],
    );
  });

  it('documents every check in four sections', () => {
    for (const check of middlewareOrder.checks) {
      for (const [section, text] of Object.entries(check.docs)) assert.ok(text.trim().length > 20, `${check.id}: ${section} is empty`);
    }
  });
});
