// Quick fixes for per-row reads in TypeScript ORMs: load the relation with the list (and read it from the
// row), or read every element's row before the loop with one set-based query and a Map. Each fix is
// applied, compared with an expected file, re-parsed and re-analysed (see checkFix); look-alikes keep
// their finding and get no fix.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, checkFixture, fixTests } from '../../support/harness';

const fixtures = join(__dirname, 'fixtures');
const RULE = 'n-plus-one';

/** The fixes offered on each finding of one file, by 1-based line: title, and a `*` when preferred. */
async function fixesByLine(dir: string, file: string): Promise<Map<number, string[]>> {
  const analyzer = await analyzeFixture(dir);
  const byLine = new Map<number, string[]>();
  for (const finding of analyzer.findings().filter((f) => f.rule === RULE && f.file === join(dir, file))) {
    byLine.set(
      finding.range.start.line + 1,
      finding.fixes.map((fix) => `${fix.title}${fix.isPreferred ? ' *' : ''}`),
    );
  }
  return byLine;
}

async function assertNoFixes(dir: string, file: string): Promise<void> {
  const byLine = await fixesByLine(dir, file);
  assert.ok(byLine.size > 0, `${file} has findings`);
  const offered = [...byLine].filter(([, titles]) => titles.length > 0);
  assert.deepEqual(offered, [], `${file}: look-alikes must get no fix`);
}

describe('n-plus-one quick fixes: TypeORM', () => {
  const dir = join(fixtures, 'typeorm-fixes');

  it('flags every per-row read of the fixtures, look-alikes included', async () => {
    await checkFixture(dir, RULE);
  });

  fixTests(dir, RULE, [
    ['Load author with posts (relations)', 'src/relations.ts', 11, 'src/relations.none.ts.expected'],
    ['Load author with posts (relations)', 'src/relations.ts', 24, 'src/relations.object.ts.expected'],
    ['Load author with posts (relations)', 'src/relations.ts', 30, 'src/relations.array.ts.expected'],
    ['Load author with posts (relations)', 'src/relations.ts', 37, 'src/relations.loaded.ts.expected'],
    ['Fetch all User rows in one query', 'src/relations.ts', 11, 'src/relations.hoist.ts.expected'],
    ['Fetch all User rows in one query', 'src/hoist.ts', 14, 'src/hoist.class.ts.expected'],
    ['Fetch all User rows in one query', 'src/hoist.ts', 22, 'src/hoist.ids.ts.expected'],
  ]);

  it('prefers loading the relation with the list over a set-based read, and offers only the latter without a relation', async () => {
    const relations = await fixesByLine(dir, 'src/relations.ts');
    assert.deepEqual(relations.get(11), ['Load author with posts (relations) *', 'Fetch all User rows in one query before the loop']);
    // Read inside an expression, not kept in a const: only the relation fix replaces it safely.
    assert.deepEqual(relations.get(30), ['Load author with posts (relations) *']);
    const hoist = await fixesByLine(dir, 'src/hoist.ts');
    assert.deepEqual(hoist.get(14), ['Fetch all User rows in one query before the loop *']);
  });

  it('offers no fix for extra options, non-unique or compound keys, computed keys, loops over a call, changed rows, let, OrFail, sync functions, kept promises and receivers made in the loop', async () => {
    await assertNoFixes(dir, 'src/lookalikes.ts');
  });
});

describe('n-plus-one quick fixes: Prisma', () => {
  const dir = join(fixtures, 'prisma-fixes');

  it('flags sequential per-row reads, not findUnique batched under Promise.all', async () => {
    await checkFixture(dir, RULE);
  });

  fixTests(dir, RULE, [
    ['Load author with posts (include)', 'src/include.ts', 9, 'src/include.include.ts.expected'],
    ['Load author with posts (select)', 'src/include.ts', 20, 'src/include.select.ts.expected'],
    ['Fetch all User rows in one query', 'src/hoist.ts', 8, 'src/hoist.ts.expected'],
  ]);

  it('does not load a relation the list already selects in part, but still reads all rows at once', async () => {
    const partial = await fixesByLine(dir, 'src/partial.ts');
    assert.deepEqual(partial.get(10), ['Fetch all User rows in one query before the loop *']);
  });

  it('offers no fix for select, non-unique keys, OrThrow, changed rows and loops over a call', async () => {
    await assertNoFixes(dir, 'src/lookalikes.ts');
  });
});

describe('n-plus-one quick fixes: Sequelize', () => {
  const dir = join(fixtures, 'sequelize-fixes');

  it('flags association getters and reads per loop element', async () => {
    await checkFixture(dir, RULE);
  });

  fixTests(dir, RULE, [
    ['Load author with posts (include)', 'src/include.ts', 8, 'src/include.include.ts.expected'],
    ['Load author with posts (include)', 'src/include.ts', 16, 'src/include.included.ts.expected'],
    ['Fetch all User rows in one query', 'src/hoist.ts', 7, 'src/hoist.ts.expected'],
  ]);

  it('offers no fix for getter options, lists from parameters, filtered includes, findByPk options, non-unique keys and changed rows', async () => {
    await assertNoFixes(dir, 'src/lookalikes.ts');
  });
});
