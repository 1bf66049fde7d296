// A per-element read that fetches one row by one key of the loop's element, in a shape a quick fix can
// replace: `await users.findOneBy({ id: post.authorId })`, `await prisma.user.findUnique({ where: { id } })`,
// `await User.findByPk(post.authorId)`, or a Sequelize association getter `await post.getAuthor()`.
// Anything more (other options, several conditions, a key computed from something else) is left alone:
// the quick fixes replace the read, so it must mean nothing but "the row with this key".
import { Node, SyntaxKind, ts, type CallExpression, type Expression } from 'ts-morph';
import type { InsertPoint, ListLoadRecipe, PerRowLookup, Stack } from '../../../model/types';
import { type ListQueryReader, listLoadRecipe } from './list-queries';
import type { EnclosingLoop } from './loops';
import type { Locator } from '../syntax/source';
import { declarationsNamed, enclosingFunction, inScope } from '../syntax/scopes';

/** `readList` is the list query reader of the library the per-row read belongs to (see list-queries.ts). */
export function perRowLookup(
  call: CallExpression,
  loop: EnclosingLoop,
  stack: Stack,
  model: string,
  locator: Locator,
  readList: ListQueryReader,
): PerRowLookup | undefined {
  const element = loop.variable;
  const callee = call.getExpression();
  if (!element || !Node.isPropertyAccessExpression(callee)) return undefined;
  const replaced = replacedNode(call, loop);
  if (!replaced) return undefined;
  const method = callee.getName();
  const receiver = callee.getExpression();
  const parentheses = replaced.getParent();
  const base = {
    replace: locator.of(replaced),
    ...(Node.isParenthesizedExpression(parentheses) ? { parenthesized: locator.of(parentheses) } : {}),
    element,
    receiver: receiver.getText(),
  };
  const listQuery = () => (loop.iterated ? listLoadRecipe(loop.iterated, loop.node, stack, locator, readList) : undefined);
  if (stack === 'sequelize' && /^get[A-Z]/.test(method)) {
    if (call.getArguments().length > 0 || receiver.getText() !== element) return undefined;
    return { ...base, association: method.slice(3), ...withListQuery(listQuery()) };
  }
  const read = keyedRead(call, stack, method);
  if (!read) return undefined;
  const key = elementKey(read.key, element);
  if (!key) return undefined;
  const hoist = hoistRecipe(call, replaced, loop, model, locator);
  return {
    ...base,
    key: { ...(read.column ? { column: read.column } : {}), ...key },
    ...(read.entityArgument ? { entityArgument: read.entityArgument } : {}),
    ...(hoist ? { hoist } : {}),
    ...withListQuery(listQuery()),
  };
}

function withListQuery(listQuery: ListLoadRecipe | undefined): { listQuery?: ListLoadRecipe } {
  return listQuery ? { listQuery } : {};
}

/** The awaited call, or the call a Promise.all(map) callback returns: what `post.author` or a Map lookup can stand for. */
function replacedNode(call: CallExpression, loop: EnclosingLoop): Node | undefined {
  const parent = call.getParent();
  if (Node.isAwaitExpression(parent)) return parent;
  // Promise.all takes values as well as promises; a bare `map` hands its promises to who knows what.
  return Node.isArrowFunction(parent) && parent.getBody() === call && loop.kind.startsWith('Promise.all') ? call : undefined;
}

/**
 * The one key of a read by a unique key: `findOneBy({ id: x })`, `findOne({ where: { id: x } })`, `findUnique({ where: { id: x } })`,
 * `findByPk(x)`.
 */
function keyedRead(
  call: CallExpression,
  stack: Stack,
  method: string,
): { column?: string; key: Expression; entityArgument?: string } | undefined {
  const args = call.getArguments() as Expression[];
  if (stack === 'typeorm') {
    // `manager.findOneBy(User, {...})`: the entity comes first.
    const entityArgument = args.length === 2 && Node.isIdentifier(args[0]) ? args[0].getText() : undefined;
    const rest = args.slice(entityArgument ? 1 : 0);
    if (rest.length !== 1) return undefined;
    const where = method === 'findOneBy' ? rest[0] : method === 'findOne' ? onlyProperty(rest[0], 'where') : undefined;
    const entry = where ? onlyEntry(where) : undefined;
    return entry ? { ...entry, ...(entityArgument ? { entityArgument } : {}) } : undefined;
  }
  if (stack === 'prisma') {
    if (args.length !== 1 || (method !== 'findUnique' && method !== 'findFirst')) return undefined;
    const where = onlyProperty(args[0], 'where');
    return where ? onlyEntry(where) : undefined;
  }
  if (stack === 'sequelize') {
    if (method === 'findByPk') return args.length === 1 ? { key: args[0] } : undefined;
    if (method !== 'findOne' || args.length !== 1) return undefined;
    const where = onlyProperty(args[0], 'where');
    return where ? onlyEntry(where) : undefined;
  }
  return undefined;
}

/** `{ where: X }` with nothing else → X. */
function onlyProperty(options: Expression, name: string): Expression | undefined {
  if (!Node.isObjectLiteralExpression(options)) return undefined;
  const [only, ...others] = options.getProperties();
  return others.length === 0 && Node.isPropertyAssignment(only) && only.getName() === name ? only.getInitializerOrThrow() : undefined;
}

/** `{ id: x }` or `{ id }` with nothing else → the column and the key. */
function onlyEntry(where: Expression): { column: string; key: Expression } | undefined {
  if (!Node.isObjectLiteralExpression(where)) return undefined;
  const [only, ...others] = where.getProperties();
  if (others.length > 0) return undefined;
  if (Node.isShorthandPropertyAssignment(only)) return { column: only.getName(), key: only.getNameNode() };
  if (!Node.isPropertyAssignment(only) || Node.isComputedPropertyName(only.getNameNode())) return undefined;
  return { column: only.getName(), key: only.getInitializerOrThrow() };
}

/** The key is the element (`id` of `ids`) or one of its properties (`post.authorId`). */
function elementKey(key: Expression, element: string): { text: string; property?: string } | undefined {
  if (Node.isIdentifier(key) && key.getText() === element) return { text: element };
  if (
    Node.isPropertyAccessExpression(key) &&
    !key.hasQuestionDotToken() &&
    Node.isIdentifier(key.getExpression()) &&
    key.getExpression().getText() === element
  ) {
    return { text: key.getText(), property: key.getName() };
  }
  return undefined;
}

/**
 * Where one read of every element's row goes: right before the loop's statement, in an async function,
 * when the loop iterates a plain list, the receiver is defined before the loop, and the row is kept in a
 * `const` nothing assigns to. Which loops and which calls on the row are safe, the fix's writer decides.
 */
function hoistRecipe(call: CallExpression, replaced: Node, loop: EnclosingLoop, model: string, locator: Locator): PerRowLookup['hoist'] {
  const list = loop.iterated;
  if (!list || !Node.isIdentifier(list)) return undefined;
  const statement = Node.isForOfStatement(loop.node)
    ? loop.node
    : loop.node.getFirstAncestor((ancestor) => Node.isBlock(ancestor.getParent()));
  if (!statement || !Node.isBlock(statement.getParent())) return undefined;
  const owner = enclosingFunction(statement);
  const async =
    (Node.isFunctionDeclaration(owner) ||
      Node.isMethodDeclaration(owner) ||
      Node.isArrowFunction(owner) ||
      Node.isFunctionExpression(owner)) &&
    owner.isAsync();
  if (!async) return undefined;
  const calls = callsOnKeptRow(replaced);
  if (!calls) return undefined;
  if (declaredWithin(call.getExpression(), statement)) return undefined;
  const mapName = freeName(statement, `${lowerFirst(plural(model))}ById`);
  return { at: insertPoint(statement, locator), list: list.getText(), mapName, rowName: lowerFirst(model)[0] ?? 'row', calls };
}

/**
 * The calls the row meets, when it is kept in a `const` nothing assigns to (`const row = await read`), or is
 * the value a callback returns (none then): see `calls` of the hoist recipe.
 */
function callsOnKeptRow(replaced: Node): string[] | undefined {
  const parent = replaced.getParent();
  if (Node.isArrowFunction(parent) && parent.getBody() === replaced) return [];
  if (!Node.isVariableDeclaration(parent) || parent.getInitializer() !== replaced) return undefined;
  if (parent.getVariableStatement()?.getDeclarationKind() !== 'const') return undefined;
  const name = parent.getNameNode();
  if (!Node.isIdentifier(name)) return undefined;
  const scope = enclosingFunction(parent) ?? parent.getSourceFile();
  const uses = scope
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .filter((identifier) => identifier !== name && identifier.getText() === name.getText());
  return uses.some(assigns) ? undefined : uses.flatMap(callsMet);
}

/** `row.name = x`, `row.count++`, `delete row.x`. */
function assigns(use: Node): boolean {
  let target: Node = use;
  while (true) {
    const parent = target.getParent();
    if ((Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === target)
      target = parent;
    else if (Node.isNonNullExpression(parent) || Node.isParenthesizedExpression(parent)) target = parent;
    else break;
  }
  const parent = target.getParent();
  if (Node.isBinaryExpression(parent) && parent.getLeft() === target && isAssignment(parent.getOperatorToken().getKind())) return true;
  if (
    (Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) &&
    [SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(parent.getOperatorToken())
  )
    return true;
  return Node.isDeleteExpression(parent);
}

/**
 * A method called on the row (`save` of `row.save()`), or the call it is handed to (`save` of `repo.save(row)`,
 * `assign` of `Object.assign(row, ...)`).
 */
function callsMet(use: Node): string[] {
  const parent = use.getParent();
  const called = Node.isPropertyAccessExpression(parent) && parent.getExpression() === use && Node.isCallExpression(parent.getParent());
  if (called) return [parent.getName()];
  if (Node.isCallExpression(parent) && parent.getArguments().includes(use)) {
    const callee = parent.getExpression();
    return [Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText()];
  }
  return [];
}

function isAssignment(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
}

/** The receiver's root name (`users` of `users.findOneBy`) is declared inside the loop: it does not exist before it. */
function declaredWithin(callee: Node, statement: Node): boolean {
  let root: Node = callee;
  while (Node.isPropertyAccessExpression(root) || Node.isCallExpression(root) || Node.isElementAccessExpression(root))
    root = root.getExpression();
  if (!Node.isIdentifier(root)) return false;
  const declaration = inScope(root, declarationsNamed(root))[0];
  return declaration !== undefined && declaration.getStart() >= statement.getStart() && declaration.getEnd() <= statement.getEnd();
}

/** Before the statement and the comments right above it, with the statement's indentation. */
function insertPoint(statement: Node, locator: Locator): InsertPoint {
  const comments = ts.getLeadingCommentRanges(locator.text, statement.getFullStart()) ?? [];
  const first = comments.find((comment) => locator.position(comment.pos).line < locator.position(statement.getStart()).line);
  const line = locator.position(first ? first.pos : statement.getStart()).line;
  const indent = locator.indentOfLine(line);
  return { position: { line, character: indent.length }, indent };
}

/** `usersById`, or `usersById2` when the file already uses that name. */
function freeName(node: Node, wanted: string): string {
  const taken = new Set(
    node
      .getSourceFile()
      .getDescendantsOfKind(SyntaxKind.Identifier)
      .map((identifier) => identifier.getText()),
  );
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted}${i}`;
  return name;
}

function plural(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  return /(s|x|z|ch|sh)$/i.test(name) ? `${name}es` : `${name}s`;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `{ lookup }` when there is one, to spread into a PerRowQuery. */
export function lookupOf(lookup: PerRowLookup | undefined): { lookup?: PerRowLookup } {
  return lookup ? { lookup } : {};
}
