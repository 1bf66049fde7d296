// Fields declared on an abstract base model belong to every concrete subclass (Django copies them
// into the subclass's table). Bases can live in another app, so this runs on the whole project.
import type { ModelDecl } from '../../../model/types';

const lastSegment = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** Django models with the fields and indexes of their abstract bases (across files) added in front. */
export function inheritAbstractFields(models: readonly ModelDecl[]): ModelDecl[] {
  const abstracts = new Map<string, ModelDecl>();
  for (const model of models) if (model.stack === 'django' && model.abstract) abstracts.set(model.name, model);
  if (abstracts.size === 0) return [...models];

  const inherited = (model: ModelDecl, seen: Set<string>): Pick<ModelDecl, 'fields' | 'indexes'> => {
    const fields = [];
    const indexes = [];
    for (const base of model.bases ?? []) {
      const parent = abstracts.get(lastSegment(base));
      if (!parent || seen.has(parent.name)) continue;
      seen.add(parent.name);
      const above = inherited(parent, seen);
      fields.push(...above.fields, ...parent.fields);
      indexes.push(...above.indexes, ...parent.indexes);
    }
    return { fields, indexes };
  };

  return models.map((model) => {
    if (model.stack !== 'django' || !model.bases?.length) return model;
    const from = inherited(model, new Set([model.name]));
    if (from.fields.length === 0 && from.indexes.length === 0) return model;
    const own = new Set(model.fields.map((field) => field.name));
    // A subclass may override an inherited field by declaring one with the same name.
    const fields = [...from.fields.filter((field) => !own.has(field.name)), ...model.fields];
    return { ...model, fields, indexes: [...from.indexes, ...model.indexes] };
  });
}
