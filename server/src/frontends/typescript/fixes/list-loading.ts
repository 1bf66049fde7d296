// Loading a relation with the list, in each ORM's words: TypeORM `relations: { author: true }` (or
// `relations: ['author']`), Prisma `include: { author: true }` (or an entry of its `select`), Sequelize
// `include: ['author']` (a string names the association by its alias: Model._transformStringAssociation),
// or a TypeORM QueryBuilder's `leftJoinAndSelect`.
import type { ListLoadRecipe, Position, Stack, TextEdit } from '../../../model/types';

interface LoadingWords {
  /** The entry in an object-form option, and in an array-form option (absent: that ORM has no array form). */
  objectEntry?: (relation: string) => string;
  arrayEntry?: (relation: string) => string;
  /** The option, when the query has none yet. */
  option: (relation: string) => string;
}

const WORDS: Partial<Record<Stack, LoadingWords>> = {
  typeorm: { objectEntry: (r) => `${r}: true`, arrayEntry: (r) => `'${r}'`, option: (r) => `relations: { ${r}: true }` },
  prisma: { objectEntry: (r) => `${r}: true`, option: (r) => `include: { ${r}: true }` },
  sequelize: { arrayEntry: (r) => `'${r}'`, option: (r) => `include: ['${r}']` },
};

/**
 * The edits that make the list query load `relation` whole: none when it does already, undefined when it
 * names the relation in another form (a partial `select`, a filtered include) or cannot be edited.
 */
export function loadWithList(recipe: ListLoadRecipe, stack: Stack, relation: string, file: string): TextEdit[] | undefined {
  const words = WORDS[stack];
  if (!words) return undefined;
  if (recipe.loaded.includes(relation)) return [];
  if (recipe.named.includes(relation)) return undefined;
  const into = recipe.into;
  const entry = into ? (into.array ? words.arrayEntry : words.objectEntry)?.(relation) : undefined;
  if (into)
    return entry ? [{ file, range: into.insertion.range, newText: `${into.insertion.before}${entry}${into.insertion.after}` }] : undefined;
  if (recipe.options)
    return [{ file, range: recipe.options.range, newText: `${recipe.options.before}${words.option(relation)}${recipe.options.after}` }];
  if (recipe.emptyArguments)
    return [{ file, range: { start: recipe.emptyArguments, end: recipe.emptyArguments }, newText: `{ ${words.option(relation)} }` }];
  return undefined;
}

/** `.leftJoinAndSelect('post.category', 'category')` right after the QueryBuilder's `createQueryBuilder(...)`. */
export function joinRelation(file: string, at: Position, alias: string, relation: string): TextEdit[] {
  return [{ file, range: { start: at, end: at }, newText: `.leftJoinAndSelect('${alias}.${relation}', '${relation}')` }];
}
