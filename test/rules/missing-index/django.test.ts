import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, checkFixture, fixTests } from '../../support/harness';

const fixtures = join(__dirname, 'fixtures');
const RULE = 'missing-index';

describe('missing-index: Django', () => {
  it('flags fields that queries filter or sort on without an index leading with them', async () => {
    await checkFixture(join(fixtures, 'django-flagged'), RULE);
  });

  it('stays silent on primary keys, unique, slug, foreign key, db_index and leading index columns', async () => {
    await checkFixture(join(fixtures, 'django-clean'), RULE);
  });

  it('counts a foreign key as indexed on MySQL even with db_index=False, unless db_constraint=False', async () => {
    await checkFixture(join(fixtures, 'django-mysql'), RULE);
  });

  it('lists every query on the field, warns for filters and informs for sorting', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'django-flagged'));
    const findings = analyzer.findings().filter((f) => f.rule === RULE);
    const created = findings.find((f) => f.message.startsWith('`Product.created`'))!;
    assert.deepEqual([created.check, created.severity], ['missing-index/filtered-column', 'warning']);
    assert.match(created.message, /`created__gte` \(store\/views\.py:14\), `created__year` \(store\/views\.py:18\)/);
    assert.equal(created.related?.length, 2);
    assert.match(created.message, /migration/);
    const rank = findings.find((f) => f.message.startsWith('`Product.rank`'));
    assert.deepEqual([rank?.check, rank?.severity], ['missing-index/sorted-column', 'info']);
    const code = findings.find((f) => f.message.startsWith('`Category.code`'));
    assert.deepEqual([code?.check, code?.severity], ['missing-index/unservable-lookup', 'hint']);
  });
});

describe('missing-index: Django quick fixes', () => {
  const dir = join(fixtures, 'django-fixes');
  fixTests(dir, 'missing-index/filtered-column', [
    ['Add an index on Shelf.label to Meta.indexes', 'store/models.py', 5, 'store/models.shelf.py.expected'],
    ['Add an index on Box.label to Meta.indexes', 'store/models.py', 9, 'store/models.box.py.expected'],
    ['Add an index on Crate.label to Meta.indexes', 'store/models.py', 16, 'store/models.crate.py.expected'],
    ['Add an index on Bin.label to Meta.indexes', 'store/models.py', 26, 'store/models.bin.py.expected'],
    ['Set db_index=True on Shelf.label', 'store/models.py', 5, 'store/models.dbindex.py.expected'],
  ]);
});
