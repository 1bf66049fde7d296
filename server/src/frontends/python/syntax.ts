// Small helpers over tree-sitter nodes. tree-sitter's web binding counts columns in UTF-16 code
// units, as LSP does, so positions carry over unchanged.
import type { Node } from 'web-tree-sitter';
import type { InsertPoint, Location, Range } from '../../model/types';

export function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

export function locationOf(file: string, node: Node): Location {
  return { file, range: rangeOf(node) };
}

export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

/**
 * Every node below `root` (and `root`), depth first (see `walk`). A whole file is walked by several
 * extractors: its nodes are made once per tree and kept while the tree lives, since each node object
 * costs a call into the parser's memory.
 */
export function* descendants(root: Node, onTooDeep?: (node: Node) => void): Generator<Node> {
  // Compared by id: asking a node for its parent walks down from the root (see `walk`).
  if (onTooDeep || root.id !== root.tree.rootNode.id) {
    for (const { node } of walk(root, onTooDeep)) yield node;
    return;
  }
  let nodes = fileNodes.get(root.tree);
  if (!nodes) {
    nodes = Array.from(walk(root), ({ node }) => node);
    fileNodes.set(root.tree, nodes);
  }
  yield* nodes;
}

const fileNodes = new WeakMap<Node['tree'], Node[]>();

/**
 * How deep below the node a walk starts from it looks. Written code nests a few dozen levels; a chain
 * of a hundred method calls is two hundred. Past this is generated code (a chain of 100,000 calls, a
 * line of 400,000 `+`): no finding comes from what lies deeper, and walks stay linear in the file.
 */
export const MAX_WALK_DEPTH = 400;

/** The longest attribute or call chain read as one (`Book.objects.filter(...)…`): past it, the chain yields no fact. */
export const MAX_CHAIN = 200;

/**
 * Every node below `root` with its parent, depth first, without recursion and without asking a node
 * for its parent (tree-sitter finds a parent by walking down from the root: quadratic on deep trees).
 * Subtrees deeper than MAX_WALK_DEPTH are left out; `onTooDeep` hears of each.
 */
export function* walk(root: Node, onTooDeep?: (node: Node) => void): Generator<{ node: Node; parent: Node | undefined }> {
  const cursor = root.walk();
  const path: Node[] = [];
  try {
    for (;;) {
      const node = cursor.currentNode;
      yield { node, parent: path[path.length - 1] };
      if (path.length < MAX_WALK_DEPTH) {
        if (cursor.gotoFirstChild()) {
          path.push(node);
          continue;
        }
      } else if (node.childCount > 0) onTooDeep?.(node);
      for (;;) {
        if (path.length === 0) return;
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
        path.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * `models.ForeignKey` → `models.ForeignKey`; the dotted text of a name or attribute chain, else undefined (and for chains past
 * MAX_CHAIN).
 */
export function dottedName(node: Node | null | undefined): string | undefined {
  const parts: string[] = [];
  let current = node;
  while (current?.type === 'attribute' && parts.length < MAX_CHAIN) {
    const attribute = current.childForFieldName('attribute');
    if (!attribute) return undefined;
    parts.push(attribute.text);
    current = current.childForFieldName('object');
  }
  if (current?.type !== 'identifier') return undefined;
  parts.push(current.text);
  return parts.reverse().join('.');
}

export const lastSegment = (name: string) => name.slice(name.lastIndexOf('.') + 1);

export interface CallParts {
  callee: string | undefined;
  positional: Node[];
  keywords: Map<string, Node>;
}

/** A call's callee (dotted) and its arguments. */
export function callParts(call: Node): CallParts {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  const args = call.childForFieldName('arguments');
  for (const arg of args ? namedChildren(args) : []) {
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (name && value) keywords.set(name.text, value);
    } else if (arg.type !== 'comment') {
      positional.push(arg);
    }
  }
  return { callee: dottedName(call.childForFieldName('function')), positional, keywords };
}

/** The statements of a module or block, with `if`/`try`/`with` bodies at the same level flattened in source order. */
export function* topLevelStatements(block: Node): Generator<Node> {
  for (const statement of namedChildren(block)) {
    if (
      ['if_statement', 'try_statement', 'with_statement', 'else_clause', 'elif_clause', 'except_clause', 'finally_clause'].includes(
        statement.type,
      )
    ) {
      for (const part of namedChildren(statement)) {
        if (part.type === 'block') yield* topLevelStatements(part);
        else if (['else_clause', 'elif_clause', 'except_clause', 'finally_clause'].includes(part.type)) yield* topLevelStatements(part);
      }
    } else {
      yield statement;
    }
  }
}

/** The assignment inside an expression statement (`X = 1`, `X: int = 1`, `X += [..]`), if that is what it is. */
export function assignmentOf(statement: Node): Node | undefined {
  if (statement.type !== 'expression_statement') return undefined;
  const inner = statement.namedChildren[0];
  return inner && (inner.type === 'assignment' || inner.type === 'augmented_assignment') ? inner : undefined;
}

/** The text of a string literal without quotes and prefixes, or undefined for f-strings and non-strings. */
export function stringValue(node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    const parts = namedChildren(node).map(stringValue);
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  const children = namedChildren(node);
  if (children.some((child) => child.type === 'interpolation')) return undefined;
  const start = children.find((child) => child.type === 'string_start');
  if (start && /[fF]/.test(start.text)) return undefined;
  const raw = start ? /[rR]/.test(start.text) : false;
  return children
    .filter((child) => child.type === 'string_content' || child.type === 'escape_sequence')
    .map((child) => (child.type === 'escape_sequence' && !raw ? unescape(child.text) : child.text))
    .join('');
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
  const key = sequence.slice(1);
  if (key in simple) return simple[key];
  if (/^x[0-9a-fA-F]{2}$/.test(key) || /^u[0-9a-fA-F]{4}$/.test(key)) return String.fromCharCode(parseInt(key.slice(1), 16));
  return sequence;
}

/** The base classes of a class definition, as dotted names (`models.Model`, `BaseViewSet`). */
export function baseNames(node: Node): string[] {
  const superclasses = node.childForFieldName('superclasses');
  if (!superclasses) return [];
  return namedChildren(superclasses).flatMap((base) => {
    const name = dottedName(base);
    return name ? [name] : [];
  });
}

/**
 * Where a new statement goes at the end of a block, and its indent: after the last statement (and
 * after a comment that ends its line, which stays with it), indented like that statement. A comment
 * is no statement to take the indent from: it may sit at any column (`title = ...  # note`).
 */
export function blockEnd(block: Node): InsertPoint | undefined {
  const children = namedChildren(block);
  let last = children.length - 1;
  while (last >= 0 && children[last].type === 'comment') last--;
  if (last < 0) return undefined;
  const statement = children[last];
  const trailing = children[last + 1];
  const end = trailing && trailing.startPosition.row === statement.endPosition.row ? trailing : statement;
  return { position: { line: end.endPosition.row, character: end.endPosition.column }, indent: ' '.repeat(statement.startPosition.column) };
}
