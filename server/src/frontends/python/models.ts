// Django models declared in one module: classes on models.Model (directly, through a base of the
// same module, or through a base imported from some app's models), their fields and Meta.
// Inheritance from abstract bases in other files is resolved on the whole project later.
import { basename, dirname } from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { Field, IndexDecl, ModelDecl, ModelMember } from '../../model/types';
import { fieldIndexes, literalLength, readField } from './model-fields';
import { readMeta } from './model-meta';
import type { ImportBinding } from './imports';
import { readManagerAttribute } from './managers';
import { rowAccesses } from './row-accesses';
import { assignmentOf, blockEnd, baseNames, lastSegment, locationOf, namedChildren } from './syntax';

/** Bases that make a class a Django model wherever they are imported from. */
const MODEL_BASES = new Set([
  'Model',
  'AbstractUser',
  'AbstractBaseUser',
  'TimeStampedModel',
  'TimeFramedModel',
  'StatusModel',
  'MPTTModel',
  'PolymorphicModel',
]);

export interface ModelContext {
  file: string;
  bindings: Map<string, ImportBinding>;
  /** Classes of this module already known to be models. */
  known: Set<string>;
}

export function isModelClass(node: Node, context: ModelContext): boolean {
  return baseNames(node).some((base) => {
    if (context.known.has(base)) return true;
    const root = base.split('.')[0];
    const binding = context.bindings.get(root);
    if (base === 'models.Model') return true;
    if (MODEL_BASES.has(lastSegment(base)) && (base.includes('.') || binding)) return true;
    // `from catalog.models import TimeStamped`: a base from another app's models is a model or an abstract model.
    return binding !== undefined && /(^|\.)models$/.test(binding.module) && binding.name !== '';
  });
}

/** The Django app label: the folder that holds models.py, or the parent of a models/ package. */
export function appLabel(file: string): string {
  const dir = dirname(file);
  return basename(dir) === 'models' ? basename(dirname(dir)) : basename(dir);
}

export function readModel(node: Node, context: ModelContext): ModelDecl | undefined {
  const nameNode = node.childForFieldName('name');
  const body = node.childForFieldName('body');
  if (!nameNode || !body) return undefined;
  const name = nameNode.text;
  const fields: Field[] = [];
  const members: ModelMember[] = [];
  const managers: { attribute: string; className: string }[] = [];
  let meta: ReturnType<typeof readMeta> | undefined;
  const statements = namedChildren(body);
  const constants = listConstants(statements);
  for (const statement of statements) {
    if (statement.type === 'class_definition' && statement.childForFieldName('name')?.text === 'Meta') {
      meta = readMeta(statement, context.file);
      continue;
    }
    const manager = readManagerAttribute(statement);
    if (manager) managers.push(manager);
    const member = readMember(statement, context.file);
    if (member) members.push(member);
    const field = readField(statement, name, context.file, constants);
    if (field) fields.push(field);
  }
  const indexes: IndexDecl[] = [...fields.flatMap((field) => fieldIndexes(field)), ...(meta?.indexes ?? [])];
  // A field is indexed when some index leads with it: the index's own flag, or a Meta index/constraint.
  const leading = new Set(indexes.filter((index) => !index.condition && !index.special).map((index) => index.fields[0]));
  for (const field of fields) field.indexed = field.indexed || leading.has(field.name);
  const app = appLabel(context.file);
  return {
    name,
    stack: 'django',
    app,
    table: meta?.dbTable ?? `${app}_${name.toLowerCase()}`,
    fields,
    indexes,
    ...(meta?.abstract ? { abstract: true } : {}),
    bases: baseNames(node),
    ...(meta?.ordering ? { ordering: meta.ordering } : {}),
    options: meta?.anchor ?? {},
    ...(members.length ? { members } : {}),
    ...(managers.length ? { managers } : {}),
    location: locationOf(context.file, nameNode),
    bodyInsert: blockEnd(body) ?? {
      position: { line: body.endPosition.row, character: body.endPosition.column },
      indent: ' '.repeat(node.startPosition.column + 4),
    },
  };
}

/** Names the class body binds to a list or tuple literal, with its length (`choices=STATUSES`). */
function listConstants(statements: Node[]): Map<string, number> {
  const constants = new Map<string, number>();
  for (const statement of statements) {
    const assignment = assignmentOf(statement);
    const target = assignment?.childForFieldName('left');
    const value = assignment?.childForFieldName('right');
    if (target?.type === 'identifier' && (value?.type === 'list' || value?.type === 'tuple'))
      constants.set(target.text, literalLength(value));
  }
  return constants;
}

const PROPERTY_DECORATORS = new Set(['property', 'cached_property']);

/** A method or property of the model, with the attribute chains it reads from `self`. */
function readMember(statement: Node, file: string): ModelMember | undefined {
  const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  if (fn?.type !== 'function_definition') return undefined;
  const name = fn.childForFieldName('name')?.text;
  const body = fn.childForFieldName('body');
  if (!name || !body) return undefined;
  const decorators =
    statement.type === 'decorated_definition' ? namedChildren(statement).filter((child) => child.type === 'decorator') : [];
  const isProperty = decorators.some((decorator) => {
    const target = decorator.namedChildren[0];
    return target ? PROPERTY_DECORATORS.has(lastSegment(target.text)) : false;
  });
  return { name, kind: isProperty ? 'property' : 'method', accesses: rowAccesses(body, 'self', file) };
}
