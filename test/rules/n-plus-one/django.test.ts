import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, checkFix, checkFixture, fixTests } from '../../support/harness';

const fixtures = join(__dirname, 'fixtures');
const RULE = 'n-plus-one';
/** One Django project whose files each serve one test below. */
const project = join(fixtures, 'django');

describe('n-plus-one: Django loops over querysets', () => {
  it('flags each read that costs a query per row, with the relation path and the loop', async () => {
    await checkFixture(project, RULE, ['library/views.py']);
  });

  it('stays silent where the queryset loads the path, on _id reads, values() rows and single objects', async () => {
    await checkFixture(project, RULE, ['library/clean_views.py']);
  });

  it('points at the queryset and the loop', async () => {
    const analyzer = await analyzeFixture(project);
    const forward = analyzer
      .findings()
      .find((f) => f.rule === RULE && f.file.endsWith(join('library', 'views.py')) && f.message.includes('select_related("author")'))!;
    assert.deepEqual(
      forward.related?.map((r) => [r.location.range.start.line + 1, r.message.split(' (')[0]]),
      [
        [8, 'the queryset, built here'],
        [9, 'the loop that runs the query once per row'],
      ],
    );
  });
});

describe('n-plus-one: Django managers', () => {
  it("follows custom queryset methods and counts what a manager's get_queryset() loads", async () => {
    await checkFixture(project, RULE, ['library/manager_views.py']);
  });
});

describe('n-plus-one: Django querysets across functions', () => {
  it('follows a queryset returned by a helper, and one passed to a helper that loops over it', async () => {
    const findings = await checkFixture(project, RULE, ['library/queries.py', 'library/report_views.py']);
    const passed = findings.find((f) => f.file.endsWith('queries.py'))!;
    assert.ok(passed.fixes[0].edits[0].file.endsWith('views.py'), 'the fix extends the queryset where the view builds it');
  });
});

describe('n-plus-one: Django templates', () => {
  it('follows querysets from views (functions and list views) into the templates that loop over them', async () => {
    const templates = ['authors', 'book_table', 'books', 'joined', 'latest'].map((name) => `library/templates/shop/${name}.html`);
    await checkFixture(project, RULE, [
      ...templates,
      'library/templates/library/author_list.html',
      'library/template_views.py',
      'library/templatetags/shop_tags.py',
    ]);
  });

  it('declares a queryset on a list view that only names its model', async () => {
    await checkFix({
      dir: join(fixtures, 'django-template-fixes'),
      rule: RULE,
      file: 'shop/templates/shop/author_list.html',
      line: 1,
      title: 'Add prefetch_related("books") to the queryset',
      expected: { 'shop/views.py': 'shop/views.py.expected' },
    });
  });
});

describe('n-plus-one: Django REST framework and admin', () => {
  it('reads what serializers read per object, fed by the view querysets', async () => {
    await checkFixture(project, RULE, ['api/serializers.py', 'api/views.py', 'api/inherited_views.py']);
  });

  it('follows get_queryset() along the bases, and says nothing where loading or the serializer is computed or no list is served', async () => {
    const analyzer = await analyzeFixture(project);
    const views = analyzer
      .findings()
      .filter((f) => f.rule === RULE && f.related?.some((r) => r.location.file.endsWith('inherited_views.py')));
    assert.deepEqual(
      views.map((f) => f.message.match(/prefetch_related\("\w+"\)|select_related\("\w+"\)/)?.[0]),
      ['prefetch_related("review_set")'],
    );
  });

  it("reads the admin changelist's columns, with Django's own select_related", async () => {
    await checkFixture(project, RULE, ['library/admin.py']);
  });

  it('fixes a view queryset and an admin list_select_related', async () => {
    const analyzer = await analyzeFixture(project);
    const methodField = analyzer
      .findings()
      .find(
        (f) =>
          f.rule === RULE &&
          f.message.includes('review_set') &&
          f.file.endsWith('serializers.py') &&
          f.related?.[0].location.file.endsWith(join('api', 'views.py')),
      )!;
    assert.equal(methodField.fixes[0].edits[0].file, join(project, 'api', 'views.py'));
    const admin = analyzer;
    const publisher = admin
      .findings()
      .find((f) => f.rule === RULE && f.file.endsWith('admin.py') && f.message.includes('select_related("publisher")'))!;
    assert.equal(publisher.fixes[0].title, 'Set list_select_related = ["publisher"]');
    const review = admin.findings().find((f) => f.rule === RULE && f.file.endsWith('admin.py') && f.message.includes('book__author'))!;
    assert.deepEqual(review.fixes, [], 'list_select_related is already set: no second one');
  });
});

describe('n-plus-one: Django quick fixes', () => {
  const dir = join(fixtures, 'django-fixes');
  fixTests(dir, RULE, [
    ['Add select_related("author") to the queryset', 'shop/views.py', 7, 'views.select.py.expected'],
    ['Add select_related("author__publisher") to the queryset', 'shop/views.py', 12, 'views.deep.py.expected'],
    ['Add prefetch_related("tags") to the queryset', 'shop/views.py', 16, 'views.prefetch.py.expected'],
    ['Read author_id instead', 'shop/views.py', 20, 'views.key.py.expected'],
    ['Annotate the count with Count("book")', 'shop/views.py', 25, 'views.count.py.expected'],
  ]);
});
