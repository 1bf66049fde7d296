// Reads a Python expression into a model Value without running it: literals, names assigned
// earlier in the module, and reads from the environment (os.environ, os.getenv, django-environ,
// python-decouple), whose literal default is kept so rules can judge it.
import type { Node } from 'web-tree-sitter';
import type { ObjectEntry, Value } from '../../model/types';
import { callParts, descendants, dottedName, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

/** What a module binds that changes how expressions read: earlier settings, and names for the environment. */
export interface ValueScope {
  file: string;
  /** Module-level names assigned so far. */
  names: Map<string, Value>;
  /** Local names of `os.environ`, `os.getenv`, django-environ `Env()` instances and decouple's `config`. */
  environ: Set<string>;
  getenv: Set<string>;
  envInstances: Set<string>;
  decoupleConfig: Set<string>;
}

export function newScope(file: string): ValueScope {
  return {
    file,
    names: new Map(),
    environ: new Set(['os.environ']),
    getenv: new Set(['os.getenv', 'os.environ.get']),
    envInstances: new Set(),
    decoupleConfig: new Set(),
  };
}

/** Deeper than this, an expression is generated code, not a setting anyone reads: it stays unknown. */
const MAX_DEPTH = 64;

export function readValue(node: Node, scope: ValueScope, depth = 0): Value {
  const location = locationOf(scope.file, node);
  if (depth > MAX_DEPTH) return { kind: 'unknown', text: node.text.slice(0, 200), location };
  const literal = readLiteral(node, scope, depth + 1);
  if (literal) return literal;
  const env = envRead(node, scope);
  if (env) return env;
  // An expression built on an environment read (`os.getenv("DEBUG") == "1"`) is configured outside the code too.
  for (const inner of descendants(node)) {
    if (inner.id === node.id) continue;
    const read = envRead(inner, scope);
    if (read && read.kind === 'env') return { kind: 'env', name: read.name, location };
  }
  return { kind: 'unknown', text: node.text.length > 200 ? `${node.text.slice(0, 200)}…` : node.text, location };
}

function readLiteral(node: Node, scope: ValueScope, depth: number): Value | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const location = locationOf(scope.file, node);
  switch (node.type) {
    case 'true':
    case 'false':
      return { kind: 'bool', value: node.type === 'true', location };
    case 'none':
      return { kind: 'none', location };
    case 'integer':
    case 'float': {
      const value = Number(node.text.replace(/_/g, '').replace(/[jJlL]$/, ''));
      return Number.isFinite(value) ? { kind: 'number', value, location } : undefined;
    }
    case 'string':
    case 'concatenated_string': {
      const value = stringValue(node);
      return value === undefined ? undefined : { kind: 'string', value, location };
    }
    case 'parenthesized_expression': {
      const inner = namedChildren(node).find((child) => child.type !== 'comment');
      return inner ? withLocation(readValue(inner, scope, depth + 1), location) : undefined;
    }
    case 'list':
    case 'tuple': {
      const items = namedChildren(node).filter((child) => child.type !== 'comment');
      // `[*BASE, "x"]`: the spread part is not a literal.
      if (items.some((item) => item.type === 'list_splat' || item.type === 'list_comprehension')) return undefined;
      return { kind: 'list', items: items.map((item) => readValue(item, scope, depth + 1)), location };
    }
    case 'dictionary':
      return readDictionary(node, scope, depth);
    case 'identifier': {
      const bound = scope.names.get(node.text);
      return bound ? withLocation(bound, location) : undefined;
    }
    case 'unary_operator': {
      const operand = node.childForFieldName('argument');
      const operator = node.childForFieldName('operator')?.text;
      const value = operand ? readLiteral(operand, scope, depth + 1) : undefined;
      if (value?.kind === 'number' && (operator === '-' || operator === '+'))
        return { kind: 'number', value: operator === '-' ? -value.value : value.value, location };
      return undefined;
    }
    case 'binary_operator':
      return readArithmetic(node, scope, depth);
    default:
      return undefined;
  }
}

function withLocation(value: Value, location: Value['location']): Value {
  return { ...value, location } as Value;
}

function readDictionary(node: Node, scope: ValueScope, depth: number): Value | undefined {
  const entries: ObjectEntry[] = [];
  let partial = false;
  for (const pair of namedChildren(node)) {
    if (pair.type === 'comment') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const keyText = pair.type === 'pair' && key ? stringValue(key) : undefined;
    if (keyText === undefined || !value) {
      partial = true;
      continue;
    }
    entries.push({ key: keyText, value: readValue(value, scope, depth + 1), location: locationOf(scope.file, pair) });
  }
  return { kind: 'object', entries, location: locationOf(scope.file, node), ...(partial ? { partial } : {}) };
}

/** `60 * 60 * 24 * 14`, and list concatenation `BASE + ["x"]`. */
function readArithmetic(node: Node, scope: ValueScope, depth: number): Value | undefined {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const operator = node.childForFieldName('operator')?.text;
  if (!left || !right || !operator) return undefined;
  const a = readLiteral(left, scope, depth + 1);
  const b = readLiteral(right, scope, depth + 1);
  const location = locationOf(scope.file, node);
  if (a?.kind === 'list' && b?.kind === 'list' && operator === '+') return { kind: 'list', items: [...a.items, ...b.items], location };
  if (a?.kind === 'string' && b?.kind === 'string' && operator === '+') return { kind: 'string', value: a.value + b.value, location };
  if (a?.kind !== 'number' || b?.kind !== 'number') return undefined;
  const result = arithmetic(operator, a.value, b.value);
  return result === undefined || !Number.isFinite(result) ? undefined : { kind: 'number', value: result, location };
}

function arithmetic(operator: string, a: number, b: number): number | undefined {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '//':
      return Math.floor(a / b);
    case '**':
      return a ** b;
    default:
      return undefined;
  }
}

/** A direct read of one environment variable, with its literal default when given. */
function envRead(node: Node, scope: ValueScope): Value | undefined {
  const location = locationOf(scope.file, node);
  if (node.type === 'subscript') {
    const object = dottedName(node.childForFieldName('value'));
    const key = node.childForFieldName('subscript');
    if (object && scope.environ.has(object)) return { kind: 'env', name: key ? stringValue(key) : undefined, location };
    return undefined;
  }
  if (node.type !== 'call') return undefined;
  const { callee, positional, keywords } = callParts(node);
  if (!callee) return undefined;
  const nameOf = (arg: Node | undefined) => (arg ? stringValue(arg) : undefined);
  const fallbackOf = (arg: Node | undefined) => (arg ? readLiteral(arg, scope, 0) : undefined);
  const env = (name: string | undefined, fallback: Value | undefined): Value => ({
    kind: 'env',
    name,
    ...(fallback ? { fallback } : {}),
    location,
  });
  const dot = callee.lastIndexOf('.');
  const receiver = dot === -1 ? callee : callee.slice(0, dot);
  if (scope.getenv.has(callee) || [...scope.environ].some((environ) => callee === `${environ}.get`)) {
    return env(nameOf(positional[0] ?? keywords.get('key')), fallbackOf(positional[1] ?? keywords.get('default')));
  }
  // django-environ: `env("X", default=...)`, `env.bool("X", default=True)`; the second positional argument is a cast.
  if (scope.envInstances.has(callee) || (dot !== -1 && scope.envInstances.has(receiver))) {
    return env(nameOf(positional[0]), fallbackOf(keywords.get('default')));
  }
  if (scope.decoupleConfig.has(callee)) return env(nameOf(positional[0]), fallbackOf(keywords.get('default')));
  return undefined;
}

/** Records what an import or assignment binds for reading later expressions. */
export function bindImport(scope: ValueScope, module: string, name: string, alias: string): void {
  if (module === 'os' && name === 'environ') scope.environ.add(alias);
  if (module === 'os' && name === 'getenv') scope.getenv.add(alias);
  if (module === 'decouple' && name === 'config') scope.decoupleConfig.add(alias);
  if (module === 'os' && name === '') {
    scope.environ.add(`${alias}.environ`);
    scope.getenv.add(`${alias}.getenv`).add(`${alias}.environ.get`);
  }
}

/** `env = environ.Env(...)` makes `env` an environment reader. */
export function bindAssignment(scope: ValueScope, target: string, value: Node): void {
  if (value.type === 'call') {
    const callee = callParts(value).callee;
    // django-environ's `environ.Env()` and environs' `Env()`, under any import alias.
    if (callee && lastSegment(callee) === 'Env') scope.envInstances.add(target);
  }
}
