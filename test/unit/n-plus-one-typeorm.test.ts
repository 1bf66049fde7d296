import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, checkFixture } from '../support/harness';

const project = join(__dirname, '..', 'fixtures', 'n-plus-one', 'typeorm');
const RULE = 'n-plus-one';

describe('n-plus-one: TypeORM', () => {
  it('flags reads that run once per element of a loop, whatever the repository is called', async () => {
    await checkFixture(project, RULE, ['src/flagged.ts']);
  });

  it('stays silent on set-based reads, for await, writes, joined relations and deferred callbacks', async () => {
    await checkFixture(project, RULE, ['src/clean.ts']);
  });

  it('points at the loop', async () => {
    const analyzer = await analyzeFixture(project);
    const finding = analyzer.findings().find((f) => f.rule === RULE && f.message.includes('users.findOneBy()'))!;
    assert.equal(finding.related?.[0].location.range.start.line, 9);
  });
});
