// Every place a Django model field is filtered or sorted on: query chains (filter, exclude, get,
// get_or_create, order_by, ...) and the model's own Meta.ordering, which applies to every query.
import { djangoModels, type DjangoModels } from '../../model/django/relations';
import type { Field, Location, ModelDecl, ProjectModel } from '../../model/types';
import { resolveLookup } from './django-lookups';

export interface Usage {
  /** As written: `title__icontains`, `-published`, `Meta.ordering`. */
  written: string;
  /** The other fields the same call filters on (a partial index serves the query only when they match its condition). */
  siblings: string[];
  lookup: string;
  location: Location;
}

export interface FieldUsages {
  model: ModelDecl;
  field: Field;
  usages: Usage[];
}

const FILTERING = new Set(['filter', 'exclude', 'get', 'get_or_create', 'update_or_create']);
const NOT_LOOKUPS = new Set(['defaults', 'create_defaults']);

export function fieldUsages(model: ProjectModel): { models: DjangoModels; fields: FieldUsages[] } {
  const models = djangoModels(model);
  const byField = new Map<Field, FieldUsages>();
  const add = (root: ModelDecl, written: string, ordering: boolean, location: Location, siblings: string[] = []) => {
    const resolved = resolveLookup(models, root, written.replace(/^-/, ''), ordering);
    if (!resolved) return;
    const entry = byField.get(resolved.field) ?? { model: resolved.model, field: resolved.field, usages: [] };
    entry.usages.push({ written, lookup: resolved.lookup, location, siblings });
    byField.set(resolved.field, entry);
  };
  for (const site of model.queries) {
    if (site.stack !== 'django') continue;
    const root = models.byName(site.model);
    if (!root) continue;
    for (const call of site.calls) {
      if (FILTERING.has(call.method)) {
        const fields = call.keywords.map((keyword) => keyword.split('__')[0]);
        for (const keyword of call.keywords) if (!NOT_LOOKUPS.has(keyword)) add(root, keyword, false, call.location, fields);
      } else if (call.method === 'order_by' && !sortedByAnIndex(root, call.args)) {
        for (const arg of call.args) if (arg !== '?') add(root, arg, true, call.location);
      }
    }
  }
  for (const root of model.models) {
    if (root.stack !== 'django' || !root.ordering || root.abstract) continue;
    for (const field of root.ordering.fields) if (field !== '?') add(root, field, true, root.ordering.location);
  }
  return { models, fields: [...byField.values()] };
}

/** `order_by("rank", "title")` with an index on (rank, title): the index serves the whole sort. */
function sortedByAnIndex(root: ModelDecl, args: readonly string[]): boolean {
  const columns = args.map((arg) => arg.replace(/^-/, ''));
  return columns.length > 1 && root.indexes.some((index) => columns.every((column, i) => index.fields[i] === column));
}
