// Django admin classes: the model each is registered for (`@admin.register(Book)` or
// `admin.site.register(Book, BookAdmin)`), its list_display columns, list_select_related, and
// what its column methods read from `obj`.
import type { Node } from 'web-tree-sitter';
import type { AdminDecl } from '../../model/types';
import { blockEnd, baseNames } from './syntax';
import { returnedQueryset } from './query-chains';
import { rowAccesses } from './row-accesses';
import { assignmentOf, callParts, descendants, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

export function readAdmins(root: Node, file: string): AdminDecl[] {
  const registered = registrations(root);
  return namedChildren(root).flatMap((statement) => {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type !== 'class_definition' || !baseNames(definition).some((base) => lastSegment(base) === 'ModelAdmin')) return [];
    const name = definition.childForFieldName('name')!;
    const decorated = statement.type === 'decorated_definition' ? decoratorModel(statement) : undefined;
    const model = decorated ?? registered.get(name.text);
    return [readAdmin(definition, file, model)];
  });
}

/** `admin.site.register(Book, BookAdmin)` → BookAdmin → Book. */
function registrations(root: Node): Map<string, string> {
  const found = new Map<string, string>();
  for (const node of descendants(root)) {
    if (node.type !== 'call') continue;
    const { callee, positional } = callParts(node);
    if (!callee?.endsWith('site.register') || positional.length < 2) continue;
    const models = positional[0].type === 'list' || positional[0].type === 'tuple' ? namedChildren(positional[0]) : [positional[0]];
    if (models[0]) found.set(lastSegment(positional[1].text), lastSegment(models[0].text));
  }
  return found;
}

function decoratorModel(statement: Node): string | undefined {
  for (const decorator of namedChildren(statement)) {
    const call = decorator.type === 'decorator' ? decorator.namedChildren[0] : undefined;
    if (call?.type !== 'call') continue;
    const { callee, positional } = callParts(call);
    if (callee && lastSegment(callee) === 'register' && positional[0]) return lastSegment(positional[0].text);
  }
  return undefined;
}

function readAdmin(definition: Node, file: string, model: string | undefined): AdminDecl {
  const name = definition.childForFieldName('name')!;
  const block = definition.childForFieldName('body');
  const statements = block ? namedChildren(block) : [];
  const admin: AdminDecl = {
    name: name.text,
    ...(model ? { model } : {}),
    listDisplay: [],
    methods: [],
    bodyEnd: { position: { line: 0, character: 0 }, indent: '    ' },
    location: locationOf(file, name),
  };
  const end = block ? blockEnd(block) : undefined;
  if (end) admin.bodyEnd = end;
  for (const statement of statements) {
    const assignment = assignmentOf(statement);
    const key = assignment?.childForFieldName('left')?.text;
    const value = assignment?.childForFieldName('right');
    if (key === 'list_display' && value && (value.type === 'list' || value.type === 'tuple')) {
      admin.listDisplay = namedChildren(value).flatMap((item) => {
        const column = stringValue(item);
        return column !== undefined ? [{ name: column, location: locationOf(file, item) }] : [];
      });
    }
    if (key === 'list_select_related' && value) {
      if (value.type === 'true' || value.type === 'false') admin.listSelectRelated = value.type === 'true';
      else if (value.type === 'list' || value.type === 'tuple')
        admin.listSelectRelated = namedChildren(value).flatMap((item) => (stringValue(item) !== undefined ? [stringValue(item)!] : []));
    }
    const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === 'get_queryset')
      admin.getQueryset = returnedQueryset(fn, file);
    else if (fn?.type === 'function_definition') {
      const params = fn.childForFieldName('parameters');
      const obj = params ? namedChildren(params)[1] : undefined;
      const fnBody = fn.childForFieldName('body');
      if (obj?.type === 'identifier' && fnBody)
        admin.methods.push({ name: fn.childForFieldName('name')!.text, accesses: rowAccesses(fnBody, obj.text, file) });
    }
  }
  return admin;
}
