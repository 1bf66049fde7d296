// How the explorer, the diagram and the CLI's outline name a field's key and an index's origin, so
// that each says a thing once (a primary key is unique and indexed, and an index whose source is
// `unique` or `@id` is unique already: "index (email) unique, unique" said it twice), and which of
// a model's findings they count.
import type { FindingCounts, JsonModel } from './model-json';

type JsonField = JsonModel['fields'][number];
type JsonIndex = JsonModel['indexes'][number];

/** The strongest of `pk`, `unique`, `indexed` that holds for the field, or '' for none. */
export function fieldKey(field: Pick<JsonField, 'primaryKey' | 'unique' | 'indexed'>): 'pk' | 'unique' | 'indexed' | '' {
  return field.primaryKey ? 'pk' : field.unique ? 'unique' : field.indexed ? 'indexed' : '';
}

/** A source that already says the index is unique: `unique`, `@unique`, `@@unique`, a primary key, `@id`. */
const SAYS_UNIQUE = /unique|primary|@@?id\b/i;

/** Where an index comes from, and that it is unique when its source does not say so (`unique · Meta.indexes`). */
export function indexOrigin(index: Pick<JsonIndex, 'unique' | 'source'>): string {
  return index.unique && !SAYS_UNIQUE.test(index.source) ? `unique · ${index.source}` : index.source;
}

/** The findings the Problems panel lists, which a model's row and outline count: hints it does not list. */
export function listedFindings(counts: FindingCounts): number {
  return counts.error + counts.warning + counts.info;
}
