// Resolves what a Django query filters or sorts on: `author__name__iexact` → the field
// `Author.name` with the lookup `iexact`, following forward keys, reverse names and many-to-many.
import type { DjangoModels } from '../../model/django/relations';
import type { Field, ModelDecl } from '../../model/types';

const LOOKUPS = new Set([
  'exact', 'iexact', 'contains', 'icontains', 'in', 'gt', 'gte', 'lt', 'lte', 'startswith', 'istartswith', 'endswith',
  'iendswith', 'range', 'isnull', 'regex', 'iregex', 'date', 'year', 'month', 'day', 'week', 'week_day', 'iso_week_day',
  'quarter', 'time', 'hour', 'minute', 'second', 'iso_year', 'search', 'trigram_similar', 'unaccent', 'contained_by',
  'overlap', 'has_key', 'has_keys', 'has_any_keys', 'len',
]);

export interface ResolvedLookup {
  model: ModelDecl;
  field: Field;
  /** `exact`, `icontains`, `year`, ... or `order` for order_by. */
  lookup: string;
}

/** The field a lookup ends on, or undefined for the primary key, annotations and what cannot be resolved. */
export function resolveLookup(models: DjangoModels, root: ModelDecl, written: string, ordering = false): ResolvedLookup | undefined {
  const parts = written.split('__');
  let current = root;
  for (let i = 0; i < parts.length; i++) {
    const segment = parts[i];
    if (segment === 'pk') return undefined;
    const field = current.fields.find((f) => f.name === segment || f.column === segment);
    const rest = parts.slice(i + 1);
    const lookupOf = () => (ordering ? 'order' : rest.length === 0 ? 'exact' : rest.join('__'));
    if (!field) {
      const reverse = models.reverseQuery(current).get(segment);
      // The join itself runs on the child's key, which Django indexes.
      if (!reverse) return undefined;
      current = reverse.from;
      continue;
    }
    const relation = field.relation;
    if (relation && relation.kind !== 'generic') {
      // `author=obj`, `author__in=[...]`, `author_id=1`: the key column itself.
      if (rest.length === 0 || LOOKUPS.has(rest[0]) || field.column === segment) return { model: current, field, lookup: lookupOf() };
      const target = models.target(field);
      if (!target) return undefined;
      current = target;
      continue;
    }
    return { model: current, field, lookup: lookupOf() };
  }
  return undefined;
}

/**
 * Lookups a plain B-tree index cannot serve: the column is wrapped in UPPER() or matched with a leading
 * wildcard. Each names the `missing-index/unservable-lookup` template of the index that would serve it.
 */
export const PATTERN_LOOKUPS: Readonly<Record<string, 'upperIndex' | 'upperPatternIndex' | 'trigramIndex'>> = {
  iexact: 'upperIndex',
  istartswith: 'upperPatternIndex',
  contains: 'trigramIndex',
  icontains: 'trigramIndex',
  endswith: 'trigramIndex',
  iendswith: 'trigramIndex',
  regex: 'trigramIndex',
  iregex: 'trigramIndex',
};
