// The Models explorer: the JSON model's per-model findings and Django app, and the view's rows built
// from it — grouped by app or source folder from 15 models on, marked and counted where a model has
// findings, and saying each thing once.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GROUP_FROM, groupOf, modelRows, type ModelRow } from '../../client/src/views/models-tree';
import type { JsonModel } from '../../server/src/protocol/model-json';
import { jsonModelOf, rowLabelled } from '../support/view-rows';

const examples = join(__dirname, '..', '..', 'examples');

const every = (rows: readonly ModelRow[]): ModelRow[] => rows.flatMap((row) => [row, ...every(row.children)]);

/** A model as the JSON model has it, for shapes the examples do not have. */
const model = (name: string, file: string, stack = 'typeorm'): JsonModel => ({
  name,
  stack,
  file,
  line: 1,
  column: 1,
  table: name.toLowerCase(),
  fields: [],
  indexes: [],
  findings: [],
  findingCounts: { error: 0, warning: 0, info: 0, hint: 0 },
});

describe('models view: the JSON model', () => {
  it("carries each model's findings on its declaration, fields and indexes, and the Django app", async () => {
    const json = await jsonModelOf(examples);
    const post = json.models.find((m) => m.name === 'Post' && m.stack === 'typeorm')!;
    assert.deepEqual(post.findingCounts, { error: 0, warning: 2, info: 1, hint: 0 });
    assert.equal(post.findings.length, 3);
    assert.ok(post.findings.some((message) => message.includes('`Post.reviewer`')));
    const book = json.models.find((m) => m.name === 'Book')!;
    // The icontains on `title` (hint); the default ordering on `published` alone is no finding.
    assert.deepEqual(book.findingCounts, { error: 0, warning: 0, info: 0, hint: 1 });
    assert.equal(book.app, 'catalog');
    assert.equal(json.models.find((m) => m.name === 'Order' && m.stack === 'django')?.app, 'orders');
    assert.ok(!('app' in post), 'only Django models have an app');
    const tag = json.models.find((m) => m.name === 'Tag')!;
    assert.deepEqual([tag.findings, tag.findingCounts], [[], { error: 0, warning: 0, info: 0, hint: 0 }]);
  });
});

describe('models view: rows', () => {
  it("groups the examples' 15 models by Django app and source folder, folded, with counts", async () => {
    const rows = modelRows((await jsonModelOf(examples)).models);
    assert.deepEqual(
      rows.map((row) => [row.label, row.description]),
      [
        ['django-shop/catalog', '4 models'],
        ['django-shop/orders', '3 models'],
        ['express-prisma/prisma', '3 models · 2 findings'],
        ['express-sequelize/src/models', '2 models · 1 finding'],
        ['express-typeorm/src/entities', '2 models · 3 findings'],
        ['nestjs-app/src/users', '1 model'],
      ],
    );
    assert.ok(rows.every((row) => row.kind === 'group' && row.icon === 'group' && !row.expanded));
    assert.deepEqual(
      rowLabelled(rows, 'django-shop/orders').children.map((row) => row.label),
      ['Customer', 'Order', 'OrderLine'],
    );
  });

  it('marks a model with its worst listed finding and counts them; a hint is neither marked nor counted', async () => {
    const rows = modelRows((await jsonModelOf(examples)).models);
    const post = rowLabelled(rowLabelled(rows, 'express-typeorm/src/entities').children, 'Post');
    assert.equal(post.icon, 'warning');
    assert.equal(post.description, 'posts · typeorm · 3 findings');
    assert.equal(post.kind, 'model');
    assert.ok(post.tooltip.some((line) => line.includes('`Post.author`')));
    const catalog = rowLabelled(rows, 'django-shop/catalog').children;
    // Book has only a hint, which is neither marked nor counted.
    assert.deepEqual([rowLabelled(catalog, 'Book').icon, rowLabelled(catalog, 'Book').description], ['model', 'catalog_book · django']);
    assert.deepEqual([rowLabelled(catalog, 'Tag').icon, rowLabelled(catalog, 'Tag').description], ['model', 'catalog_tag · django']);
  });

  it('stays flat under 15 models', async () => {
    const rows = modelRows((await jsonModelOf(join(examples, 'django-shop'))).models);
    assert.deepEqual(
      rows.map((row) => row.label),
      ['Publisher', 'Author', 'Tag', 'Book', 'Customer', 'Order', 'OrderLine'],
    );
    assert.equal(GROUP_FROM, 15);
    // Many models in one folder: one group would only add a click.
    const many = Array.from({ length: 20 }, (_, i) => model(`M${i}`, `src/entities/m${i}.ts`));
    assert.deepEqual(
      modelRows(many).map((row) => row.kind),
      many.map(() => 'model'),
    );
  });

  it('says each thing once: one key marker a field, "unique" beside an index only when its source does not say it', async () => {
    const rows = every(modelRows((await jsonModelOf(examples)).models));
    for (const row of rows) {
      const parts = row.description.split(/ · |, | {2}/).filter(Boolean);
      assert.equal(new Set(parts).size, parts.length, `"${row.label}" repeats itself: ${row.description}`);
    }
    const author = rowLabelled(rowLabelled(rows, 'django-shop/catalog').children, 'Author').children;
    assert.equal(rowLabelled(author, 'email').description, 'EmailField  unique');
    assert.equal(rowLabelled(author, 'index (email)').description, 'unique');
    const prismaUser = rowLabelled(rowLabelled(rows, 'express-prisma/prisma').children, 'User').children;
    assert.deepEqual(
      prismaUser.filter((row) => row.icon === 'index').map((row) => [row.label, row.description]),
      [
        ['index (id)', '@id'],
        ['index (email)', '@unique'],
      ],
    );
    assert.equal(rowLabelled(prismaUser, 'id').description, 'Int  pk');
  });

  it("puts the models of a Django models/ package under their app's folder", () => {
    assert.equal(groupOf(model('Invoice', 'shop/billing/models/invoice.py', 'django')), 'shop/billing');
    assert.equal(groupOf(model('Invoice', 'shop/billing/models.py', 'django')), 'shop/billing');
    assert.equal(groupOf(model('Invoice', 'src/models/invoice.ts', 'sequelize')), 'src/models');
  });

  it("names a Django app whose label is not its folder's, and the top level", () => {
    const labelled = { ...model('Invoice', 'billing/models.py', 'django'), app: 'invoicing' };
    const rows = modelRows([labelled, ...Array.from({ length: 14 }, (_, i) => model(`M${i}`, `m${i}.ts`))]);
    assert.deepEqual(
      rows.map((row) => [row.label, row.description]),
      [
        ['(top level)', '14 models'],
        ['billing', '1 model · app invoicing'],
      ],
    );
  });

  it('names every row that must keep its state across rebuilds once: groups and models', async () => {
    const rows = every(modelRows((await jsonModelOf(examples)).models));
    const ids = rows.flatMap((row) => (row.id ? [row.id] : []));
    assert.equal(ids.length, rows.filter((row) => row.kind === 'group' || row.kind === 'model').length);
    assert.equal(new Set(ids).size, ids.length);
    const twice = modelRows([model('Legacy', 'app/models.ts'), model('Legacy', 'app/models.ts')]);
    assert.deepEqual(
      twice.map((row) => row.id),
      ['model:typeorm:app/models.ts:Legacy', 'model:typeorm:app/models.ts:Legacy#2'],
    );
  });
});
