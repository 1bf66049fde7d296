// The query that produced a list a loop iterates, and how to make that query load a relation too:
// TypeORM `find({ relations })`, Prisma `findMany({ include | select })`, Sequelize `findAll({ include })`.
// Only a `const` declared in the same function counts: a parameter or a reassigned list may come from
// anywhere, and an edit to a query elsewhere would change every other caller.
import { Node, type CallExpression, type Expression, type ObjectLiteralExpression } from 'ts-morph';
import type { ListLoadRecipe, Stack } from '../../../model/types';
import { unwrap } from '../syntax/imports';
import { arrayInsertion, objectInsertion } from '../syntax/object-insertion';
import { declarationsNamed, enclosingFunction, inScope } from '../syntax/scopes';
import type { Locator } from '../syntax/source';

/**
 * Which model and method a call queries, as its library reads it (`repo.find()` → User, find). Each
 * library's query module passes its own: this module knows the shapes of list queries, not the libraries.
 */
export type ListQueryReader = (call: CallExpression) => { model: string; method: string } | undefined;

interface ListQueryShape {
  method: string;
  /** The option that loads relations (Prisma: `select` also does), and whether it must be an array. */
  option: string;
  alternative?: string;
  arrayOnly?: boolean;
  /** Options that decide what comes back of a joined relation (TypeORM's `select`): such a query is left alone. */
  blockers?: string[];
}

const LIST_QUERIES: Partial<Record<Stack, ListQueryShape>> = {
  typeorm: { method: 'find', option: 'relations', blockers: ['select'] },
  prisma: { method: 'findMany', option: 'include', alternative: 'select' },
  sequelize: { method: 'findAll', option: 'include', arrayOnly: true },
};

/** `const posts = await <list query>` in the function that encloses `loop`, with how to load a relation with it. */
export function listLoadRecipe(list: Node, loop: Node, stack: Stack, locator: Locator, read: ListQueryReader): ListLoadRecipe | undefined {
  const shape = LIST_QUERIES[stack];
  const call = listCall(list, loop);
  const model = shape && call ? listModel(call, shape.method, read) : undefined;
  return shape && call && model ? loadingRecipe(call, shape, locator, { list: list.getText(), model }) : undefined;
}

/**
 * The call whose result a list variable holds (`const posts = await repo.find()`), by its nearest
 * declaration. With `loop`, only a `const` declared in the function that encloses the loop: what an edit may change.
 */
export function listCall(list: Node, loop?: Node): CallExpression | undefined {
  if (!Node.isIdentifier(list)) return undefined;
  const declaration = inScope(list, declarationsNamed(list))[0];
  if (!Node.isVariableDeclaration(declaration)) return undefined;
  if (
    loop &&
    (declaration.getVariableStatement()?.getDeclarationKind() !== 'const' || enclosingFunction(declaration) !== enclosingFunction(loop))
  )
    return undefined;
  let initializer: Node | undefined = declaration.getInitializer();
  if (initializer && Node.isAwaitExpression(initializer)) initializer = initializer.getExpression();
  return initializer && Node.isCallExpression(initializer) ? initializer : undefined;
}

/**
 * The relations a list query names in its loading option, in any form (`relations: { author: true }`,
 * `relations: ['author.profile']`), whatever else its options say: what the rows come with.
 */
export function relationsNamed(call: CallExpression, stack: Stack, locator: Locator, read: ListQueryReader): string[] {
  const shape = LIST_QUERIES[stack];
  const options = call.getArguments()[0];
  if (!shape || !listModel(call, shape.method, read) || !options || !Node.isObjectLiteralExpression(options)) return [];
  const written = loadingProperty(options, shape);
  return (written && loadingEntries(written, shape, locator)?.named) ?? [];
}

function listModel(call: CallExpression, method: string, read: ListQueryReader): string | undefined {
  const query = read(call);
  return query?.method === method ? query.model : undefined;
}

/** A Sequelize model's static read: `Post.findAll(...)`. */
export const sequelizeListQuery: ListQueryReader = (call) => {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const receiver = callee.getExpression();
  return Node.isIdentifier(receiver) && /^[A-Z]/.test(receiver.getText())
    ? { model: receiver.getText(), method: callee.getName() }
    : undefined;
};

/** Where an entry of the loading option goes in `call`'s options, or the option itself, or the options argument. */
function loadingRecipe(
  call: CallExpression,
  shape: ListQueryShape,
  locator: Locator,
  base: { list: string; model: string },
): ListLoadRecipe | undefined {
  const options = call.getArguments()[0];
  if (!options) return { ...base, emptyArguments: locator.position(call.getEnd() - 1), loaded: [], named: [] };
  if (!Node.isObjectLiteralExpression(options)) return undefined;
  if (shape.blockers?.some((name) => options.getProperty(name) !== undefined)) return undefined;
  // A spread may carry the option already; where it ends up is not known.
  if (options.getProperties().some((property) => !Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property)))
    return undefined;
  const written = loadingProperty(options, shape);
  if (!written) return { ...base, options: objectInsertion(options, locator), loaded: [], named: [] };
  const entries = loadingEntries(written, shape, locator);
  return entries ? { ...base, ...entries } : undefined;
}

/** The option that loads relations (`relations`, `include`, Prisma's `select`), if the options hold one. */
function loadingProperty(options: ObjectLiteralExpression, shape: ListQueryShape): Node | undefined {
  return [shape.option, shape.alternative]
    .flatMap((name) => (name ? [options.getProperty(name)] : []))
    .find((property) => property !== undefined);
}

/**
 * Where one more entry of the loading option goes, and the relations it loads whole and names in any form; undefined when it is no
 * literal.
 */
function loadingEntries(
  written: Node,
  shape: ListQueryShape,
  locator: Locator,
): Pick<ListLoadRecipe, 'into' | 'loaded' | 'named'> | undefined {
  const value = Node.isPropertyAssignment(written) ? unwrap(written.getInitializerOrThrow()) : undefined;
  const option = Node.isPropertyAssignment(written) ? written.getName() : '';
  if (value && Node.isObjectLiteralExpression(value) && !shape.arrayOnly) {
    const entries = value.getProperties().filter(Node.isPropertyAssignment);
    if (entries.length !== value.getProperties().length) return undefined;
    return {
      into: { option, array: false, insertion: objectInsertion(value, locator) },
      loaded: entries.filter((entry) => entry.getInitializer()?.getText() === 'true').map((entry) => entry.getName()),
      named: entries.map((entry) => entry.getName()),
    };
  }
  if (value && Node.isArrayLiteralExpression(value)) {
    const elements = value.getElements().map(arrayEntry);
    if (elements.some((element) => element === undefined)) return undefined;
    const known = elements as { name: string; whole: boolean }[];
    return {
      into: { option, array: true, insertion: arrayInsertion(value, locator) },
      loaded: known.filter((entry) => entry.whole).map((entry) => entry.name),
      named: known.map((entry) => entry.name),
    };
  }
  return undefined;
}

/**
 * One element of a `relations`/`include` array: `'author'` (TypeORM, Sequelize), `'author.profile'` (names
 * author, and loads it too), `User` or `{ model: User, as: 'author' }` (Sequelize; other keys such as
 * `where` or `attributes` load it partially).
 */
function arrayEntry(element: Expression): { name: string; whole: boolean } | undefined {
  if (Node.isStringLiteral(element) || Node.isNoSubstitutionTemplateLiteral(element))
    return { name: element.getLiteralValue().split('.')[0], whole: true };
  if (Node.isIdentifier(element)) return { name: element.getText(), whole: true };
  if (!Node.isObjectLiteralExpression(element)) return undefined;
  let name: string | undefined;
  let whole = true;
  for (const property of element.getProperties()) {
    const key = Node.isPropertyAssignment(property) ? property.getName() : '';
    const value = Node.isPropertyAssignment(property) ? property.getInitializerOrThrow() : undefined;
    if ((key === 'as' || key === 'association') && value && Node.isStringLiteral(value)) name = value.getLiteralValue();
    else if (key === 'model' && value) name ??= value.getText();
    else whole = false;
  }
  return name ? { name, whole } : undefined;
}
