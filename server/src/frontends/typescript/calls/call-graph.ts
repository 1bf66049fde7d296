// One file's part of the call graph: each named function with the queries it runs itself and the calls
// whose target the file's bindings name (see targets.ts), each with the loop it runs in per element; the
// classes with their base class; and what the file exports and re-exports, so that the link phase can
// follow an import to the function it names.
import { Node, SyntaxKind, ts, type CallExpression, type SourceFile } from 'ts-morph';
import type { CallGraphFacts, FunctionFacts, FunctionQuery } from '../../../model/types';
import { activeRecordReads } from '../queries/model-reads';
import { enclosingLoop } from '../queries/loops';
import { prismaQuery } from '../queries/prisma-queries';
import { readQuery } from '../queries/typeorm-queries';
import type { FileExport } from '../syntax/exported-names';
import { unwrap, type ImportTable } from '../syntax/imports';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import { enclosingNamedFunction, functionId } from './function-ids';
import { callTarget, classNamed } from './targets';

/** Prisma's dataloader merges these when they start in the same tick (`Promise.all`, sibling field resolvers). */
const PRISMA_BATCHED = new Set(['findUnique', 'findUniqueOrThrow']);
const PRISMA_WRITES = new Set(['create', 'createMany', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany']);

export function extractCallGraph(
  source: SourceFile,
  index: NodeIndex,
  imports: ImportTable,
  exports: readonly FileExport[],
  locator: Locator,
): CallGraphFacts | undefined {
  const functions = new Map<Node, FunctionFacts>();
  const factsOf = (fn: Node, id: string): FunctionFacts => {
    let facts = functions.get(fn);
    if (!facts) {
      facts = { id, location: locator.of(nameNode(fn)), queries: [], calls: [] };
      functions.set(fn, facts);
    }
    return facts;
  };
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const owner = enclosingNamedFunction(call);
    const id = owner && functionId(owner);
    if (!owner || !id) continue;
    // Both, when it may be either: `this.users.count()` is a Prisma delegate's count unless `users` is declared
    // a project class, which the link finds out (it keeps queries on declared models, calls to project functions).
    const queries = cachesItsResult(owner) ? [] : queriesOf(call, locator);
    if (queries.length > 0) factsOf(owner, id).queries.push(...queries);
    const target = callTarget(call, imports);
    if (!target) continue;
    const loop = enclosingLoop(call);
    factsOf(owner, id).calls.push({
      target,
      callee: calleeText(call),
      location: locator.of(call),
      ...(loop ? { loop: { location: locator.of(loop.node), kind: loop.kind } } : {}),
    });
  }
  const classes = index.of(SyntaxKind.ClassDeclaration).flatMap((declaration) => {
    const name = declaration.getName();
    if (!name) return [];
    const base = declaration.getExtends()?.getExpression();
    const target = base && Node.isIdentifier(base) ? classNamed(base, imports) : undefined;
    return [{ name, ...(target ? { base: target } : {}) }];
  });
  const reexports = source.getExportDeclarations().flatMap((declaration) => {
    const specifier = declaration.compilerNode.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) return [];
    const module = specifier.text;
    const named = declaration.getNamedExports();
    if (named.length === 0) return [{ module }];
    return named.map((n) => ({ module, name: n.getName(), as: n.getAliasNode()?.getText() ?? n.getName() }));
  });
  if (functions.size === 0 && reexports.length === 0) return undefined;
  return {
    functions: [...functions.values()],
    classes,
    exports: exports.flatMap(exportedFunctions),
    reexports,
  };
}

/**
 * The names other files reach a function by: `export function f`, `export { f as g }`, and the members of an object
 * exported as a whole (`export default { getEvaluator }`, called as `evaluatorsService.getEvaluator()`): `default.getEvaluator`.
 */
function exportedFunctions({ name, local, value }: FileExport): { name: string; local: string }[] {
  const object = value && unwrap(value);
  if (object && Node.isObjectLiteralExpression(object)) {
    return object.getProperties().flatMap((property) => {
      if (Node.isShorthandPropertyAssignment(property)) return [{ name: `${name}.${property.getName()}`, local: property.getName() }];
      if (!Node.isPropertyAssignment(property)) return [];
      const initializer = property.getInitializer();
      return initializer && Node.isIdentifier(initializer) ? [{ name: `${name}.${property.getName()}`, local: initializer.getText() }] : [];
    });
  }
  return local ? [{ name, local }] : [];
}

/** The queries a call runs itself, for each ORM whose call it may be (the link keeps the ones on declared models). */
function queriesOf(call: CallExpression, locator: Locator): FunctionQuery[] {
  const location = locator.of(call);
  const prisma = prismaQuery(call);
  if (prisma) {
    return [
      {
        stack: 'prisma',
        model: prisma.model,
        method: prisma.method,
        call: prisma.text,
        location,
        ...(PRISMA_BATCHED.has(prisma.method) ? { batchable: true } : {}),
        ...(PRISMA_WRITES.has(prisma.method) ? { write: true } : {}),
      },
    ];
  }
  const typeorm = readQuery(call);
  if (typeorm)
    return [
      {
        stack: 'typeorm',
        model: typeorm.entity,
        method: typeorm.method,
        call: `${typeorm.receiver.getText().replace(/\s+/g, '')}.${typeorm.method}()`,
        location,
      },
    ];
  return activeRecordReads(call).map((read) => ({ ...read, location }));
}

/**
 * A method that returns a field it fills (`if (this.cached && fresh) return this.cached; … this.cached = rows`):
 * its query runs once per instance and expiry, not once per call.
 */
function cachesItsResult(fn: Node): boolean {
  let cached = cacheOf.get(fn);
  if (cached !== undefined) return cached;
  const filled = new Set(
    fn
      .getDescendantsOfKind(SyntaxKind.BinaryExpression)
      .filter((assignment) => assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken)
      .map((assignment) => thisField(assignment.getLeft()))
      .filter((name): name is string => name !== undefined),
  );
  cached = fn.getDescendantsOfKind(SyntaxKind.ReturnStatement).some((statement) => {
    const returned = statement.getExpression();
    const field = returned && thisField(Node.isAwaitExpression(returned) ? returned.getExpression() : returned);
    const test = statement.getFirstAncestorByKind(SyntaxKind.IfStatement)?.getExpression();
    return (
      field !== undefined &&
      filled.has(field) &&
      test !== undefined &&
      test.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).some((access) => thisField(access) === field)
    );
  });
  cacheOf.set(fn, cached);
  return cached;
}

const cacheOf = new WeakMap<Node, boolean>();

/** `this.cached` → `cached`. */
function thisField(node: Node): string | undefined {
  return Node.isPropertyAccessExpression(node) && node.getExpression().getKind() === SyntaxKind.ThisKeyword ? node.getName() : undefined;
}

/** `this.marketDataService.getMax(...)` → `getMax`, `helper(...)` → `helper`. */
function calleeText(call: CallExpression): string {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
}

function nameNode(fn: Node): Node {
  if (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) {
    const holder = fn.getFirstAncestor((a) => Node.isVariableDeclaration(a) || Node.isPropertyDeclaration(a));
    if (holder && (Node.isVariableDeclaration(holder) || Node.isPropertyDeclaration(holder))) return holder.getNameNode();
  }
  if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) || Node.isGetAccessorDeclaration(fn)) return fn.getNameNode() ?? fn;
  return fn;
}
