// "Load the relation with the list": when a loop over a query's rows reads each row's related row by its
// foreign key (`users.findOneBy({ id: post.authorId })`, `prisma.user.findUnique({ where: { id: post.authorId } })`)
// or through a Sequelize association getter (`post.getAuthor()`), and the list comes from a query of the
// same ORM in the same function, one fix both loads the relation in that query and reads it from the row.
// Loading it alone would leave the per-row read in place, so the read is replaced in the same fix.
import { associationOfGetter } from './sequelize-associations';
import type { Fix, PerRowQuery, ProjectModel } from '../../model/types';
import { loadingOption, loadWithList, modelNamed, primaryKeyOf } from './list-loading';

export function includeRelationFix(query: PerRowQuery, model: ProjectModel): Fix | undefined {
  const lookup = query.lookup;
  const list = lookup?.listQuery;
  if (!lookup || !list) return undefined;
  const relation = lookup.association ? associationOfGetter(model, list.model, lookup.association) : relationOfKey(model, query);
  if (!relation) return undefined;
  const file = query.location.file;
  const load = loadWithList(list, query.stack, relation, file);
  if (!load) return undefined;
  return {
    title: `Load ${relation} with ${list.list} (${loadingOption(list, query.stack)})`,
    isPreferred: true,
    edits: [...load, { file, range: (lookup.parenthesized ?? lookup.replace).range, newText: `${lookup.element}.${relation}` }],
  };
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

