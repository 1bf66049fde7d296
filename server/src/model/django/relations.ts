// Django's relation graph: which model a relation points to, and the reverse accessors
// (`author.books`, `author.book_set`) that Django adds to the target model.
import type { Field, ModelDecl, ProjectModel } from '../types';

export interface DjangoModels {
  byName(name: string): ModelDecl | undefined;
  /** The model a relation field points to. */
  target(field: Field): ModelDecl | undefined;
  /** Reverse accessors on `model`: `books` → the ForeignKey `Book.author` behind it. */
  reverse(model: ModelDecl): Map<string, { from: ModelDecl; field: Field }>;
  /** Reverse names in query lookups (`filter(book__title=...)`): related_name, or the model name in lower case. */
  reverseQuery(model: ModelDecl): Map<string, { from: ModelDecl; field: Field }>;
}

export function djangoModels(model: ProjectModel): DjangoModels {
  const concrete = model.models.filter((m) => m.stack === 'django' && !m.abstract);
  const byName = new Map<string, ModelDecl>();
  for (const m of concrete) if (!byName.has(m.name)) byName.set(m.name, m);
  const byLabel = new Map(concrete.map((m) => [`${m.app}.${m.name}`.toLowerCase(), m]));
  const userModel = authUserModel(model);

  const target = (field: Field): ModelDecl | undefined => {
    const written = field.relation?.target;
    if (!written) return undefined;
    if (written.endsWith('AUTH_USER_MODEL'))
      return userModel ? (byLabel.get(userModel.toLowerCase()) ?? byName.get(userModel.split('.').pop()!)) : byName.get('User');
    return byLabel.get(written.toLowerCase()) ?? byName.get(written.slice(written.lastIndexOf('.') + 1));
  };

  type Reverse = Map<string, { from: ModelDecl; field: Field }>;
  const reverseNames = (naming: (from: ModelDecl, field: Field) => string) => {
    const cache = new Map<ModelDecl, Reverse>();
    return (of: ModelDecl): Reverse => {
      let names = cache.get(of);
      if (names) return names;
      names = new Map();
      for (const from of concrete) {
        for (const field of from.fields) {
          const relation = field.relation;
          if (!relation || relation.kind === 'generic' || relation.relatedName?.endsWith('+') || target(field) !== of) continue;
          names.set(naming(from, field), { from, field });
        }
      }
      cache.set(of, names);
      return names;
    };
  };
  const reverse = reverseNames(
    (from, field) =>
      field.relation?.relatedName ?? (field.relation?.kind === 'one-to-one' ? from.name.toLowerCase() : `${from.name.toLowerCase()}_set`),
  );
  const reverseQuery = reverseNames((from, field) => field.relation?.relatedName ?? from.name.toLowerCase());

  return { byName: (name) => byName.get(name), target, reverse, reverseQuery };
}

/** `AUTH_USER_MODEL = "accounts.User"` in any settings module. */
function authUserModel(model: ProjectModel): string | undefined {
  for (const settings of model.settings.values()) {
    const value = settings.assignments.get('AUTH_USER_MODEL')?.value;
    if (value?.kind === 'string') return value.value;
  }
  return undefined;
}
