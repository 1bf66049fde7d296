import { Node, type Decorator } from 'ts-morph';
import type { Value } from '../../../model/types';
import { resolveReference, unwrap, type ImportTable } from '../syntax/imports';
import type { Locator } from '../syntax/source';
import { readValue } from '../syntax/values';

/** TypeORM, and forks published under a scope (`@n8n/typeorm`): any `<scope>/typeorm` package. */
export const isTypeormModule = (module: string) => module === 'typeorm' || /^@[^/]+\/typeorm$/.test(module);
const TYPEORM_MODULES = { has: isTypeormModule };

export interface TypeormDecorator {
  /** The export's name (`Entity`, `Column`), whatever the local name is. */
  name: string;
  args: Node[];
  node: Decorator;
}

type ObjectValue = Extract<Value, { kind: 'object' }>;

/**
 * The decorators of a declaration that come from TypeORM. The import is always resolved: a look-alike
 * `@Column` from another library (Kysely table helpers, MikroORM) is not TypeORM.
 */
export function typeormDecorators(node: { getDecorators(): Decorator[] }, imports: ImportTable): TypeormDecorator[] {
  return decoratorsFrom(node, imports, TYPEORM_MODULES);
}

/** The decorators of a declaration imported from one of `modules`, by their exported names. */
export function decoratorsFrom(
  node: { getDecorators(): Decorator[] },
  imports: ImportTable,
  modules: { has(module: string): boolean },
): TypeormDecorator[] {
  const found: TypeormDecorator[] = [];
  for (const decorator of node.getDecorators()) {
    const call = decorator.getCallExpression();
    const reference = resolveReference(call ? call.getExpression() : decorator.getExpression(), imports);
    if (!reference || !modules.has(reference.module) || reference.name === '') continue;
    found.push({ name: reference.name, args: call ? call.getArguments() : [], node: decorator });
  }
  return found;
}

/** The decorator arguments read as values (consts resolved). */
export function argumentValues(decorator: TypeormDecorator, locator: Locator): Value[] {
  return decorator.args.map((arg) => readValue(arg, { locator }));
}

/** The options object of a decorator: its last object argument. */
export function optionsOf(values: readonly Value[]): ObjectValue | undefined {
  const objects = values.filter((v): v is ObjectValue => v.kind === 'object');
  return objects[objects.length - 1];
}

export function option(options: ObjectValue | undefined, key: string): Value | undefined {
  return options?.entries.find((e) => e.key === key)?.value;
}

export function stringOption(options: ObjectValue | undefined, key: string): string | undefined {
  const value = option(options, key);
  return value?.kind === 'string' ? value.value : undefined;
}

export function isTrue(options: ObjectValue | undefined, key: string): boolean {
  const value = option(options, key);
  return value?.kind === 'bool' && value.value;
}

/**
 * Property names listed by a decorator argument: `['a', 'b']`, or `(p) => [p.a, p.b]`.
 * Undefined when the list cannot be read.
 */
export function propertyNames(arg: Node | undefined, locator: Locator): string[] | undefined {
  if (!arg) return undefined;
  const value = unwrap(arg);
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) {
    const body = value.getBody();
    const list = body && !Node.isBlock(body) ? unwrap(body) : undefined;
    if (!list || !Node.isArrayLiteralExpression(list)) return undefined;
    const names = list.getElements().map((e) => {
      const element = unwrap(e);
      return Node.isPropertyAccessExpression(element) ? element.getName() : undefined;
    });
    return names.every((n): n is string => n !== undefined) ? names : undefined;
  }
  const read = readValue(value, { locator });
  if (read.kind !== 'list') return undefined;
  const names = read.items.map((item) => (item.kind === 'string' ? item.value : undefined));
  return names.every((n): n is string => n !== undefined) ? names : undefined;
}

/** The class a `() => Target` / `type => Target` / `'Target'` argument names. */
export function targetName(arg: Node | undefined): string | undefined {
  if (!arg) return undefined;
  let value = unwrap(arg);
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) {
    const body = value.getBody();
    if (!body) return undefined;
    if (Node.isBlock(body)) {
      const [statement] = body.getStatements();
      const returned = statement && Node.isReturnStatement(statement) ? statement.getExpression() : undefined;
      if (!returned) return undefined;
      value = unwrap(returned);
    } else {
      value = unwrap(body);
    }
  }
  if (Node.isIdentifier(value) || Node.isPropertyAccessExpression(value)) return value.getText();
  if (Node.isStringLiteral(value)) return value.getLiteralValue();
  return undefined;
}
