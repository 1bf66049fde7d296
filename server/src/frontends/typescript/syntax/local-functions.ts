// What a name used as a handler or plugin stands for in its own file: a `const` it is bound to, or a
// top-level function declaration. The declarations are read once per file: a file can register
// thousands of handlers by name.
import { type Node, ts } from 'ts-morph';
import { constInitializer } from './values';

const declaredFunctions = new WeakMap<ts.SourceFile, Map<string, Node>>();

/** The file's top-level function of that name (the first one, as `getFunction` finds it). */
export function declaredFunction(identifier: Node): Node | undefined {
  const source = identifier.getSourceFile();
  let functions = declaredFunctions.get(source.compilerNode);
  if (!functions) {
    functions = new Map();
    for (const fn of source.getFunctions()) {
      const name = fn.getName();
      if (name && !functions.has(name)) functions.set(name, fn);
    }
    declaredFunctions.set(source.compilerNode, functions);
  }
  return functions.get(identifier.getText());
}

/** The value a name is bound to in its file: a `const` initializer in scope, else a function declaration. */
export function localValue(identifier: Node): Node | undefined {
  return constInitializer(identifier) ?? declaredFunction(identifier);
}
