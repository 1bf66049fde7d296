// Django query chains as whole queries: the conditions of every filter(), exclude(), get(), ... call of a chain
// (keyword lookups and `Q()` objects), its sort (the last order_by(), or the model's Meta.ordering when it lists
// rows), split by the tables the lookups reach. Queries in tests, migrations, seeds and scripts are left out:
// they are no reason to index a column.
import { countsAsEvidence } from '../../model/contexts';
import { djangoModels, type DjangoModels } from '../../model/django/relations';
import type { Field, FilterTerm, ModelDecl, ProjectModel, QueryCall, QuerySite } from '../../model/types';
import { resolveLookup } from './django-lookups';
import type { QueryShape, TableQuery } from './query-shapes';

/** Methods that return one object, a number or a write: no list, so the default ordering does not apply. */
const UNSORTED = new Set([
  'get',
  'count',
  'exists',
  'aggregate',
  'update',
  'delete',
  'get_or_create',
  'update_or_create',
  'in_bulk',
  'contains',
  'explain',
]);
const SORTING = new Set(['order_by', 'latest', 'earliest', 'distinct']);
/** Methods that read one row: `LIMIT 1`. */
const LIMITING = new Set(['first', 'last', 'latest', 'earliest']);

export function djangoQueries(model: ProjectModel): { models: DjangoModels; queries: TableQuery[] } {
  const models = djangoModels(model);
  const queries: TableQuery[] = [];
  for (const site of model.queries) {
    if (site.stack !== 'django' || !countsAsEvidence(model, site.location.file)) continue;
    const root = models.byName(site.model);
    if (root) queries.push(tableQuery(models, root, site));
  }
  return { models, queries };
}

function tableQuery(models: DjangoModels, root: ModelDecl, site: QuerySite): TableQuery {
  const all: FilterTerm[] = [];
  const groups: FilterTerm[][][] = [];
  let opaque = false;
  for (const call of site.calls) {
    if (call.conditions) {
      all.push(...call.conditions.all);
      groups.push(...call.conditions.any);
      opaque ||= call.conditions.opaque === true;
    }
    // `in_bulk(ids)` selects by primary key.
    if (call.method === 'in_bulk') all.push({ lookup: 'pk__in' });
  }
  const [first, ...others] = groups;
  const extra = others.flat(2).map((term) => ({ ...term, negated: true }));
  const branches = first ?? [[]];
  // A lookup that cannot be followed (an annotation, a model outside the project) may be the one an index serves.
  let unresolved = false;
  const variants = branches.map((branch) => {
    const tables = new Map<string, QueryShape>();
    const shape = (path: string, of: ModelDecl) => {
      let found = tables.get(path);
      if (!found) tables.set(path, (found = { model: of, equal: [], range: [], sort: [], tested: new Set(), unservable: [] }));
      return found;
    };
    shape('', root);
    for (const term of [...all, ...branch, ...extra]) if (!addTerm(models, root, term, shape)) unresolved = true;
    addSort(models, root, site, shape('', root));
    return [...tables.values()];
  });
  return { variants, ...(opaque || unresolved ? { opaque: true } : {}), text: queryText(site), location: site.location };
}

/** Adds what the term tests to its table's shape; false when the lookup cannot be resolved. */
function addTerm(models: DjangoModels, root: ModelDecl, term: FilterTerm, shape: (path: string, of: ModelDecl) => QueryShape): boolean {
  const resolved = resolveLookup(models, root, term.lookup);
  if (!resolved) return false;
  const target = shape(resolved.path, resolved.model);
  const { field, test } = resolved;
  target.tested.add(field.column);
  if (term.negated || term.value === 'expression' || term.value === 'null') return true;
  if (test === 'equal') add(target.equal, field);
  else if (test === 'range') add(target.range, field);
  else if (test === 'upper' || test === 'upper-prefix' || test === 'wildcard')
    target.unservable.push({ field, kind: test, written: term.lookup });
  return true;
}

/** The chain's sort: its last order_by() (or latest(), earliest(), distinct(fields)), else the model's default ordering for a list. */
function addSort(models: DjangoModels, root: ModelDecl, site: QuerySite, shape: QueryShape): void {
  const sorting = [...site.calls]
    .reverse()
    .find((call) => SORTING.has(call.method) && (call.method !== 'distinct' || call.args.length > 0));
  const lists = site.calls.every((call) => !UNSORTED.has(call.method));
  const fields = sorting ? sorting.args : lists ? (root.ordering?.fields ?? []) : [];
  for (const written of fields) {
    if (written === '?') return;
    const resolved = resolveLookup(models, root, written.replace(/^-/, ''), true);
    // A sort on a joined table's column is not one an index of this table can give.
    if (!resolved || resolved.path !== '') return;
    add(shape.sort, resolved.field);
  }
  if (!sorting && shape.sort.length > 0) shape.defaultSort = true;
  if (site.sliced || site.calls.some((call) => LIMITING.has(call.method))) shape.limited = true;
}

function add(fields: Field[], field: Field): void {
  if (!fields.some((f) => f.column === field.column)) fields.push(field);
}

/** `Order.objects.filter(status=…, created__gte=…).order_by("-created")`: the calls that select and sort. */
function queryText(site: QuerySite): string {
  const calls = site.calls.filter((call) => call.conditions || SORTING.has(call.method) || call.method === 'in_bulk');
  const text = `${site.model}.${site.manager}.${calls.map(callText).join('.')}`;
  // Too long to quote whole: the calls without their arguments.
  return text.length <= 100 ? text : `${site.model}.${site.manager}.${calls.map((call) => `${call.method}(…)`).join('.')}`;
}

function callText(call: QueryCall): string {
  if (call.method === 'order_by' || call.method === 'latest' || call.method === 'earliest' || call.method === 'distinct') {
    return `${call.method}(${call.args.map((arg) => JSON.stringify(arg)).join(', ')})`;
  }
  if (!call.conditions) return `${call.method}()`;
  // `Q(a=…) | Q(b=…)` as written, so that the reader finds the alternatives the query has.
  const alternatives = call.conditions.any.map((group) => group.map((branch) => `Q(${terms(branch)})`).join(' | '));
  const plain = terms(call.conditions.all);
  return `${call.method}(${[...alternatives, ...(plain ? [plain] : [])].join(', ')})`;
}

const terms = (list: readonly FilterTerm[]) => [...new Set(list.map((term) => term.lookup))].map((lookup) => `${lookup}=…`).join(', ');
