import type { Location, Stack } from './places';
import type { Value } from './values';

// Middleware chains: Django MIDDLEWARE, Express app.use, ...

export interface MiddlewareEntry {
  /** What was registered: a dotted path (Django) or a call/identifier as written (`session`, `express.static`). */
  name: string;
  /** What it is, when recognised: `session`, `auth`, `csrf`, `security`, `static`, `body-parser`, ... */
  role?: string;
  location: Location;
  /** The entry as written (`"django.contrib.sessions.middleware.SessionMiddleware"` with its quotes), for fixes that move it. */
  text?: string;
  /** Express: the statement that registers this entry and nothing else, on lines of its own, for fixes that move it. */
  statement?: MovableStatement;
  /** Registered by a project function the app was handed to (`setupSession(app)`): that call. Set when chains are linked. */
  via?: { call: string; location: Location };
  /**
   * Express: the variable registered here when it may be a router (`app.use('/api', apiRouter)`): `module` is ''
   * for a router of the same file, else the relative module it is imported from, with its export. Linked to
   * the router's chain, when it is one, by the model.
   */
  router?: ImportedName;
  /** A mounted router's own chain (`app.use('/api', router)`), listed under its mount point. */
  mounted?: MiddlewareEntry[];
  /** Fastify: the encapsulation context the entry is registered in (`app › routes`); absent for the app's own context. */
  context?: string;
  /** Fastify: a plugin that opens a context of its own; the entries registered in it follow, with this as their `context`. */
  opens?: string;
  /** Fastify: a project plugin imported from another file, expanded when the project is linked. */
  plugin?: ImportedName;
  /** Fastify: the hook of a `hook` entry (`onRequest`, `preHandler`, ...). */
  hook?: string;
  /** NestJS: the stage of the request lifecycle the entry runs in. */
  stage?: NestStage;
  /** NestJS: the module whose `configure(consumer)` applies it, or that provides it as APP_GUARD and the like. */
  module?: string;
  /**
   * NestJS: the controller (`UsersController`) or handler (`UsersController.me`) a @UseGuards (@UseInterceptors, @UsePipes, @UseFilters)
   * entry is bound to; absent for global ones.
   */
  scope?: string;
  /**
   * NestJS: the routes a module middleware applies to, short, as written: `forRoutes(...)`, then ` except ` and `exclude(...)`
   * (`UsersController`, `GET users except users/me`).
   */
  routes?: string;
  /**
   * NestJS: the controllers of `forRoutes(A, B)` when it names controller classes only: the middleware runs on their routes and no other.
   */
  controllers?: string[];
  /** What the entry's own code reads from the request, when a middleware before it must provide it: `session`, `user`. */
  reads?: string[];
}

/** NestJS request lifecycle: `app.use` middleware, module middleware, then guards, interceptors, pipes, and exception filters. */
export type NestStage = 'global' | 'module' | 'guard' | 'interceptor' | 'pipe' | 'filter';

/** A statement on lines of its own: moving `text` to another line of `block` moves exactly one registration. */
export interface MovableStatement {
  /** Whole lines: from the start of the statement's first line to the start of the line after its last. */
  lines: Location;
  text: string;
  /** The block (or file) that holds it: statements move only within one block. */
  block: Location;
}

/** A name imported from a module of the project, as written: `./session` and its export (`default` for the main one). */
export interface ImportedName {
  module: string;
  name: string;
}

/** A call that hands an app to a project function (`setupSession(app)`): what that function registers joins the chain there. */
export interface MiddlewareHelperCall {
  /** The function's local name (`setupSession`, or `register` for `middleware.register(app)`). */
  callee: string;
  /** Where the function comes from when it is imported. */
  imported?: ImportedName;
  /** Which argument is the app. */
  argument: number;
  /** How many of the chain's (or helper's) own entries are registered before the call. */
  at: number;
  location: Location;
  /** The call as written, for messages (`setupSession(app)`). */
  text: string;
  /**
   * Fastify: the encapsulation context the call is made in (relative to the function's own when made in a helper or plugin); absent for
   * the top level.
   */
  context?: string;
}

/** A project function that registers middleware on an app it receives: `export function setupSession(app) { app.use(...) }`. */
export interface MiddlewareHelper {
  /** Its names: the declared name, and `default` when it is the file's default export. */
  names: string[];
  /** Which parameter is the app. */
  parameter: number;
  entries: MiddlewareEntry[];
  /** Other project functions it hands the app to. */
  calls: MiddlewareHelperCall[];
  location: Location;
}

/** Fastify: a project function that registers plugins, hooks and routes on the instance it receives, linked across files. */
export interface FastifyPluginDecl {
  /** Its names: the declared name, and `default` when it is the file's default export. */
  names: string[];
  /** False when wrapped in fastify-plugin (`fp(fn)`): it then runs in the context that registers it. */
  encapsulated: boolean;
  /** What it registers; `context` is relative to its own (absent for its top level). */
  entries: MiddlewareEntry[];
  /** Project functions it hands its instance to (`setup(fastify)`): what they register joins its entries there. */
  calls?: MiddlewareHelperCall[];
  location: Location;
}

/** A class named in NestJS metadata: declared in the same file, or imported from a module of the project. */
export interface NestRef {
  name: string;
  imported?: ImportedName;
}

/** A middleware, guard, interceptor, pipe or filter and the class behind it, when it is one. */
export interface NestEntry {
  entry: MiddlewareEntry;
  ref?: NestRef;
}

/** NestJS facts of one file; the app's chain is assembled from them across files. */
export interface NestFacts {
  /** `await NestFactory.create(AppModule)`: the app variable, its root module, and its `useGlobal*` calls. */
  apps: { app: string; root?: NestRef; fastify: boolean; entries: NestEntry[]; location: Location }[];
  /** `controllers` lists the module's controllers, whose @UseGuards guards join the chain after the global ones. */
  modules: { names: string[]; global: boolean; imports: NestRef[]; controllers: NestRef[]; entries: NestEntry[]; location: Location }[];
  /** `@Controller` classes with the guards `@UseGuards` binds to them or their handlers, each entry `scope`d to one. */
  controllers: { names: string[]; entries: NestEntry[]; location: Location }[];
  /** Classes and functions of the file with what they read from the request. */
  readers: { names: string[]; reads: string[] }[];
  /** Classes extending @nestjs/passport's PassportSerializer: the app keeps logins in the session. */
  serializers: Location[];
  /** Where the file refers to `passport.session()` (or `passport.authenticate('session')`), anywhere. */
  passportSession: Location[];
}

export interface MiddlewareChain {
  /** The app: a Django settings module, or an Express app variable with its file. */
  app: string;
  stack: Stack;
  file: string;
  entries: MiddlewareEntry[];
  /** The list literal (Django) or the registration statements, for fixes that reorder entries. */
  location: Location;
  /** Koa: `app.keys = [...]`, the keys that sign its cookies, and where they are set. */
  keys?: { value: Value; location: Location };
  /** NestJS: the HTTP adapter the app is created with (`new FastifyAdapter()` makes it `fastify`). */
  nestAdapter?: 'express' | 'fastify';
  /** Express, Fastify: calls that hand the app to project functions, linked to their MiddlewareHelpers across files. */
  helperCalls?: MiddlewareHelperCall[];
  /** Express: the names a router is exported under (`default` for `export default router`), for linking its mount points. */
  exportedAs?: string[];
  /** Express: made by `express.Router()`, which has no settings of its own (`trust proxy` is set on the app that mounts it). */
  router?: boolean;
}
