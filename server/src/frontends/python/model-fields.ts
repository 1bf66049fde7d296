// One Django model field declaration: `author = models.ForeignKey("Author", on_delete=..., related_name="books")`.
import type { Node } from 'web-tree-sitter';
import type { Field, IndexDecl, Position, Relation, RelationKind } from '../../model/types';
import { assignmentOf, callParts, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

const RELATIONS: Record<string, RelationKind> = {
  ForeignKey: 'many-to-one',
  OneToOneField: 'one-to-one',
  ManyToManyField: 'many-to-many',
  GenericForeignKey: 'generic',
  ParentalKey: 'many-to-one',
  TreeForeignKey: 'many-to-one',
};

const NOT_FIELDS = new Set(['GenericRelation']);

function isFieldCallee(callee: string): boolean {
  const name = lastSegment(callee);
  return name in RELATIONS || name.endsWith('Field') || NOT_FIELDS.has(name);
}

const isTrue = (node: Node | undefined) => node?.type === 'true';
const isFalse = (node: Node | undefined) => node?.type === 'false';

/** Field types whose column holds one of two or three values. */
const LOW_CARDINALITY_TYPES = new Set(['BooleanField', 'NullBooleanField']);
/**
 * At most this many `choices`: uniformly spread, each value is a tenth of the table or more, a share for which
 * PostgreSQL's planner prefers a scan to an index.
 */
const SHORT_CHOICES = 10;

/**
 * `constants` are the names the class body binds to a literal list or tuple, with their lengths
 * (`STATUSES = (("a", "A"), ("b", "B"))`), so that `choices=STATUSES` is counted.
 */
export function readField(
  statement: Node,
  modelName: string,
  file: string,
  constants: ReadonlyMap<string, number> = new Map(),
): Field | undefined {
  const assignment = assignmentOf(statement);
  const target = assignment?.childForFieldName('left');
  const value = assignment?.childForFieldName('right');
  if (!assignment || assignment.type !== 'assignment' || target?.type !== 'identifier' || value?.type !== 'call') return undefined;
  const { callee, positional, keywords } = callParts(value);
  if (!callee || !isFieldCallee(callee)) return undefined;
  const type = lastSegment(callee);
  const name = target.text;
  const kind = RELATIONS[type];
  const primaryKey = isTrue(keywords.get('primary_key'));
  const nullable = isTrue(keywords.get('null'));
  const unique = primaryKey || type === 'OneToOneField' || isTrue(keywords.get('unique'));
  const dbIndex = keywords.get('db_index');
  // Django indexes a ForeignKey and a SlugField unless told not to (`db_index` defaults to True there).
  const indexedByDefault =
    (type === 'ForeignKey' || type === 'SlugField' || type === 'ParentalKey' || type === 'TreeForeignKey') && !isFalse(dbIndex);
  const column = keywords.get('db_column');
  const columnName = column ? stringValue(column) : undefined;
  const hasColumn = kind === 'many-to-one' || kind === 'one-to-one';
  const relation = kind ? readRelation(kind, positional, keywords, modelName, nullable) : undefined;
  return {
    name,
    column: columnName ?? (hasColumn ? `${name}_id` : name),
    type,
    primaryKey,
    unique,
    indexed: primaryKey || unique || indexedByDefault || isTrue(dbIndex),
    ...(nullable ? { nullable } : {}),
    ...(LOW_CARDINALITY_TYPES.has(type) || fewChoices(keywords.get('choices'), constants) ? { lowCardinality: true } : {}),
    ...(relation ? { relation } : {}),
    location: locationOf(file, target),
    ...argumentInsert(value),
  };
}

/** `choices=[...]` written out, or named by a constant of the class body, with at most SHORT_CHOICES entries. */
function fewChoices(choices: Node | undefined, constants: ReadonlyMap<string, number>): boolean {
  if (!choices) return false;
  const count =
    choices.type === 'list' || choices.type === 'tuple'
      ? literalLength(choices)
      : choices.type === 'identifier'
        ? constants.get(choices.text)
        : undefined;
  return count !== undefined && count > 0 && count <= SHORT_CHOICES;
}

/** The number of entries of a list or tuple literal. */
export function literalLength(node: Node): number {
  return namedChildren(node).filter((child) => child.type !== 'comment').length;
}

/** Before the closing parenthesis of the field's call, after its last argument. */
function argumentInsert(call: Node): { argumentInsert?: Position } {
  const args = call.childForFieldName('arguments');
  const last = args
    ? namedChildren(args)
        .filter((arg) => arg.type !== 'comment')
        .pop()
    : undefined;
  return last ? { argumentInsert: { line: last.endPosition.row, character: last.endPosition.column } } : {};
}

function readRelation(kind: RelationKind, positional: Node[], keywords: Map<string, Node>, modelName: string, nullable: boolean): Relation {
  const to = keywords.get('to') ?? positional[0];
  const written = to ? (stringValue(to) ?? to.text) : kind === 'generic' ? 'any' : '?';
  const relatedName = keywords.get('related_name');
  const related = relatedName ? stringValue(relatedName) : undefined;
  const through = keywords.get('through');
  return {
    kind,
    target: written === 'self' ? modelName : written,
    ...(related !== undefined ? { relatedName: related } : {}),
    ...(nullable ? { nullable } : {}),
    ...(through ? { through: stringValue(through) ?? through.text } : {}),
    ...(keywords.get('db_constraint')?.type === 'false' ? { noConstraint: true } : {}),
  };
}

/** The indexes a field brings by itself. */
export function fieldIndexes(field: Field): IndexDecl[] {
  if (field.primaryKey) return [{ fields: [field.name], unique: true, source: 'primary key', location: field.location }];
  if (field.unique) return [{ fields: [field.name], unique: true, source: 'unique', location: field.location }];
  if (!field.indexed) return [];
  const source = field.relation ? 'foreign key' : 'db_index';
  return [{ fields: [field.name], unique: false, source, location: field.location }];
}
