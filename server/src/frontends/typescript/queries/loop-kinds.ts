// Loops that run a query without running it once per element. A `for`/`while`/`do` statement is not
// always a walk over elements: it may page through one set-based query (`skip += size`, or a cursor fed
// by the last page), poll or retry until a call succeeds, walk a chain of parents one row at a time, or
// step over chunks of an array. And a lookup cached in a variable or map that lives across the loop's
// iterations runs once per distinct key, not once per element.
import { Node, SyntaxKind, type DoStatement, type ForStatement, type IfStatement, type WhileStatement } from 'ts-morph';
import { declarationsNamed, inScope } from '../syntax/scopes';

type ConditionLoop = ForStatement | WhileStatement | DoStatement;

const QUEUE_TAKES = new Set(['shift', 'pop', 'splice']);

/** Whether a `for`/`while`/`do` loop's iterations are elements (an index or a queue), as opposed to pages, chunks, retries or polls. */
export function walksElements(loop: ConditionLoop): boolean {
  // Asked for every call in the loop: read its body once.
  let walks = walking.get(loop);
  if (walks === undefined) {
    walks = classify(loop);
    walking.set(loop, walks);
  }
  return walks;
}

const walking = new WeakMap<Node, boolean>();

function classify(loop: ConditionLoop): boolean {
  if (Node.isForStatement(loop) && stepsByMoreThanOne(loop)) return false;
  const condition = Node.isForStatement(loop) ? loop.getCondition() : loop.getExpression();
  const body = loop.getStatement();
  // The condition tests what the body read from the database: a page, a poll's answer, the next parent.
  if (condition && fedByQueries(condition, body)) return false;
  if (ownNodes(body).some((node) => Node.isCallExpression(node) && isQueueTake(node))) return true;
  if (
    condition &&
    condition.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).some((access) => ['length', 'size'].includes(access.getName()))
  )
    return true;
  // `for (;;) { … if (ok) break; }`, `while (tries < max) { try { …; return } catch … }`: until it succeeds.
  return !exitsEarly(loop, body);
}

/** `for (let i = 0; i < n; i += pageSize)`: pages or chunks, one query per step. */
function stepsByMoreThanOne(loop: ForStatement): boolean {
  const step = loop.getIncrementor();
  if (!step || !Node.isBinaryExpression(step)) return false;
  const operator = step.getOperatorToken().getKind();
  if (operator === SyntaxKind.PlusEqualsToken) return step.getRight().getText() !== '1';
  if (operator !== SyntaxKind.EqualsToken) return false;
  const value = step.getRight();
  return (
    Node.isBinaryExpression(value) && value.getOperatorToken().getKind() === SyntaxKind.PlusToken && value.getRight().getText() !== '1'
  );
}

/** A name the condition tests is assigned, in the body, from an awaited call or from a value that was. */
function fedByQueries(condition: Node, body: Node): boolean {
  const tested = new Set(condition.getDescendantsOfKind(SyntaxKind.Identifier).map((identifier) => identifier.getText()));
  if (Node.isIdentifier(condition)) tested.add(condition.getText());
  const awaited = new Set<string>();
  const assignments = ownNodes(body).flatMap((node) => {
    if (Node.isVariableDeclaration(node) && node.getInitializer()) return [{ name: node.getName(), value: node.getInitializer()! }];
    if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.EqualsToken)
      return [{ name: rootName(node.getLeft()), value: node.getRight() }];
    return [];
  });
  // Twice, for `const page = await …; cursor = page.next`.
  for (let pass = 0; pass < 2; pass++) {
    for (const { name, value } of assignments) {
      if (
        name &&
        (value.getDescendantsOfKind(SyntaxKind.AwaitExpression).length > 0 || Node.isAwaitExpression(value) || mentions(value, awaited))
      )
        awaited.add(name);
    }
  }
  return [...tested].some((name) => awaited.has(name));
}

function mentions(value: Node, names: ReadonlySet<string>): boolean {
  if (Node.isIdentifier(value)) return names.has(value.getText());
  return value.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => names.has(identifier.getText()));
}

/** The variable an assignment target belongs to: `x` of `x.a[k]`, `this.cache` of `this.cache[k]`. */
function rootName(target: Node): string | undefined {
  let current = target;
  while (Node.isPropertyAccessExpression(current) || Node.isElementAccessExpression(current)) {
    const object = current.getExpression();
    if (Node.isPropertyAccessExpression(current) && object.getKind() === SyntaxKind.ThisKeyword) return `this.${current.getName()}`;
    current = object;
  }
  return Node.isIdentifier(current) ? current.getText() : undefined;
}

function isQueueTake(call: Node): boolean {
  if (!Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) && QUEUE_TAKES.has(callee.getName());
}

/** A `break` that leaves this loop, or a `return`, in its body. */
function exitsEarly(loop: ConditionLoop, body: Node): boolean {
  return ownNodes(body).some((node) => {
    if (Node.isReturnStatement(node)) return true;
    if (!Node.isBreakStatement(node)) return false;
    if (node.getLabel()) return true;
    // An unlabelled break leaves the nearest loop or switch.
    const target = node.getFirstAncestor((ancestor) => Node.isIterationStatement(ancestor) || Node.isSwitchStatement(ancestor));
    return target === loop;
  });
}

/** The body's nodes outside nested functions (which run when called, not as part of this iteration). */
function ownNodes(body: Node): Node[] {
  const nodes: Node[] = [];
  body.forEachDescendant((node, traversal) => {
    if (Node.isFunctionLikeDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node)) {
      traversal.skip();
      return;
    }
    nodes.push(node);
  });
  return nodes;
}

/**
 * `if (!cache[id]) cache[id] = await find(id)`, `if (!store) store = await find(key)`: the query runs under a test of
 * a variable or map declared before the loop, and its branch fills that variable or map: once per distinct key.
 */
export function isMemoised(node: Node, loop: Node): boolean {
  for (let child = node, current = node.getParent(); current && current !== loop; child = current, current = current.getParent()) {
    if (!Node.isIfStatement(current) || current.getThenStatement() !== child) continue;
    const { tested, filled } = guardOf(current);
    if (tested.some(({ name, identifier }) => filled.has(name) && (!identifier || declaredBefore(identifier, loop)))) return true;
  }
  return false;
}

interface Guard {
  /** What the condition tests: `this.cache`, or a variable (with its identifier, to find its declaration). */
  tested: { name: string; identifier?: Node }[];
  /** What the branch fills. */
  filled: Set<string>;
}

/** Read once per `if`: every call inside its branch asks. */
function guardOf(statement: IfStatement): Guard {
  let guard = guards.get(statement);
  if (guard) return guard;
  const condition = statement.getExpression();
  const tested = [condition, ...condition.getDescendants()].flatMap((part) => {
    // `this.cache`: a field outlives the loop.
    if (Node.isPropertyAccessExpression(part) && part.getExpression().getKind() === SyntaxKind.ThisKeyword)
      return [{ name: `this.${part.getName()}` }];
    const parent = part.getParent();
    const member = Node.isPropertyAccessExpression(parent) && parent.getNameNode() === part;
    return Node.isIdentifier(part) && !member ? [{ name: part.getText(), identifier: part }] : [];
  });
  const branch = statement.getThenStatement();
  const filled = new Set(
    [branch, ...ownNodes(branch)]
      .flatMap((node) => {
        if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.EqualsToken)
          return [rootName(node.getLeft())];
        if (!Node.isCallExpression(node)) return [];
        const callee = node.getExpression();
        return Node.isPropertyAccessExpression(callee) && callee.getName() === 'set' ? [rootName(callee.getExpression())] : [];
      })
      .filter((name): name is string => name !== undefined),
  );
  guard = { tested, filled };
  guards.set(statement, guard);
  return guard;
}

const guards = new WeakMap<Node, Guard>();

function declaredBefore(identifier: Node, loop: Node): boolean {
  const declaration = inScope(identifier, declarationsNamed(identifier))[0];
  return declaration !== undefined && declaration.getStart() < loop.getStart();
}
