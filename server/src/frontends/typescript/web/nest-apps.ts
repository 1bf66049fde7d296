// NestJS, one file at a time: the app `NestFactory.create(AppModule)` makes and its `useGlobal*`
// guards, interceptors, pipes and filters; `@Module` classes with their imports, the middleware their
// `configure(consumer)` applies and their APP_GUARD-style providers; and what the file's middleware,
// guards and functions read from the request. The app's chain is assembled across files when the
// project is linked (model/nest-chains.ts). Its `app.use` middleware come from the Express reader.
import {
  Node,
  SyntaxKind,
  type CallExpression,
  type ClassDeclaration,
  type Decorator,
  type MethodDeclaration,
  type SourceFile,
} from 'ts-morph';
import type { MiddlewareEntry, NestEntry, NestFacts, NestRef, NestStage } from '../../../model/types';
import { exportedValues, type FileExport } from '../syntax/exported-names';
import { factoryCall, resolveReference, unwrap, type ImportTable, type ModuleReference } from '../syntax/imports';
import { roleOfExport, roleOfName } from './middleware-roles';
import type { NodeIndex } from '../syntax/node-index';
import { firstParameter, requestReads } from './request-reads';
import type { Locator } from '../syntax/source';
import { movableStatement } from './movable-statements';

const GLOBAL_CALLS: Record<string, NestStage> = {
  useGlobalGuards: 'guard',
  useGlobalInterceptors: 'interceptor',
  useGlobalPipes: 'pipe',
  useGlobalFilters: 'filter',
};

const APP_PROVIDERS: Record<string, NestStage> = {
  APP_GUARD: 'guard',
  APP_INTERCEPTOR: 'interceptor',
  APP_PIPE: 'pipe',
  APP_FILTER: 'filter',
};

export function extractNest(
  source: SourceFile,
  index: NodeIndex,
  imports: ImportTable,
  locator: Locator,
  exports: readonly FileExport[],
): NestFacts | undefined {
  const modules = [...imports.values()].map((binding) => binding.module);
  const nest = modules.some((module) => module.startsWith('@nestjs/'));
  const passport = modules.includes('passport');
  if (!nest && !passport && !modules.includes('express')) return undefined;
  const facts: NestFacts = {
    apps: nest ? apps(index, imports, locator) : [],
    modules: nest ? source.getClasses().flatMap((cls) => moduleOf(cls, imports, locator)) : [],
    controllers: nest ? source.getClasses().flatMap((cls) => controllerOf(cls, imports, locator)) : [],
    readers: readers(source, exports),
    serializers: source
      .getClasses()
      .filter((cls) => extendsFrom(cls, imports, '@nestjs/passport', 'PassportSerializer'))
      .map((cls) => locator.of(cls.getNameNode() ?? cls)),
    passportSession: passport
      ? index
          .of(SyntaxKind.CallExpression)
          .filter((call) => restoresLogin(call, imports))
          .map((call) => locator.of(call))
      : [],
  };
  const empty =
    facts.apps.length +
      facts.modules.length +
      facts.controllers.length +
      facts.readers.length +
      facts.serializers.length +
      facts.passportSession.length ===
    0;
  return empty ? undefined : facts;
}

function apps(index: NodeIndex, imports: ImportTable, locator: Locator): NestFacts['apps'] {
  const found: NestFacts['apps'] = [];
  for (const declaration of index.of(SyntaxKind.VariableDeclaration)) {
    const made = factoryCall(declaration.getInitializer(), imports);
    if (!made || !createsNestApp(made.reference) || !Node.isIdentifier(declaration.getNameNode())) continue;
    const [root] = made.call.getArguments();
    const fastify = usesFastifyAdapter(made.call, imports);
    const app = declaration.getName();
    const entries: NestEntry[] = [];
    for (const use of index.of(SyntaxKind.CallExpression)) {
      const callee = use.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || unwrap(callee.getExpression()).getText() !== app) continue;
      const stage = GLOBAL_CALLS[callee.getName()];
      if (!stage) continue;
      for (const arg of use.getArguments())
        entries.push(entryOf(arg, stage, imports, locator, { call: use, entries: use.getArguments().length }));
    }
    found.push({ app, ...(root ? { root: refOf(root, imports) } : {}), fastify, entries, location: locator.of(declaration) });
  }
  return found;
}

/** `NestFactory.create(...)`: what makes a NestJS app. */
export const createsNestApp = (reference: ModuleReference | undefined) =>
  reference?.module === '@nestjs/core' && reference.name === 'NestFactory.create';

/** `NestFactory.create(AppModule, new FastifyAdapter())`: an app whose `register` calls register Fastify plugins. */
export function usesFastifyAdapter(create: CallExpression, imports: ImportTable): boolean {
  const adapter = create.getArguments()[1];
  const created = adapter ? unwrap(adapter) : undefined;
  return (
    !!created && Node.isNewExpression(created) && resolveReference(created.getExpression(), imports)?.module === '@nestjs/platform-fastify'
  );
}

function moduleOf(cls: ClassDeclaration, imports: ImportTable, locator: Locator): NestFacts['modules'] {
  const decorator = cls.getDecorators().find((d) => isCommonDecorator(d, 'Module', imports));
  const metadata = decorator?.getArguments()[0];
  const name = cls.getName();
  if (!decorator || !name) return [];
  const module = name;
  const object = metadata ? unwrap(metadata) : undefined;
  const property = (key: string) => {
    const value = object && Node.isObjectLiteralExpression(object) ? object.getProperty(key) : undefined;
    const initializer = value && Node.isPropertyAssignment(value) ? value.getInitializer() : undefined;
    const list = initializer ? unwrap(initializer) : undefined;
    return list && Node.isArrayLiteralExpression(list) ? list.getElements() : [];
  };
  const projectRef = (element: Node) => {
    const value = unwrap(element);
    return Node.isIdentifier(value) && isProjectName(value.getText(), imports) ? [refOf(value, imports)] : [];
  };
  const importsOf = property('imports').flatMap((element) => {
    let value = unwrap(element);
    // `forwardRef(() => UsersModule)`
    if (Node.isCallExpression(value) && value.getExpression().getText() === 'forwardRef') {
      const fn = value.getArguments()[0];
      if (fn && Node.isArrowFunction(fn)) value = unwrap(fn.getBody());
    }
    return projectRef(value);
  });
  const entries: NestEntry[] = [...middlewareOf(cls, module, imports, locator)];
  for (const element of property('providers')) {
    const provider = unwrap(element);
    if (!Node.isObjectLiteralExpression(provider)) continue;
    const provide = provider.getProperty('provide');
    const token = provide && Node.isPropertyAssignment(provide) ? provide.getInitializer() : undefined;
    const reference = token ? resolveReference(token, imports) : undefined;
    const stage = reference?.module === '@nestjs/core' ? APP_PROVIDERS[reference.name] : undefined;
    if (!stage) continue;
    const use = ['useClass', 'useExisting', 'useValue', 'useFactory']
      .map((key) => provider.getProperty(key))
      .find((p) => p && Node.isPropertyAssignment(p));
    const value = use && Node.isPropertyAssignment(use) ? use.getInitializer() : undefined;
    const nestEntry = entryOf(value ?? provider, stage, imports, locator);
    nestEntry.entry.module = module;
    entries.push(nestEntry);
  }
  const names = [name, ...(cls.hasDefaultKeyword() ? ['default'] : [])];
  const global = cls.getDecorators().some((d) => isCommonDecorator(d, 'Global', imports));
  return [
    {
      names,
      global,
      imports: importsOf,
      controllers: property('controllers').flatMap(projectRef),
      entries,
      location: locator.of(cls.getNameNode() ?? cls),
    },
  ];
}

/** The decorators that bind guards, interceptors, pipes and filters to a controller or a handler. */
const BINDING_DECORATORS: Record<string, NestStage> = {
  UseGuards: 'guard',
  UseInterceptors: 'interceptor',
  UsePipes: 'pipe',
  UseFilters: 'filter',
};

/**
 * `@Controller()` classes and what `@UseGuards(A, B)`, `@UseInterceptors`, `@UsePipes` and `@UseFilters`
 * bind to the class or to one of its handlers: the controller's, then the handler's, each list left to
 * right (the order of guards, interceptors and pipes; filters run the other way, see nest-chains.ts).
 */
function controllerOf(cls: ClassDeclaration, imports: ImportTable, locator: Locator): NestFacts['controllers'] {
  const name = cls.getName();
  if (!name || !cls.getDecorators().some((d) => isCommonDecorator(d, 'Controller', imports))) return [];
  const boundTo = (decorated: ClassDeclaration | MethodDeclaration, scope: string) =>
    decorated.getDecorators().flatMap((d) => {
      const stage = Object.hasOwn(BINDING_DECORATORS, d.getName()) ? BINDING_DECORATORS[d.getName()] : undefined;
      if (!stage || !isCommonDecorator(d, d.getName(), imports)) return [];
      return d
        .getArguments()
        .map((arg) => (stage === 'guard' ? guardOf(arg, scope, imports, locator) : scoped(entryOf(arg, stage, imports, locator), scope)));
    });
  const entries = [...boundTo(cls, name), ...cls.getMethods().flatMap((method) => boundTo(method, `${name}.${method.getName()}`))];
  if (entries.length === 0) return [];
  return [{ names: [name, ...(cls.hasDefaultKeyword() ? ['default'] : [])], entries, location: locator.of(cls.getNameNode() ?? cls) }];
}

/**
 * A bound guard. `AuthGuard('jwt')` of @nestjs/passport runs a passport strategy, which sets req.user
 * for the guards after it; the `session` strategy reads the session to restore the login from it.
 */
function guardOf(arg: Node, scope: string, imports: ImportTable, locator: Locator): NestEntry {
  const value = unwrap(arg);
  const reference = Node.isCallExpression(value) ? resolveReference(value.getExpression(), imports) : undefined;
  if (Node.isCallExpression(value) && reference?.module === '@nestjs/passport' && reference.name === 'AuthGuard') {
    const strategy = value.getArguments()[0];
    const session = !!strategy && Node.isStringLiteral(strategy) && strategy.getLiteralValue() === 'session';
    return {
      entry: {
        name: value.getText(),
        role: 'authenticate',
        ...(session ? { reads: ['session'] } : {}),
        stage: 'guard',
        scope,
        location: locator.of(arg),
      },
    };
  }
  return scoped(entryOf(arg, 'guard', imports, locator), scope);
}

function scoped(nestEntry: NestEntry, scope: string): NestEntry {
  nestEntry.entry.scope = scope;
  return nestEntry;
}

/** `@Name(...)` or `@Name` imported from @nestjs/common. */
function isCommonDecorator(decorator: Decorator, name: string, imports: ImportTable): boolean {
  return (
    decorator.getName() === name &&
    resolveReference(decorator.getCallExpression()?.getExpression() ?? decorator.getNameNode(), imports)?.module === '@nestjs/common'
  );
}

/** `configure(consumer) { consumer.apply(A, B).forRoutes('*'); consumer.apply(C)... }`: each applied middleware in order. */
function middlewareOf(cls: ClassDeclaration, module: string, imports: ImportTable, locator: Locator): NestEntry[] {
  const configure = cls.getMethod('configure');
  const consumer = configure && firstParameter(configure);
  if (!configure || !consumer) return [];
  const applies = configure
    .getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter((call) => {
      const callee = call.getExpression();
      return Node.isPropertyAccessExpression(callee) && callee.getName() === 'apply' && fromConsumer(callee.getExpression(), consumer);
    })
    .sort((a, b) => nameStart(a) - nameStart(b));
  // `consumer.apply(A).forRoutes('a').apply(B)...` is one statement for all of them.
  const registered = (call: CallExpression) =>
    applies.filter((other) => outermost(other) === call).reduce((sum, other) => sum + other.getArguments().length, 0);
  return applies.flatMap((apply) => {
    const routes = routesOf(apply);
    return apply.getArguments().map((arg) => {
      const call = outermost(apply);
      const nestEntry = entryOf(arg, 'module', imports, locator, { call, entries: registered(call) });
      nestEntry.entry.module = module;
      if (routes.text) nestEntry.entry.routes = routes.text;
      if (routes.controllers) nestEntry.entry.controllers = routes.controllers;
      return nestEntry;
    });
  });
}

/**
 * What `.forRoutes(...)` and `.exclude(...)` chained after an `apply(...)` (before the next `apply`) say,
 * short: `UsersController`, `GET users`, `* except auth/login`; and the controllers when forRoutes names
 * controller classes only.
 */
function routesOf(apply: CallExpression): { text?: string; controllers?: string[] } {
  let forRoutes: Node[] | undefined;
  let exclude: Node[] = [];
  for (let current: CallExpression = apply; ;) {
    const access = current.getParent();
    const outer = access?.getParent();
    if (!access || !Node.isPropertyAccessExpression(access) || !outer || !Node.isCallExpression(outer) || outer.getExpression() !== access)
      break;
    const method = access.getName();
    if (method === 'apply') break;
    if (method === 'forRoutes') forRoutes = outer.getArguments();
    if (method === 'exclude') exclude = outer.getArguments();
    current = outer;
  }
  if (!forRoutes) return {};
  const text = forRoutes.map(routeText).join(', ') + (exclude.length ? ` except ${exclude.map(routeText).join(', ')}` : '');
  const classes = forRoutes.map(unwrap).filter((arg) => Node.isIdentifier(arg));
  // A path (`'users'`) or a route object may match any controller's routes: only classes tell them apart.
  const controllers = forRoutes.length > 0 && classes.length === forRoutes.length ? classes.map((c) => c.getText()) : undefined;
  return { text, ...(controllers ? { controllers } : {}) };
}

/** `'users'` → `users`; `{ path: 'users', method: RequestMethod.GET }` → `GET users`; a class as written. */
function routeText(arg: Node): string {
  const value = unwrap(arg);
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) return value.getLiteralValue();
  if (Node.isObjectLiteralExpression(value)) {
    const property = (key: string) => {
      const found = value.getProperty(key);
      return found && Node.isPropertyAssignment(found) ? found.getInitializer() : undefined;
    };
    const path = property('path');
    const method = property('method');
    const verb = method && Node.isPropertyAccessExpression(method) ? method.getName() : undefined;
    const where =
      path && (Node.isStringLiteral(path) || Node.isNoSubstitutionTemplateLiteral(path))
        ? path.getLiteralValue()
        : (path?.getText() ?? '…');
    return verb && verb !== 'ALL' ? `${verb} ${where}` : where;
  }
  const text = value.getText().replace(/\s+/g, ' ');
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}

/** `consumer`, or `consumer.apply(A).forRoutes('*')` chained on it (forRoutes returns the consumer). */
function fromConsumer(receiver: Node, consumer: string): boolean {
  const value = unwrap(receiver);
  if (Node.isIdentifier(value)) return value.getText() === consumer;
  if (Node.isCallExpression(value)) {
    const callee = value.getExpression();
    return Node.isPropertyAccessExpression(callee) && fromConsumer(callee.getExpression(), consumer);
  }
  return false;
}

const nameStart = (call: CallExpression) => {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) ? callee.getNameNode().getStart() : call.getStart();
};

/** The whole `consumer.apply(A).forRoutes('*')` chain an `apply` call is part of. */
function outermost(call: CallExpression): CallExpression {
  let current: CallExpression = call;
  for (;;) {
    const access = current.getParent();
    const outer = access?.getParent();
    if (!access || !Node.isPropertyAccessExpression(access) || !outer || !Node.isCallExpression(outer) || outer.getExpression() !== access)
      return current;
    current = outer;
  }
}

/** `registration`: the statement's call, and how many entries it registers. */
function entryOf(
  arg: Node,
  stage: NestStage,
  imports: ImportTable,
  locator: Locator,
  registration?: { call: CallExpression; entries: number },
): NestEntry {
  const value = unwrap(arg);
  const target = Node.isNewExpression(value) ? unwrap(value.getExpression()) : value;
  const called = Node.isCallExpression(target) ? target.getExpression() : target;
  const name = Node.isCallExpression(target)
    ? target.getExpression().getText()
    : Node.isArrowFunction(target) || Node.isFunctionExpression(target)
      ? `(${target
          .getParameters()
          .map((p) => p.getName())
          .join(', ')}) => {…}`
      : target.getText().split('\n')[0];
  const reference = resolveReference(called, imports);
  const role =
    stage === 'global' || stage === 'module' ? ((reference && roleOfExport(reference)) ?? roleOfName(called.getText())) : undefined;
  // A statement is only movable when it registers this one entry.
  const statement = registration && registration.entries === 1 ? movableStatement(registration.call, locator) : undefined;
  const entry: MiddlewareEntry = { name, ...(role ? { role } : {}), stage, location: locator.of(arg), ...(statement ? { statement } : {}) };
  const ref = Node.isIdentifier(target) && isProjectName(target.getText(), imports) ? refOf(target, imports) : undefined;
  return { entry, ...(ref ? { ref } : {}) };
}

/** A name declared in this file or imported from a module of the project (a relative import). */
function isProjectName(name: string, imports: ImportTable): boolean {
  const binding = imports.get(name);
  return !binding || binding.module.startsWith('.');
}

function refOf(node: Node, imports: ImportTable): NestRef {
  const name = unwrap(node).getText();
  const binding = imports.get(name);
  return binding && binding.module.startsWith('.')
    ? { name, imported: { module: binding.module, name: binding.name || 'default' } }
    : { name };
}

/** Classes and functions with what they read from the request: middleware `use(req)`, guards' `getRequest()`. */
function readers(source: SourceFile, exports: readonly FileExport[]): NestFacts['readers'] {
  const exported = exportedValues(exports);
  const namesOf = (node: Node, local: string | undefined) => [
    ...(local ? [local] : []),
    ...exported.filter((e) => e.target === node).map((e) => e.name),
  ];
  const found: NestFacts['readers'] = [];
  for (const cls of source.getClasses()) {
    const use = cls.getMethod('use');
    const request = use ? firstParameter(use) : undefined;
    const reads = requestReads(cls, request ? [request] : []);
    const names = namesOf(cls, cls.getName());
    if (reads.length > 0 && names.length > 0) found.push({ names, reads });
  }
  const functions: { node: Node; name?: string; fn: Node }[] = [
    ...source.getFunctions().map((fn) => ({ node: fn as Node, name: fn.getName(), fn: fn as Node })),
    ...source.getVariableDeclarations().flatMap((declaration) => {
      const initializer = declaration.getInitializer();
      const fn = initializer ? unwrap(initializer) : undefined;
      return fn && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))
        ? [{ node: initializer as Node, name: declaration.getName(), fn }]
        : [];
    }),
  ];
  for (const { node, name, fn } of functions) {
    // `(req, res, next) => ...`: functional middleware.
    if (!(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isFunctionDeclaration(fn)) || fn.getParameters().length < 2)
      continue;
    const request = firstParameter(fn);
    const reads = request ? requestReads(fn, [request]) : [];
    const names = namesOf(node, name);
    if (reads.length > 0 && names.length > 0) found.push({ names, reads });
  }
  return found;
}

function extendsFrom(cls: ClassDeclaration, imports: ImportTable, module: string, name: string): boolean {
  const heritage = cls.getExtends()?.getExpression();
  const reference = heritage ? resolveReference(heritage, imports) : undefined;
  return reference?.module === module && reference.name === name;
}

/** `passport.session()` or `passport.authenticate('session')`: what restores the login from the session. */
function restoresLogin(call: CallExpression, imports: ImportTable): boolean {
  const reference = resolveReference(call.getExpression(), imports);
  if (reference?.module !== 'passport') return false;
  if (reference.name === 'session') return true;
  const [strategy] = call.getArguments();
  return reference.name === 'authenticate' && !!strategy && Node.isStringLiteral(strategy) && strategy.getLiteralValue() === 'session';
}
