// Each frontend's outline of a file (classes, functions, methods), and the model's query for the one
// a place is in: what a finding's fingerprint names instead of its line.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { prismaFrontend } from '../../server/src/frontends/prisma';
import { pythonFrontend } from '../../server/src/frontends/python';
import { typescriptFrontend } from '../../server/src/frontends/typescript';
import { enclosingSymbol } from '../../server/src/model/symbols';
import type { FileFacts } from '../../server/src/model/types';

const outline = (facts: FileFacts) => (facts.symbols ?? []).map((s) => `${s.kind} ${s.name} ${s.range.start.line}-${s.range.end.line}`);

/** The innermost symbol at a 0-based line and column of one analysed file. */
function symbolAt(facts: FileFacts, line: number, character: number): string | undefined {
  const model = { files: new Map([[facts.file, facts]]) };
  const at = { line, character };
  return enclosingSymbol(model, { file: facts.file, range: { start: at, end: at } })?.name;
}

describe('outline: Python', () => {
  before(() => pythonFrontend.init());
  const source = [
    'import os', // 0
    '',
    'class Invoice(models.Model):', // 2
    '    @property',
    '    def total(self):', // 4
    '        def line_sum(line):',
    '            return line.amount', // 6
    '        return sum(map(line_sum, self.lines.all()))',
    '',
    '    class Meta:', // 9
    '        ordering = ["id"]',
    '',
    '@csrf_exempt', // 12
    'def webhook(request):',
    '    return HttpResponse()', // 14
    '',
  ].join('\n');

  it('names nested definitions Class.method, makes functions in a class its methods, and counts decorators in', () => {
    const facts = pythonFrontend.analyze('/p/billing.py', source);
    assert.deepEqual(outline(facts), [
      'class Invoice 2-10',
      'method Invoice.total 3-7',
      'function Invoice.total.line_sum 5-6',
      'class Invoice.Meta 9-10',
      'function webhook 12-14',
    ]);
  });

  it('finds the innermost definition a place is in, and none at the top level', () => {
    const facts = pythonFrontend.analyze('/p/billing.py', source);
    assert.equal(symbolAt(facts, 6, 12), 'Invoice.total.line_sum');
    assert.equal(symbolAt(facts, 7, 8), 'Invoice.total');
    assert.equal(symbolAt(facts, 12, 0), 'webhook', 'a decorator belongs to its function');
    assert.equal(symbolAt(facts, 0, 0), undefined);
  });
});

describe('outline: TypeScript', () => {
  const source = [
    '@Injectable()', // 0
    'export class OrderService {',
    '  constructor(private readonly orders: Repository<Order>) {}', // 2
    '  async list() {',
    '    return (await this.orders.find()).map((order) => order.id);', // 4
    '  }',
    '  handle = async () => {};', // 6
    '}',
    'export const getLogin = (req, res) => {', // 8
    '  res.render("login");',
    '};', // 10
    'router.get("/", async (req, res) => res.send());',
    'export default function () {}', // 12
    '',
  ].join('\n');

  it('lists classes, methods, constructors, class fields and consts that hold functions, not callbacks', () => {
    const facts = typescriptFrontend.analyze('/p/orders.ts', source);
    assert.deepEqual(outline(facts), [
      'class OrderService 0-7',
      'method OrderService.constructor 2-2',
      'method OrderService.list 3-5',
      'method OrderService.handle 6-6',
      'function getLogin 8-10',
      'function default 12-12',
    ]);
  });

  it('puts a callback in the definition around it', () => {
    const facts = typescriptFrontend.analyze('/p/orders.ts', source);
    assert.equal(symbolAt(facts, 4, 50), 'OrderService.list');
    assert.equal(symbolAt(facts, 9, 2), 'getLogin');
    assert.equal(symbolAt(facts, 11, 30), undefined);
  });
});

describe('outline: Prisma', () => {
  it('lists each model with its whole body', () => {
    const facts = prismaFrontend.analyze(
      '/p/schema.prisma',
      'model User {\n  id    Int    @id\n  email String\n}\n\nmodel Post {\n  id Int @id\n}\n',
    );
    assert.deepEqual(outline(facts), ['class User 0-3', 'class Post 5-7']);
    assert.equal(symbolAt(facts, 2, 2), 'User');
  });
});
