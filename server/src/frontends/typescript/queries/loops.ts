// Which loop, if any, runs a node once per element: the body of a for/for…of/for…in/while/do
// statement, or a callback given to forEach/map/flatMap/reduce/filter/some/every. `for await` is
// a stream read one item at a time on purpose, and stays out; so are loops that run without elements
// (retries, polls, pagination: see loop-kinds.ts) and lookups memoised across the loop's elements.
import { Node, type MethodDeclaration } from 'ts-morph';
import { isMemoised, walksElements } from './loop-kinds';

const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'reduce', 'filter', 'some', 'every', 'find']);
/** NestJS (`@ResolveField`) and type-graphql (`@FieldResolver`) field resolvers. */
const FIELD_RESOLVERS = new Set(['ResolveField', 'FieldResolver']);

export interface EnclosingLoop {
  node: Node;
  kind: string;
  /** For `for…of` and callbacks: the loop variable and what is iterated, when they are simple names. */
  variable?: string;
  iterated?: Node;
}

export function enclosingLoop(node: Node): EnclosingLoop | undefined {
  let child = node;
  for (let current = node.getParent(); current; child = current, current = current.getParent()) {
    // `catch (e) { await log(e); throw e; }`, `if (failed) { …; return; }`: on the way out of the loop, once.
    if (Node.isBlock(current) && leavesTheFunction(current)) return undefined;
    if (Node.isForOfStatement(current)) {
      if (current.getStatement() !== child) continue;
      if (current.isAwaited()) return undefined;
      // `for (const range of ['1d', 'max', 'ytd'])`: as many iterations as the code lists, whatever the data.
      if (isListedInCode(current.getExpression())) continue;
      if (isMemoised(node, current)) return undefined;
      const initializer = current.getInitializer();
      const declaration = Node.isVariableDeclarationList(initializer) ? initializer.getDeclarations()[0] : undefined;
      return { node: current, kind: 'for…of', variable: declaration?.getNameNode().getText(), iterated: current.getExpression() };
    }
    if (Node.isForInStatement(current) || Node.isForStatement(current) || Node.isWhileStatement(current) || Node.isDoStatement(current)) {
      if (current.getStatement() !== child) continue;
      // A retry, poll or page loop around the query: an outer loop may still run it per element.
      if (!Node.isForInStatement(current) && !walksElements(current)) continue;
      if (isMemoised(node, current)) return undefined;
      return { node: current, kind: current.getKindName().replace('Statement', '').toLowerCase() };
    }
    if (Node.isArrowFunction(current) || Node.isFunctionExpression(current)) {
      const call = current.getParent();
      if (!Node.isCallExpression(call)) return undefined;
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || !ITERATING_METHODS.has(callee.getName())) return undefined;
      if (isListedInCode(callee.getExpression())) return undefined;
      if (isMemoised(node, current)) return undefined;
      const parameter = current.getParameters()[0]?.getNameNode();
      const inPromiseAll = isPromiseAllArgument(call);
      return {
        node: call,
        kind: inPromiseAll ? `Promise.all(${callee.getName()})` : callee.getName(),
        variable: parameter && Node.isIdentifier(parameter) ? parameter.getText() : undefined,
        iterated: callee.getExpression(),
      };
    }
    // A GraphQL field resolver runs once per parent object of the list the query returned.
    // Only when it reads its parent: one that does not (`usersCount()` on a singleton `Infra`) is the same query for
    // every parent, and is most often declared on an object the schema never lists.
    if (
      Node.isMethodDeclaration(current) &&
      current.getDecorators().some((decorator) => FIELD_RESOLVERS.has(decorator.getName())) &&
      readsParent(current)
    ) {
      return { node: current.getNameNode(), kind: 'GraphQL field resolver (once per parent)' };
    }
    // Any other function runs when it is called, not per element of a loop around its definition.
    if (
      Node.isFunctionDeclaration(current) ||
      Node.isMethodDeclaration(current) ||
      Node.isClassDeclaration(current) ||
      Node.isConstructorDeclaration(current)
    )
      return undefined;
  }
  return undefined;
}

function isPromiseAllArgument(call: Node): boolean {
  const parent = call.getParent();
  if (!Node.isCallExpression(parent)) return false;
  const callee = parent.getExpression();
  return (
    Node.isPropertyAccessExpression(callee) &&
    callee.getExpression().getText() === 'Promise' &&
    ['all', 'allSettled'].includes(callee.getName())
  );
}

/** An array literal without spread elements: its length is written in the code. */
function isListedInCode(iterated: Node): boolean {
  return Node.isArrayLiteralExpression(iterated) && !iterated.getElements().some((element) => Node.isSpreadElement(element));
}

/** NestJS `@Parent()`, type-graphql `@Root()`: the object the field is resolved on. */
function readsParent(method: MethodDeclaration): boolean {
  return method
    .getParameters()
    .some((parameter) => parameter.getDecorators().some((decorator) => PARENT_DECORATORS.has(decorator.getName())));
}

const PARENT_DECORATORS = new Set(['Parent', 'Root']);

/** A block that ends with `throw` or `return` (a function's own body aside) leaves any loop it is in. */
function leavesTheFunction(block: Node): boolean {
  if (!Node.isBlock(block)) return false;
  const parent = block.getParent();
  if (parent && (Node.isFunctionLikeDeclaration(parent) || Node.isArrowFunction(parent) || Node.isFunctionExpression(parent))) return false;
  const last = block.getStatements().at(-1);
  return last !== undefined && (Node.isThrowStatement(last) || Node.isReturnStatement(last));
}
