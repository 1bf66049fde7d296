// Sequelize association getters: `post.getAuthor()` reads the association `author` (an alias,
// capitalised in the getter's name) or, without an alias, the target model's name.
import type { FileFacts, ProjectModel } from '../../model/types';

type ForeignKey = NonNullable<FileFacts['foreignKeys']>[number];

/** `author` → `Author`, the name `getAuthor()` carries; a key without an alias is named by its target. */
export function getterName(key: ForeignKey): string {
  return key.alias ? key.alias[0].toUpperCase() + key.alias.slice(1) : key.target;
}

/**
 * The association a getter of the list's model loads (`Post`, `Author` → `author`): its name is what
 * `include` takes and where the loaded row lands (`post.author`). Indexed once per project model.
 */
const indexes = new WeakMap<ProjectModel, Map<string, string>>();

export function associationOfGetter(model: ProjectModel, listModel: string, getter: string): string | undefined {
  let index = indexes.get(model);
  if (!index) {
    index = new Map();
    for (const key of model.foreignKeys) {
      const at = `${key.model}:${getterName(key)}`;
      // The first declaration wins, as a scan of the files in order finds it.
      if (!index.has(at)) index.set(at, key.alias ?? key.target);
    }
    indexes.set(model, index);
  }
  return index.get(`${listModel}:${getter}`);
}
