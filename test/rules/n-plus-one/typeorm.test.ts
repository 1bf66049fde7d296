import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, checkFixture, fixTests } from '../../support/harness';

const project = join(__dirname, 'fixtures', 'typeorm');
const RULE = 'n-plus-one';

describe('n-plus-one: TypeORM', () => {
  it('flags reads that run once per element of a loop, whatever the repository is called', async () => {
    await checkFixture(project, RULE, ['src/flagged.ts']);
  });

  it('stays silent on set-based reads, for await, writes, joined relations and deferred callbacks', async () => {
    await checkFixture(project, RULE, ['src/clean.ts']);
  });

  it('knows which relations a QueryBuilder joins and selects', async () => {
    await checkFixture(project, RULE, ['src/query-builders.ts']);
  });

  it('flags a QueryBuilder run once per element, built in the loop or before it, and not a set-based or deferred one', async () => {
    await checkFixture(project, RULE, ['src/builder-loops.ts']);
  });

  it('points at the loop', async () => {
    const analyzer = await analyzeFixture(project);
    const finding = analyzer.findings().find((f) => f.rule === RULE && f.message.includes('`users.findOneBy()`'))!;
    const lines = readFileSync(join(project, 'src', 'flagged.ts'), 'utf8').split('\n');
    assert.match(lines[finding.related![0].location.range.start.line], /^\s*for \(const post of posts\) \{$/);
  });
});

describe('n-plus-one: TypeORM quick fixes', () => {
  fixTests(project, RULE, [
    ['Load category with the list (relations)', 'src/categories.ts', 6, 'src/categories.none.ts.expected'],
    ['Load category with the list (relations)', 'src/categories.ts', 11, 'src/categories.options.ts.expected'],
    ['Load category with the list (relations)', 'src/categories.ts', 20, 'src/categories.relations.ts.expected'],
    ['Load category with the list (leftJoinAndSelect)', 'src/query-builders.ts', 8, 'src/query-builders.ts.expected'],
  ]);
});

describe('n-plus-one: configured query functions', () => {
  it('treats the functions stackscope.json lists in queryFunctions as queries', async () => {
    await checkFixture(join(__dirname, 'fixtures', 'query-functions'), RULE);
  });
});
