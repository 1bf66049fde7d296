// "Fetch all in one query": a loop that reads one row per element by a unique key
// (`const user = await users.findOneBy({ id: order.userId })`) reads them all before the loop with one
// set-based query into a Map, and looks each up there: TypeORM `findBy({ id: In(keys) })`, Prisma
// `findMany({ where: { id: { in: keys } } })`, Sequelize `findAll({ where: { id: keys } })` (an array
// value means IN). `?? null` keeps the single read's "no row" value.
import type { PerRowLookup, PerRowQuery, ProjectModel, Stack, TextEdit } from '../../../model/types';

const READ_ALL: Partial<Record<Stack, (lookup: PerRowLookup, column: string, keys: string) => string>> = {
  typeorm: (lookup, column, keys) =>
    `${lookup.receiver}.findBy(${lookup.entityArgument ? `${lookup.entityArgument}, ` : ''}{ ${column}: In(${keys}) })`,
  prisma: (lookup, column, keys) => `${lookup.receiver}.findMany({ where: { ${column}: { in: ${keys} } } })`,
  sequelize: (lookup, column, keys) => `${lookup.receiver}.findAll({ where: { ${column}: ${keys} } })`,
};

/** Loops whose body runs once for every element, so reading all elements' rows first changes nothing. */
const HOISTABLE_LOOPS = new Set(['for…of', 'map', 'forEach', 'flatMap', 'Promise.all(map)', 'Promise.allSettled(map)']);

/** Calls that may change an entity they are given or called on: a row the Map shares between elements must not be. */
const MUTATORS = new Set([
  'save',
  'update',
  'remove',
  'softRemove',
  'recover',
  'destroy',
  'restore',
  'reload',
  'increment',
  'decrement',
  'set',
  'setDataValue',
  'merge',
  'assign',
  'upsert',
  'insert',
  'preload',
  'changed',
]);

/** The statement before the loop and the Map lookup in it; undefined where the loop or the row's uses make it unsafe. */
export function readAllBeforeLoop(model: ProjectModel, query: PerRowQuery, column: string): TextEdit[] | undefined {
  const lookup = query.lookup;
  const hoist = lookup?.hoist;
  const key = lookup?.key;
  const readAll = READ_ALL[query.stack];
  if (!lookup || !hoist || !key || !readAll) return undefined;
  if (!HOISTABLE_LOOPS.has(query.loopKind) || hoist.calls.some((call) => MUTATORS.has(call))) return undefined;
  const file = query.location.file;
  const imports = query.stack === 'typeorm' ? importIn(model, file) : [];
  if (!imports) return undefined;
  const keys = key.text === lookup.element ? hoist.list : `${hoist.list}.map((${lookup.element}) => ${key.text})`;
  const row = hoist.rowName;
  const rows = `(await ${readAll(lookup, column, keys)})`;
  const statement = `const ${hoist.mapName} = new Map(${rows}.map((${row}) => [${row}.${column}, ${row}]));\n${hoist.at.indent}`;
  return [
    ...imports,
    { file, range: { start: hoist.at.position, end: hoist.at.position }, newText: statement },
    { file, range: lookup.replace.range, newText: `${hoist.mapName}.get(${key.text}) ?? null` },
  ];
}

/** TypeORM's `In`: already imported, added to the file's typeorm import, or imported on a line of its own. */
function importIn(model: ProjectModel, file: string): TextEdit[] | undefined {
  const facts = model.files.get(file);
  const imports = facts?.namedImports ?? [];
  // `typeorm`, or a fork published under a scope (`@n8n/typeorm`); `@nestjs/typeorm` is Nest's module, without `In`.
  const typeorm = imports.find(
    (entry) => entry.module === 'typeorm' || (/^@[^/]+\/typeorm$/.test(entry.module) && entry.module !== '@nestjs/typeorm'),
  );
  if (typeorm?.names.includes('In')) return [];
  // Some other `In` is in scope: adding TypeORM's would clash.
  if (imports.some((entry) => entry.names.includes('In'))) return undefined;
  if (typeorm) return [{ file, range: { start: typeorm.insertAt, end: typeorm.insertAt }, newText: ', In' }];
  const at = facts?.importInsert;
  return at ? [{ file, range: { start: at.position, end: at.position }, newText: "import { In } from 'typeorm';\n" }] : undefined;
}
