// A Django settings module: its module-level UPPER_CASE assignments (last one wins, as when Python
// runs it), its star imports, and its MIDDLEWARE list as a chain.
import { basename, dirname } from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { InsertPoint, MiddlewareChain, SettingAssignment, SettingsModule, Value } from '../../model/types';
import { djangoMiddlewareRole } from './middleware-roles';
import { callParts, locationOf, namedChildren, rangeOf, stringValue } from './syntax';
import { readValue, type ValueScope } from './values';

const WELL_KNOWN = new Set([
  'INSTALLED_APPS',
  'MIDDLEWARE',
  'MIDDLEWARE_CLASSES',
  'SECRET_KEY',
  'DEBUG',
  'ALLOWED_HOSTS',
  'DATABASES',
  'ROOT_URLCONF',
  'TEMPLATES',
  'WSGI_APPLICATION',
  'ASGI_APPLICATION',
  'AUTH_USER_MODEL',
  'STATIC_URL',
]);
const WELL_KNOWN_PREFIXES = ['SESSION_', 'CSRF_', 'SECURE_'];

export function isDjangoSettingName(name: string): boolean {
  return WELL_KNOWN.has(name) || WELL_KNOWN_PREFIXES.some((prefix) => name.startsWith(prefix));
}

export function looksLikeSettingsFile(file: string): boolean {
  return basename(file) === 'settings.py' || basename(dirname(file)) === 'settings';
}

const SETTING_NAME = /^[A-Z][A-Z0-9_]*$/;

/** Collects settings while the module's top-level statements are walked in order. */
export class SettingsCollector {
  readonly assignments = new Map<string, SettingAssignment>();
  readonly starImports: string[] = [];
  private middlewareList?: { name: string; node: Node };

  constructor(private readonly scope: ValueScope) {}

  /** `NAME = value`, `NAME += value`; `conditional` when it sits in an `if` branch, where which branch runs is unknown. */
  assign(target: Node, operator: string, valueNode: Node, statement: Node, conditional: boolean): void {
    const name = target.text;
    if (target.type !== 'identifier') return;
    let value = readValue(valueNode, this.scope);
    const previous = this.scope.names.get(name);
    if (operator === '+=') {
      value =
        previous?.kind === 'list' && value.kind === 'list'
          ? { kind: 'list', items: [...previous.items, ...value.items], location: value.location }
          : { kind: 'unknown', text: statement.text, location: locationOf(this.scope.file, statement) };
    }
    if (conditional) value = { kind: 'unknown', text: statement.text, location: value.location };
    this.scope.names.set(name, value);
    if (!SETTING_NAME.test(name)) return;
    this.assignments.set(name, { name, value, location: locationOf(this.scope.file, statement) });
    if ((name === 'MIDDLEWARE' || name === 'MIDDLEWARE_CLASSES') && operator === '=' && !conditional)
      this.middlewareList = { name, node: valueNode };
  }

  starImport(module: string): void {
    this.starImports.push(module);
  }

  isSettingsModule(file: string): boolean {
    return looksLikeSettingsFile(file) || [...this.assignments.keys()].some(isDjangoSettingName);
  }

  module(file: string, append: InsertPoint, importInsert: InsertPoint): SettingsModule {
    return { file, assignments: this.assignments, starImports: this.starImports, append, importInsert };
  }

  /** The MIDDLEWARE list as a chain, when it is a literal list or tuple. */
  middleware(file: string, app: string): MiddlewareChain | undefined {
    const list = this.middlewareList;
    if (!list) return undefined;
    let node = list.node;
    while (node.type === 'parenthesized_expression' && node.namedChildren[0]) node = node.namedChildren[0];
    if (node.type !== 'list' && node.type !== 'tuple') return undefined;
    const entries = namedChildren(node).flatMap((item) => {
      const value: Value = readValue(item, this.scope);
      if (value.kind !== 'string') return [];
      const role = djangoMiddlewareRole(value.value);
      return [{ name: value.value, location: locationOf(file, item), text: item.text, ...(role ? { role } : {}) }];
    });
    return { app, stack: 'django', file, entries, location: { file, range: rangeOf(node) } };
  }
}

/** `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")`: the module Django is pointed at by default. */
export function readSettingsModuleName(call: Node): string | undefined {
  const { callee, positional } = callParts(call);
  if (!callee?.endsWith('environ.setdefault') || positional.length < 2) return undefined;
  return stringValue(positional[0]) === 'DJANGO_SETTINGS_MODULE' ? stringValue(positional[1]) : undefined;
}
