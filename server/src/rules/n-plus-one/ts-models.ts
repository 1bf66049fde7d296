// The TypeScript ORMs' models as the per-row fixes look them up: by stack and name, and their one primary key.
import type { ModelDecl, ProjectModel, Stack } from '../../model/types';

/** Models by stack and name, built once per project model: every per-row read of a large project asks. */
const modelIndexes = new WeakMap<ProjectModel, Map<string, ModelDecl>>();

export function modelNamed(model: ProjectModel, stack: Stack, name: string): ModelDecl | undefined {
  let index = modelIndexes.get(model);
  if (!index) {
    index = new Map();
    // The first declaration wins, as a linear search would find it.
    for (const m of model.models) if (!index.has(`${m.stack}:${m.name}`)) index.set(`${m.stack}:${m.name}`, m);
    modelIndexes.set(model, index);
  }
  return index.get(`${stack}:${name}`);
}

export function primaryKeyOf(entity: ModelDecl): string | undefined {
  const keys = entity.fields.filter((field) => field.primaryKey);
  return keys.length === 1 ? keys[0].name : undefined;
}
