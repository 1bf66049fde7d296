// A Django model's `class Meta`: table name, abstract flag, and the indexes it declares.
import type { Node } from 'web-tree-sitter';
import type { IndexDecl, Location, ModelOptionsAnchor } from '../../model/types';
import { blockEnd, assignmentOf, callParts, descendants, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

export interface MetaFacts {
  abstract: boolean;
  dbTable?: string;
  indexes: IndexDecl[];
  ordering?: { fields: string[]; location: Location };
  anchor: ModelOptionsAnchor;
}

export function readMeta(meta: Node, file: string): MetaFacts {
  const body = meta.childForFieldName('body');
  const statements = body ? namedChildren(body) : [];
  const end = body ? blockEnd(body) : undefined;
  const facts: MetaFacts = {
    abstract: false,
    indexes: [],
    anchor: end ? { body: end } : {},
  };
  for (const statement of statements) {
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
        facts.ordering = { fields: strings(value), location: locationOf(file, statement) };
        break;
      case 'indexes': {
        const list = items(value);
        facts.indexes.push(...list.flatMap((item) => indexCall(item, file, false)));
        if (value.type === 'list') facts.anchor.indexes = indexesAnchor(value, list);
        break;
      }
      case 'constraints':
        facts.indexes.push(...items(value).flatMap((item) => indexCall(item, file, true)));
        break;
      case 'unique_together':
      case 'index_together':
        facts.indexes.push(
          ...fieldGroups(value).map((fields) => ({
            fields,
            unique: name === 'unique_together',
            source: name,
            location: locationOf(file, statement),
          })),
        );
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
  const expression = expressionIndex(node);
  const fields = fieldsNode ? strings(fieldsNode).map((field) => field.replace(/^-/, '')) : (expression?.fields ?? []);
  const name = keywords.get('name');
  const condition = keywords.get('condition');
  const special = expression?.special ?? accessMethod(kind, keywords.get('opclasses'));
  return [
    {
      fields,
      unique: constraint,
      source: constraint ? 'Meta.constraints' : 'Meta.indexes',
      ...(special ? { special } : {}),
      ...(name && stringValue(name) !== undefined ? { name: stringValue(name) } : {}),
      ...(condition ? { condition: condition.text, conditionFields: conditionFields(condition) } : {}),
      location: locationOf(file, node),
    },
  ];
}

/** PostgreSQL's GIN and GiST indexes serve containment, full text, or with a trigram operator class `LIKE '%x%'`; not equality or order. */
function accessMethod(kind: string, opclasses: Node | undefined): IndexDecl['special'] {
  if (kind !== 'GinIndex' && kind !== 'GistIndex') return undefined;
  return opclasses && strings(opclasses).some((opclass) => opclass.endsWith('_trgm_ops')) ? 'trigram' : 'gin';
}

/** `models.Index(Upper("email"), name=...)`: an index on an expression of one column; only UPPER()/LOWER() are told apart. */
function expressionIndex(node: Node): { fields: string[]; special?: IndexDecl['special'] } | undefined {
  const [first] = callParts(node).positional;
  if (first?.type !== 'call') return undefined;
  const { callee, positional } = callParts(first);
  const fn = callee ? lastSegment(callee) : '';
  const argument = positional[0];
  const column = argument ? (stringValue(argument) ?? (argument.type === 'call' ? columnOfF(argument) : undefined)) : undefined;
  if (!column) return { fields: [] };
  if (fn === 'Upper') return { fields: [column], special: 'upper' };
  if (fn === 'Lower') return { fields: [column], special: 'lower' };
  return { fields: [] };
}

/** `F("email")` → `email`. */
function columnOfF(call: Node): string | undefined {
  const { callee, positional } = callParts(call);
  return callee && lastSegment(callee) === 'F' && positional[0] ? stringValue(positional[0]) : undefined;
}

/** Where a new `models.Index(...)` goes: after the last item (with its indentation when items sit on their own lines). */
function indexesAnchor(list: Node, entries: Node[]): NonNullable<ModelOptionsAnchor['indexes']> {
  const last = entries[entries.length - 1];
  if (!last) return { insert: { line: list.startPosition.row, character: list.startPosition.column + 1 }, empty: true, indent: '' };
  const multiline = last.startPosition.row !== list.startPosition.row;
  return {
    insert: { line: last.endPosition.row, character: last.endPosition.column },
    empty: false,
    indent: multiline ? ' '.repeat(last.startPosition.column) : '',
  };
}

/** `Q(status="live") & Q(deleted_at__isnull=True)` → status, deleted_at. */
function conditionFields(condition: Node): string[] {
  const names = new Set<string>();
  for (const node of descendants(condition)) {
    if (node.type !== 'keyword_argument') continue;
    const name = node.childForFieldName('name')?.text;
    if (name) names.add(name.split('__')[0]);
  }
  return [...names];
}
