// "Load the relation with the list": when a loop over a query's rows reads each row's related row by its
// foreign key (`users.findOneBy({ id: post.authorId })`, `prisma.user.findUnique({ where: { id: post.authorId } })`)
// or through a Sequelize association getter (`post.getAuthor()`), and the list comes from a query of the
// same ORM in the same function, one fix both loads the relation in that query and reads it from the row.
// Loading it alone would leave the per-row read in place, so the read is replaced in the same fix.
import type { FixPlan } from '../../model/fix-plans';
import type { ListLoadRecipe, PerRowQuery, ProjectModel, Stack } from '../../model/types';
import type { Check } from '../check';
import { associationOfGetter } from './sequelize-associations';
import { modelNamed, primaryKeyOf } from './ts-models';

export function includeRelationPlan(check: Check<'loadFix'>, query: PerRowQuery, model: ProjectModel): FixPlan | undefined {
  const lookup = query.lookup;
  const list = lookup?.listQuery;
  if (!lookup || !list) return undefined;
  const relation = lookup.association ? associationOfGetter(model, list.model, lookup.association) : relationOfKey(model, query);
  if (!relation) return undefined;
  return {
    title: check.text('loadFix', { relation, list: list.list, option: loadingOption(list, query.stack) }),
    preferred: true,
    changes: [
      { kind: 'load-relation', file: query.location.file, stack: query.stack, list, relation },
      {
        kind: 'replace-expression',
        at: lookup.parenthesized ?? lookup.replace,
        value: { kind: 'attribute', path: [lookup.element, relation] },
      },
    ],
  };
}

/** The option a fix adds to, for its title. */
export function loadingOption(recipe: ListLoadRecipe, stack: Stack): string {
  return recipe.into?.option ?? (stack === 'typeorm' ? 'relations' : 'include');
}

/**
 * The list model's relation whose foreign key is the element property the read matches on the target's
 * referenced key: `post.authorId` is the key of `Post.author`, which points at `User.id`. Lazy relations
 * are promises, and stay out.
 */
function relationOfKey(model: ProjectModel, query: PerRowQuery): string | undefined {
  const key = query.lookup?.key;
  const owner = query.lookup?.listQuery && modelNamed(model, query.stack, query.lookup.listQuery.model);
  const target = modelNamed(model, query.stack, query.model);
  if (!key?.property || !key.column || !owner || !target) return undefined;
  const foreignKey = owner.fields.find((field) => field.name === key.property && !field.relation);
  if (!foreignKey) return undefined;
  const relation = owner.fields.find(
    (field) =>
      field.relation &&
      (field.relation.kind === 'many-to-one' || field.relation.kind === 'one-to-one') &&
      field.relation.target === target.name &&
      !field.relation.lazy &&
      field.column === foreignKey.column,
  );
  const references = relation?.relation?.references;
  const referenced = references && references.length > 0 ? (references.length === 1 ? references[0] : undefined) : primaryKeyOf(target);
  return relation && referenced === key.column ? relation.name : undefined;
}
