// What a Django lookup tests: `author__name__iexact` follows the forward key `author` to Author and tests
// `name` with `iexact`, which compiles to `UPPER(name) = UPPER(%s)` (django/db/backends/postgresql/operations.py).
import type { DjangoModels } from '../../model/django/relations';
import type { Field, ModelDecl } from '../../model/types';
import type { UnservableKind } from './query-shapes';

/** How a lookup tests its column, as far as an index is concerned. */
export type LookupTest = 'equal' | 'range' | 'null' | 'other' | UnservableKind;

const TESTS: Readonly<Record<string, LookupTest>> = {
  exact: 'equal',
  in: 'equal',
  gt: 'range',
  gte: 'range',
  lt: 'range',
  lte: 'range',
  range: 'range',
  // Django turns `__year=2024` into a BETWEEN on the column itself (YearLookup.as_sql).
  year: 'range',
  // `LIKE 'x%'`: a B-tree with the pattern operator class Django adds to indexed text columns serves it.
  startswith: 'range',
  isnull: 'null',
  iexact: 'upper',
  istartswith: 'upper-prefix',
  contains: 'wildcard',
  icontains: 'wildcard',
  endswith: 'wildcard',
  iendswith: 'wildcard',
  regex: 'wildcard',
  iregex: 'wildcard',
};
/** Transforms and lookups of other field kinds: the column is wrapped or compared by operators a B-tree does not serve. */
const OTHER = new Set([
  'date',
  'day',
  'month',
  'week',
  'week_day',
  'iso_week_day',
  'quarter',
  'time',
  'hour',
  'minute',
  'second',
  'iso_year',
  'search',
  'trigram_similar',
  'unaccent',
  'contained_by',
  'overlap',
  'has_key',
  'has_keys',
  'has_any_keys',
  'len',
  'lower',
  'upper',
  'length',
  'keys',
  'values',
]);
/**
 * Text fields, where `contains`, `iexact`, ... are LIKE and UPPER() matches. On other fields they are something
 * else: containment on an ArrayField or JSONField (`@>`, a GIN index's business), a custom lookup on a project's
 * own field class (whose base is not known here).
 */
const TEXT_FIELDS = /^(Char|Text|Email|Slug|URL|UUID|FilePath|File|Image|CIChar|CIText|CIEmail|GenericIPAddress)Field$/;

export interface ResolvedTest {
  /** The tables the lookup joins through, from the queried model: `author` for `author__name`, empty for the model's own. */
  path: string;
  model: ModelDecl;
  field: Field;
  test: LookupTest;
}

/** The primary key Django adds when a model declares none: `id`, an AutoField. */
const implicitKeys = new WeakMap<ModelDecl, Field>();
export function primaryKeyOf(model: ModelDecl): Field {
  const declared = model.fields.find((field) => field.primaryKey);
  if (declared) return declared;
  let key = implicitKeys.get(model);
  if (!key) {
    key = { name: 'id', column: 'id', type: 'AutoField', primaryKey: true, unique: true, indexed: true, location: model.location };
    implicitKeys.set(model, key);
  }
  return key;
}

/**
 * The column a lookup tests and how, following forward keys, reverse names and many-to-many fields; undefined
 * for generic relations and what cannot be resolved. With `ordering`, the lookup is a sort.
 */
export function resolveLookup(models: DjangoModels, root: ModelDecl, written: string, ordering = false): ResolvedTest | undefined {
  const parts = written.split('__');
  let current = root;
  const path: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const segment = parts[i];
    const rest = parts.slice(i + 1);
    const testOf = (field: Field): LookupTest => (ordering ? 'equal' : testOfRest(field, rest));
    if (segment === 'pk' || (segment === 'id' && !current.fields.some((f) => f.name === 'id'))) {
      return { path: path.join('__'), model: current, field: primaryKeyOf(current), test: testOf(primaryKeyOf(current)) };
    }
    const field = current.fields.find((f) => f.name === segment || f.column === segment);
    if (!field) {
      const reverse = models.reverseQuery(current).get(segment);
      if (!reverse) return undefined;
      current = reverse.from;
      path.push(segment);
      continue;
    }
    const relation = field.relation;
    if (relation?.kind === 'generic') return undefined;
    if (relation && relation.kind !== 'many-to-many') {
      const target = models.target(field);
      // `author=obj`, `author_id=1`, `author__in=[...]`, `author__pk=1`: the key column itself.
      const key = target ? primaryKeyOf(target).name : 'id';
      const onKey =
        rest.length === 0 ||
        field.column === segment ||
        rest[0] in TESTS ||
        OTHER.has(rest[0]) ||
        ((rest[0] === key || rest[0] === 'pk') && (rest.length === 1 || rest[1] in TESTS));
      if (onKey) return { path: path.join('__'), model: current, field, test: plainOnly(testOf(field)) };
      if (!target) return undefined;
      current = target;
      path.push(segment);
      continue;
    }
    if (relation) {
      const target = models.target(field);
      if (!target) return undefined;
      current = target;
      path.push(segment);
      if (rest.length === 0 || rest[0] in TESTS)
        return { path: path.join('__'), model: current, field: primaryKeyOf(current), test: testOf(primaryKeyOf(current)) };
      continue;
    }
    return { path: path.join('__'), model: current, field, test: testOf(field) };
  }
  return undefined;
}

const UNSERVABLE = new Set<LookupTest>(['upper', 'upper-prefix', 'wildcard']);

/** `exact` when nothing follows; a transform (`created__date__gte`) or a JSON key path wraps the column. */
function testOfRest(field: Field, rest: string[]): LookupTest {
  if (rest.length === 0) return 'equal';
  const test = rest.length === 1 ? TESTS[rest[0]] : undefined;
  if (!test) return 'other';
  return TEXT_FIELDS.test(field.type) ? test : plainOnly(test);
}

/** A key or a container column is not text: a case-insensitive or pattern lookup on it is no LIKE a trigram index would serve. */
function plainOnly(test: LookupTest): LookupTest {
  return UNSERVABLE.has(test) ? 'other' : test;
}
