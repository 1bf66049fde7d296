// Django views that opt out of CSRF protection, whether they change state (a comparison of
// request.method with an unsafe method, a write through the ORM, or a post/put/patch/delete handler),
// and whether they rely on the session cookie to know who calls them.
import type { Node } from 'web-tree-sitter';
import type { ViewDecl } from '../../model/types';
import { baseNames, callParts, descendants, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WRITES = new Set([
  'save',
  'delete',
  'create',
  'update',
  'bulk_create',
  'bulk_update',
  'get_or_create',
  'update_or_create',
  'add',
  'remove',
  'set',
  'clear',
]);
const HANDLERS = new Set(['post', 'put', 'patch', 'delete']);
/**
 * What Django fills from the session cookie: `request.user` (AuthenticationMiddleware loads it from the
 * session), `request.session` itself, and the raw cookies. A view reading none of them does not know who
 * the browser's user is, so a forged cross-site request gains nothing from the user's cookies.
 */
const SESSION_ATTRIBUTES = new Set(['user', 'session', 'COOKIES']);
/** django.contrib.auth's decorators and mixins all test `request.user`, which comes from the session. */
const SESSION_DECORATORS = new Set([
  'login_required',
  'permission_required',
  'user_passes_test',
  'staff_member_required',
  'superuser_required',
]);
const SESSION_MIXINS = new Set(['LoginRequiredMixin', 'PermissionRequiredMixin', 'UserPassesTestMixin']);
/** `login(request, user)` / `logout(request)` write the session: an exempt login form invites login CSRF. */
const SESSION_WRITERS = new Set(['login', 'logout']);

export function readViews(root: Node, file: string): ViewDecl[] {
  const views: ViewDecl[] = [];
  const view = (name: Node, definition: Node, decorated: Node[]): ViewDecl => ({
    name: name.text,
    stack: 'django',
    location: locationOf(file, name),
    csrfExempt: true,
    changesState: stateChanges(definition),
    usesSession: sessionEvidence(definition, decorated),
  });
  for (const node of namedChildren(root)) {
    if (node.type !== 'decorated_definition') continue;
    const definition = node.childForFieldName('definition');
    const name = definition?.childForFieldName('name');
    if (!definition || !name || !exempts(decorators(node))) continue;
    views.push(view(name, definition, decorators(node)));
  }
  // `@method_decorator(csrf_exempt, name="dispatch")` on the class, or on its dispatch().
  for (const node of namedChildren(root)) {
    const definition = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
    if (definition?.type !== 'class_definition') continue;
    const name = definition.childForFieldName('name');
    if (!name || views.some((known) => known.name === name.text)) continue;
    const body = definition.childForFieldName('body');
    const dispatchExempt = (body ? namedChildren(body) : []).some(
      (member) =>
        member.type === 'decorated_definition' &&
        member.childForFieldName('definition')?.childForFieldName('name')?.text === 'dispatch' &&
        exempts(decorators(member)),
    );
    const classDecorators = node.type === 'decorated_definition' ? decorators(node) : [];
    if (exempts(classDecorators) || dispatchExempt) views.push(view(name, definition, classDecorators));
  }
  return views;
}

function decorators(node: Node): Node[] {
  return namedChildren(node).filter((child) => child.type === 'decorator');
}

/** The decorator's callee (`login_required` for `@login_required` and `@login_required(login_url=...)`). */
function decoratorName(decorator: Node): string | undefined {
  const target = decorator.namedChildren[0];
  if (!target) return undefined;
  const callee = target.type === 'call' ? callParts(target).callee : target.text;
  return callee === undefined ? undefined : lastSegment(callee);
}

function exempts(list: Node[]): boolean {
  return list.some((decorator) => {
    const target = decorator.namedChildren[0];
    if (!target) return false;
    if (target.type !== 'call') return lastSegment(target.text) === 'csrf_exempt';
    const { callee, positional } = callParts(target);
    return (
      callee !== undefined &&
      lastSegment(callee) === 'method_decorator' &&
      positional.some((arg) => lastSegment(arg.text) === 'csrf_exempt')
    );
  });
}

function stateChanges(definition: Node): string[] {
  const evidence = new Set<string>();
  for (const node of descendants(definition)) {
    if (node.type === 'comparison_operator') {
      const operands = namedChildren(node);
      const method = operands.map((operand) => stringValue(operand)).find((text) => text !== undefined && UNSAFE_METHODS.has(text));
      const operator = node.children.find((child) => child !== null && !child.isNamed)?.text ?? '==';
      if (method && operands.some((operand) => operand.text.endsWith('.method'))) evidence.add(`request.method ${operator} "${method}"`);
    } else if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      if (method && WRITES.has(method)) evidence.add(`.${method}()`);
    } else if (node.type === 'function_definition' && node.id !== definition.id) {
      const name = node.childForFieldName('name')?.text;
      if (name && HANDLERS.has(name)) evidence.add(`a ${name}() handler`);
    }
  }
  return [...evidence];
}

/** What shows the view identifies its caller by the session cookie (see SESSION_ATTRIBUTES). */
function sessionEvidence(definition: Node, decorated: Node[]): string[] {
  const evidence = new Set<string>();
  const inner = (node: Node) => (node.type === 'decorated_definition' ? decorators(node) : []);
  const allDecorators = [...decorated, ...[...descendants(definition)].flatMap(inner)];
  for (const decorator of allDecorators) {
    const name = decoratorName(decorator);
    if (name && SESSION_DECORATORS.has(name)) evidence.add(`@${name}`);
    // `@method_decorator(login_required, ...)`
    const target = decorator.namedChildren[0];
    if (target?.type === 'call' && name === 'method_decorator') {
      for (const arg of callParts(target).positional)
        if (SESSION_DECORATORS.has(lastSegment(arg.text))) evidence.add(`@${lastSegment(arg.text)}`);
    }
  }
  if (definition.type === 'class_definition') {
    for (const base of baseNames(definition)) if (SESSION_MIXINS.has(lastSegment(base))) evidence.add(lastSegment(base));
  }
  for (const node of descendants(definition)) {
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object')?.text;
      const attribute = node.childForFieldName('attribute')?.text;
      if (object && attribute && SESSION_ATTRIBUTES.has(attribute) && /(^|\.)request$/.test(object)) evidence.add(`${object}.${attribute}`);
    } else if (node.type === 'call') {
      const { callee, positional } = callParts(node);
      if (callee && SESSION_WRITERS.has(lastSegment(callee)) && positional[0]?.text === 'request') evidence.add(`${callee}(request)`);
    }
  }
  return [...evidence];
}
