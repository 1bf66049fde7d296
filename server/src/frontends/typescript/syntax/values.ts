import { Node, SyntaxKind, type ObjectLiteralExpression } from 'ts-morph';
import type { ObjectEntry, Value } from '../../../model/types';
import { unwrap } from './imports';
import { objectInsertion } from './object-insertion';
import type { Locator } from './source';

type ObjectValue = Extract<Value, { kind: 'object' }>;

export interface ValueContext {
  locator: Locator;
  /**
   * Object keys whose value may be a function returning the options (express-session 1.19 `cookie: (req) => ({...})`):
   * such a function is read as the object it returns.
   */
  functionEntries?: ReadonlySet<string>;
}

// Deep enough for options built from a few consts; stops a `const a = b, b = a` cycle.
const MAX_DEPTH = 12;

const COMPARISONS = new Set([
  SyntaxKind.EqualsEqualsEqualsToken,
  SyntaxKind.EqualsEqualsToken,
  SyntaxKind.ExclamationEqualsEqualsToken,
  SyntaxKind.ExclamationEqualsToken,
]);

/** Reads an expression as far as it can be known without running code. */
export function readValue(node: Node, context: ValueContext, depth = 0): Value {
  const location = context.locator.of(node);
  const unknown = (): Value => ({ kind: 'unknown', text: node.getText(), location });
  if (depth > MAX_DEPTH) return unknown();
  const expression = unwrap(node);
  const next = (child: Node) => readValue(child, context, depth + 1);

  switch (expression.getKind()) {
    case SyntaxKind.TrueKeyword:
      return { kind: 'bool', value: true, location };
    case SyntaxKind.FalseKeyword:
      return { kind: 'bool', value: false, location };
    case SyntaxKind.NullKeyword:
      return { kind: 'none', location };
    case SyntaxKind.NumericLiteral:
      return { kind: 'number', value: expression.asKindOrThrow(SyntaxKind.NumericLiteral).getLiteralValue(), location };
    case SyntaxKind.StringLiteral:
      return { kind: 'string', value: expression.asKindOrThrow(SyntaxKind.StringLiteral).getLiteralValue(), location };
    case SyntaxKind.NoSubstitutionTemplateLiteral:
      return { kind: 'string', value: expression.asKindOrThrow(SyntaxKind.NoSubstitutionTemplateLiteral).getLiteralValue(), location };
    case SyntaxKind.ArrayLiteralExpression:
      return {
        kind: 'list',
        items: expression
          .asKindOrThrow(SyntaxKind.ArrayLiteralExpression)
          .getElements()
          .map((element) =>
            Node.isSpreadElement(element)
              ? { kind: 'unknown', text: element.getText(), location: context.locator.of(element) }
              : next(element),
          ),
        location,
      };
    case SyntaxKind.ObjectLiteralExpression:
      return readObject(expression.asKindOrThrow(SyntaxKind.ObjectLiteralExpression), context, depth);
    case SyntaxKind.Identifier: {
      if (expression.getText() === 'undefined') return { kind: 'none', location };
      const initializer = constInitializer(expression);
      if (!initializer) return unknown();
      return next(initializer);
    }
    case SyntaxKind.PropertyAccessExpression:
    case SyntaxKind.ElementAccessExpression: {
      const name = environmentVariable(expression);
      return name === undefined ? unknown() : { kind: 'env', name: name || undefined, location };
    }
    case SyntaxKind.PrefixUnaryExpression: {
      const prefix = expression.asKindOrThrow(SyntaxKind.PrefixUnaryExpression);
      const operand = next(prefix.getOperand());
      if (prefix.getOperatorToken() === SyntaxKind.MinusToken && operand.kind === 'number')
        return { kind: 'number', value: -operand.value, location };
      if (prefix.getOperatorToken() === SyntaxKind.ExclamationToken && operand.kind === 'env')
        return { kind: 'env', name: operand.name, location };
      return unknown();
    }
    case SyntaxKind.BinaryExpression: {
      const binary = expression.asKindOrThrow(SyntaxKind.BinaryExpression);
      const operator = binary.getOperatorToken().getKind();
      const left = next(binary.getLeft());
      if (operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.BarBarToken) {
        return left.kind === 'env' ? { kind: 'env', name: left.name, fallback: next(binary.getRight()), location } : unknown();
      }
      if (operator === SyntaxKind.AmpersandAmpersandToken)
        return left.kind === 'env' ? { kind: 'env', name: left.name, location } : unknown();
      if (COMPARISONS.has(operator)) {
        const right = next(binary.getRight());
        const env = left.kind === 'env' ? left : right.kind === 'env' ? right : undefined;
        return env ? { kind: 'env', name: env.name, location } : unknown();
      }
      return unknown();
    }
    case SyntaxKind.ConditionalExpression: {
      // `isProduction ? true : false`: which branch applies is decided by the deployment, not the code.
      const condition = next(expression.asKindOrThrow(SyntaxKind.ConditionalExpression).getCondition());
      return condition.kind === 'env' ? { kind: 'env', name: condition.name, location } : unknown();
    }
    default:
      return unknown();
  }
}

function readObject(object: ObjectLiteralExpression, context: ValueContext, depth: number): ObjectValue {
  const { locator } = context;
  const entries: ObjectEntry[] = [];
  let partial = false;
  const set = (entry: ObjectEntry) => {
    // Later keys win, as in JavaScript.
    const index = entries.findIndex((e) => e.key === entry.key);
    if (index >= 0) entries.splice(index, 1);
    entries.push(entry);
  };
  const valueOf = (key: string, node: Node): Value => {
    if (context.functionEntries?.has(key)) {
      const returned = returnedObject(node);
      if (returned) return readObject(returned, context, depth + 1);
    }
    return readValue(node, context, depth + 1);
  };
  for (const property of object.getProperties()) {
    if (Node.isSpreadAssignment(property)) {
      const spread = readValue(property.getExpression(), context, depth + 1);
      if (spread.kind !== 'object') {
        partial = true;
        continue;
      }
      partial ||= spread.partial === true;
      for (const entry of spread.entries) set(entry);
      continue;
    }
    const key = propertyKey(property);
    if (key === undefined) {
      partial = true;
      continue;
    }
    const location = locator.of(property);
    const text = property.getText();
    if (Node.isPropertyAssignment(property)) {
      const initializer = property.getInitializer();
      set({ key, value: initializer ? valueOf(key, initializer) : { kind: 'unknown', text: '', location }, location, text });
    } else if (Node.isShorthandPropertyAssignment(property)) {
      set({ key, value: readValue(property.getNameNode(), context, depth + 1), location, text });
    } else {
      // Methods and accessors: `cookie(req) { return {...}; }` is the function form too.
      set({ key, value: valueOf(key, property), location, text });
    }
  }
  return {
    kind: 'object',
    entries,
    location: locator.of(object),
    ...(partial ? { partial } : {}),
    insertion: objectInsertion(object, locator),
  };
}

function propertyKey(property: Node): string | undefined {
  const name = (property as unknown as { getNameNode?: () => Node }).getNameNode?.();
  if (!name) return undefined;
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralValue();
  if (Node.isNumericLiteral(name)) return String(name.getLiteralValue());
  if (Node.isComputedPropertyName(name)) {
    const inner = unwrap(name.getExpression());
    if (Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)) return inner.getLiteralValue();
  }
  return undefined;
}

/** `process.env.X` / `process.env['X']` → 'X'; `process.env[name]` → ''; anything else → undefined. */
function environmentVariable(expression: Node): string | undefined {
  let object: Node;
  let name: string;
  if (Node.isPropertyAccessExpression(expression)) {
    object = unwrap(expression.getExpression());
    name = expression.getName();
  } else if (Node.isElementAccessExpression(expression)) {
    object = unwrap(expression.getExpression());
    const argument = expression.getArgumentExpression();
    const key = argument ? unwrap(argument) : undefined;
    name = key && (Node.isStringLiteral(key) || Node.isNoSubstitutionTemplateLiteral(key)) ? key.getLiteralValue() : '';
  } else {
    return undefined;
  }
  if (!Node.isPropertyAccessExpression(object) || object.getName() !== 'env') return undefined;
  const root = unwrap(object.getExpression());
  return Node.isIdentifier(root) && root.getText() === 'process' ? name : undefined;
}

/** The object literal a function returns directly (`() => ({...})`, or a body whose only return is one). */
function returnedObject(node: Node): ObjectLiteralExpression | undefined {
  const fn = unwrap(node);
  if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn) && !Node.isMethodDeclaration(fn)) return undefined;
  const body = fn.getBody();
  if (!body) return undefined;
  if (!Node.isBlock(body)) {
    const value = unwrap(body);
    return Node.isObjectLiteralExpression(value) ? value : undefined;
  }
  const returns = body
    .getDescendantsOfKind(SyntaxKind.ReturnStatement)
    .filter((r) => r.getFirstAncestor((a) => Node.isFunctionLikeDeclaration(a)) === fn);
  if (returns.length !== 1) return undefined;
  const value = returns[0].getExpression();
  const unwrapped = value ? unwrap(value) : undefined;
  return unwrapped && Node.isObjectLiteralExpression(unwrapped) ? unwrapped : undefined;
}

/**
 * The initializer of the `const` a name refers to, looked up through the enclosing scopes by name
 * (no type checker). A parameter or a `let`/`var` of that name in between hides it: unknown.
 */
export function constInitializer(identifier: Node): Node | undefined {
  const name = identifier.getText();
  for (let scope: Node | undefined = identifier.getParent(); scope; scope = scope.getParent()) {
    if (Node.isFunctionLikeDeclaration(scope) && scope.getParameters().some((p) => p.getName() === name)) return undefined;
    if (!Node.isBlock(scope) && !Node.isSourceFile(scope) && !Node.isModuleBlock(scope)) continue;
    for (const statement of scope.getStatements()) {
      if (!Node.isVariableStatement(statement)) continue;
      for (const declaration of statement.getDeclarations()) {
        if (declaration.getName() !== name) continue;
        if (statement.getDeclarationKind() !== 'const') return undefined;
        return declaration.getInitializer();
      }
    }
  }
  return undefined;
}
