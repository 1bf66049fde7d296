// Where a user is logged in with Passport, and whether the handler that does it regenerates the
// session itself: `req.login(user, cb)` / `req.logIn(...)`, `passport.authenticate()` on a POST route
// (as middleware or called inside the handler), and `super.logIn(request)` in a NestJS `AuthGuard`.
// Logins with `{ session: false }` create no session and are not recorded.
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { LoginSite } from '../../../model/types';
import { resolveReference, unwrap, type ImportTable } from '../syntax/imports';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import { localValue } from '../syntax/local-functions';
import { readValue } from '../syntax/values';

const REQUEST_NAMES = new Set(['req', 'request']);
const REQUEST_DECORATORS = new Set(['Req', 'Request']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head']);

export function extractLogins(index: NodeIndex, imports: ImportTable, locator: Locator): LoginSite[] {
  const sites: LoginSite[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const login = loginCall(call, imports);
    if (!login || withoutSession(call, login.optionsArgument, locator)) continue;
    const handler = handlerOf(call);
    if (!handler) continue;
    // passport.authenticate() logs in on the routes that receive credentials: POST, not the GET that redirects to a provider.
    if (login.kind === 'authenticate' && handler.route !== 'post') continue;
    const scope = scopeOf(handler, imports);
    sites.push({
      call: login.text,
      location: locator.of(call),
      handler: locator.of(handler.node),
      regenerates: scope.nodes.some(regenerates),
      ...(scope.opaque ? { opaque: true } : {}),
    });
  }
  return sites;
}

interface Login {
  kind: 'login' | 'authenticate';
  text: string;
  /** The argument that may hold `{ session: false }`. */
  optionsArgument: number;
}

function loginCall(call: CallExpression, imports: ImportTable): Login | undefined {
  const callee = call.getExpression();
  const reference = resolveReference(callee, imports);
  if (reference?.module === 'passport' && reference.name === 'authenticate') {
    const args = call.getArguments();
    const last = args.length > 1 ? unwrap(args[args.length - 1]) : undefined;
    // With a callback of its own, authenticate() logs no one in: the callback's `req.logIn()` does (recorded there).
    if (last && (Node.isArrowFunction(last) || Node.isFunctionExpression(last))) return undefined;
    const strategy = args[0];
    const strategyText = strategy ? strategy.getText().replace(/\s+/g, ' ') : '';
    // A strategy written as a long expression is cut, so that the message stays short.
    return { kind: 'authenticate', text: `${callee.getText()}(${strategyText.length <= 30 ? strategyText : '…'})`, optionsArgument: 1 };
  }
  if (!Node.isPropertyAccessExpression(callee) || (callee.getName() !== 'login' && callee.getName() !== 'logIn')) return undefined;
  const receiver = unwrap(callee.getExpression());
  if (Node.isIdentifier(receiver) && isRequest(receiver))
    return { kind: 'login', text: `${receiver.getText()}.${callee.getName()}()`, optionsArgument: 1 };
  // @nestjs/passport: `class LocalAuthGuard extends AuthGuard('local')` logs in with `await super.logIn(request)`.
  if (receiver.getKind() === SyntaxKind.SuperKeyword && extendsNestAuthGuard(call, imports))
    return { kind: 'login', text: 'super.logIn()', optionsArgument: -1 };
  return undefined;
}

/** `req`/`request`, or a parameter decorated `@Req()` / `@Request()` (NestJS). */
function isRequest(identifier: Node): boolean {
  if (REQUEST_NAMES.has(identifier.getText())) return true;
  const name = identifier.getText();
  for (let scope = identifier.getParent(); scope; scope = scope.getParent()) {
    if (!Node.isFunctionLikeDeclaration(scope)) continue;
    const parameter = scope.getParameters().find((p) => p.getName() === name);
    if (parameter) return parameter.getDecorators().some((d) => REQUEST_DECORATORS.has(d.getName()));
  }
  return false;
}

function extendsNestAuthGuard(call: Node, imports: ImportTable): boolean {
  const cls = call.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  const base = cls?.getExtends()?.getExpression();
  const factory = base ? unwrap(base) : undefined;
  if (!factory || !Node.isCallExpression(factory)) return false;
  const reference = resolveReference(factory.getExpression(), imports);
  return reference?.module === '@nestjs/passport' && reference.name === 'AuthGuard';
}

/** `{ session: false }` among the call's arguments: Passport sets `req.user` for this request only. */
function withoutSession(call: CallExpression, index: number, locator: Locator): boolean {
  const argument = index >= 0 ? call.getArguments()[index] : undefined;
  if (!argument) return false;
  const value = readValue(argument, { locator });
  const session = value.kind === 'object' ? value.entries.find((e) => e.key === 'session') : undefined;
  return session?.value.kind === 'bool' && !session.value.value;
}

interface Handler {
  node: Node;
  /** The route method when the handler is a route registration (`app.post('/login', ...)`). */
  route?: string;
}

/**
 * The route registration or function a login runs in: the route call when it is an argument of one
 * (all its handlers share the request), else the nearest method, function declaration or named function.
 */
function handlerOf(call: Node): Handler | undefined {
  let child: Node = call;
  for (let node = call.getParent(); node; child = node, node = node.getParent()) {
    if (Node.isCallExpression(node) && node.getArguments().includes(child)) {
      const route = routeMethod(node);
      if (route) return { node, route };
    }
    if (Node.isMethodDeclaration(node) || Node.isFunctionDeclaration(node)) return { node };
    if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) {
      const holder = node.getParent();
      if (holder && (Node.isVariableDeclaration(holder) || Node.isExportAssignment(holder) || Node.isPropertyAssignment(holder)))
        return { node };
    }
  }
  return undefined;
}

/** `app.post('/login', ...)`, `router.route('/login').post(...)`: the method, when the call registers a route. */
function routeMethod(call: CallExpression): string | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !ROUTE_METHODS.has(callee.getName())) return undefined;
  const first = call.getArguments()[0];
  const chainedOnRoute = Node.isCallExpression(unwrap(callee.getExpression()));
  const hasPath = first !== undefined && (Node.isStringLiteral(unwrap(first)) || Node.isNoSubstitutionTemplateLiteral(unwrap(first)));
  return hasPath || chainedOnRoute ? callee.getName() : undefined;
}

/**
 * The code that handles the request: the handler itself, and for a route the functions of this file it
 * names. A handler imported from another module may regenerate the session where this file cannot see.
 */
function scopeOf(handler: Handler, imports: ImportTable): { nodes: Node[]; opaque: boolean } {
  if (!handler.route || !Node.isCallExpression(handler.node)) return { nodes: [handler.node], opaque: false };
  const nodes: Node[] = [];
  let opaque = false;
  for (const argument of handler.node.getArguments()) {
    const value = unwrap(argument);
    nodes.push(value);
    if (Node.isIdentifier(value)) {
      const declared = localValue(value);
      if (declared) nodes.push(declared);
      else opaque = true;
    } else if (Node.isPropertyAccessExpression(value)) {
      // `authController.login`: a method of a class this analysis does not follow.
      opaque = true;
    } else if (Node.isCallExpression(value)) {
      const reference = resolveReference(value.getExpression(), imports);
      // A middleware factory of the project (`regenerateSession()`) may regenerate; a package's does not.
      if (!reference || reference.module.startsWith('.')) opaque ||= !isLocalFactoryWithoutRegenerate(value, nodes);
    }
  }
  return { nodes, opaque };
}

/** A factory declared in this file is read like the handler; anything else cannot be seen. */
function isLocalFactoryWithoutRegenerate(call: CallExpression, nodes: Node[]): boolean {
  const callee = unwrap(call.getExpression());
  if (!Node.isIdentifier(callee)) return false;
  const declared = localValue(callee);
  if (!declared) return false;
  nodes.push(declared);
  return true;
}

/** `req.session.regenerate(...)`, called or passed on (`promisify(req.session.regenerate)`). */
function regenerates(node: Node): boolean {
  const isRegenerate = (access: Node) => {
    if (!Node.isPropertyAccessExpression(access) || access.getName() !== 'regenerate') return false;
    const session = unwrap(access.getExpression());
    return Node.isPropertyAccessExpression(session) && session.getName() === 'session';
  };
  return isRegenerate(node) || node.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).some(isRegenerate);
}
