// A Django model's `class Meta`: table name, abstract flag, and the indexes it declares.
import type { Node } from 'web-tree-sitter';
import type { IndexDecl } from '../../model/types';
import { assignmentOf, callParts, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

export interface MetaFacts {
  abstract: boolean;
  dbTable?: string;
  indexes: IndexDecl[];
  ordering: string[];
}

export function readMeta(meta: Node, file: string): MetaFacts {
  const facts: MetaFacts = { abstract: false, indexes: [], ordering: [] };
  const body = meta.childForFieldName('body');
  for (const statement of body ? namedChildren(body) : []) {
    const assignment = assignmentOf(statement);
    const name = assignment?.childForFieldName('left')?.text;
    const value = assignment?.childForFieldName('right');
    if (!name || !value) continue;
    switch (name) {
      case 'abstract':
        facts.abstract = value.type === 'true';
        break;
      case 'db_table':
        facts.dbTable = stringValue(value);
        break;
      case 'ordering':
        facts.ordering = strings(value);
        break;
      case 'indexes':
        facts.indexes.push(...items(value).flatMap((item) => indexCall(item, file, false)));
        break;
      case 'constraints':
        facts.indexes.push(...items(value).flatMap((item) => indexCall(item, file, true)));
        break;
      case 'unique_together':
      case 'index_together':
        facts.indexes.push(...fieldGroups(value).map((fields) => ({ fields, unique: name === 'unique_together', source: name, location: locationOf(file, statement) })));
        break;
    }
  }
  return facts;
}

function items(node: Node): Node[] {
  return node.type === 'list' || node.type === 'tuple' ? namedChildren(node).filter((child) => child.type !== 'comment') : [];
}

function strings(node: Node): string[] {
  return items(node).flatMap((item) => {
    const text = stringValue(item);
    return text === undefined ? [] : [text];
  });
}

/** `("a", "b")` or `(("a", "b"), ("c",))`. */
function fieldGroups(node: Node): string[][] {
  const all = items(node);
  if (all.length > 0 && all.every((item) => stringValue(item) !== undefined)) return [strings(node)];
  return all.map(strings).filter((group) => group.length > 0);
}

/** `models.Index(fields=[...])`, `UniqueConstraint(fields=[...], condition=Q(...))`; expression indexes have no fields. */
function indexCall(node: Node, file: string, constraint: boolean): IndexDecl[] {
  if (node.type !== 'call') return [];
  const { callee, keywords } = callParts(node);
  const kind = callee ? lastSegment(callee) : '';
  if (constraint && kind !== 'UniqueConstraint') return [];
  if (!constraint && !kind.endsWith('Index')) return [];
  const fieldsNode = keywords.get('fields');
  const fields = fieldsNode ? strings(fieldsNode).map((field) => field.replace(/^-/, '')) : [];
  const name = keywords.get('name');
  const condition = keywords.get('condition');
  return [
    {
      fields,
      unique: constraint,
      source: constraint ? 'Meta.constraints' : 'Meta.indexes',
      ...(name && stringValue(name) !== undefined ? { name: stringValue(name) } : {}),
      ...(condition ? { condition: condition.text } : {}),
      location: locationOf(file, node),
    },
  ];
}
