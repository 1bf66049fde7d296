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

  it('reports one index per query, on its leading field, with every query as a related place', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'django-flagged'));
    const findings = analyzer.findings().filter((f) => f.rule === RULE);
    const name = findings.find((f) => f.check === 'missing-index/filtered-column' && f.message.startsWith('No index of `Author`'))!;
    assert.equal(name.severity, 'warning');
    assert.equal(name.related?.length, 2);
    assert.match(name.related![1].message, /sorts on name: Author\.objects\.order_by\("name"\)/);
    const rank = findings.find((f) => f.message.includes('order_by("-rank")'));
    assert.deepEqual([rank?.check, rank?.severity], ['missing-index/sorted-column', 'info']);
    const code = findings.find((f) => f.message.startsWith('`Category.code`'));
    assert.deepEqual([code?.check, code?.severity], ['missing-index/unservable-lookup', 'hint']);
    for (const finding of findings) assert.ok(finding.message.length <= 400, finding.message);
  });
});

describe('missing-index: Django quick fixes', () => {
  const dir = join(fixtures, 'django-fixes');
  fixTests(dir, 'missing-index/filtered-column', [
    ['Add models.Index(fields=["label"]) to Shelf.Meta.indexes', 'store/models.py', 5, 'store/models.shelf.py.expected'],
    ['Add models.Index(fields=["label"]) to Box.Meta.indexes', 'store/models.py', 9, 'store/models.box.py.expected'],
    ['Add models.Index(fields=["label"]) to Crate.Meta.indexes', 'store/models.py', 16, 'store/models.crate.py.expected'],
    ['Add models.Index(fields=["label"]) to Bin.Meta.indexes', 'store/models.py', 26, 'store/models.bin.py.expected'],
    ['Set db_index=True on Shelf.label', 'store/models.py', 5, 'store/models.dbindex.py.expected'],
    ['Add models.Index(fields=["label", "opened"]) to Drawer.Meta.indexes', 'store/models.py', 33, 'store/models.drawer.py.expected'],
  ]);
});
