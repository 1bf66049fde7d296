// The stack-neutral project model. Frontends fill it from syntax trees; rules read it.
// Nothing here knows about a parser: positions are plain ranges, values are plain data.
import type { FixPlan } from './fix-plans';

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place in the workspace. `file` is an absolute path. */
export interface Location {
  file: string;
  range: Range;
}

export type Stack = 'django' | 'typeorm' | 'prisma' | 'sequelize' | 'drizzle' | 'mongoose' | 'mikro-orm' | 'express' | 'nest' | 'fastify' | 'koa';

export type Language = 'python' | 'typescript' | 'prisma' | 'django-template' | 'package-json';

// ---------------------------------------------------------------------------
// Values read from source, as far as they can be known without running code.

export type Value =
  | { kind: 'bool'; value: boolean; location: Location }
  | { kind: 'number'; value: number; location: Location }
  | { kind: 'string'; value: string; location: Location }
  | { kind: 'none'; location: Location }
  | { kind: 'list'; items: Value[]; location: Location }
  | {
      kind: 'object';
      entries: ObjectEntry[];
      location: Location;
      /** Some entries could not be read (a spread or computed key that does not resolve): a missing key may be there. */
      partial?: boolean;
      /** How to add an entry to the object literal as written (absent when the object is not one literal in one file). */
      insertion?: ObjectInsertion;
    }
  /** Read from the environment (os.environ, os.getenv, env(), process.env.X); `fallback` is a literal default if one is given. */
  | { kind: 'env'; name?: string; fallback?: Value; location: Location }
  /** Anything else: a call, a name that could not be resolved, arithmetic on unknowns. `text` is the source. */
  | { kind: 'unknown'; text: string; location: Location };

export type ObjectValue = Extract<Value, { kind: 'object' }>;

/**
 * A frontend-provided recipe for adding `key: value` to an object literal while keeping its layout:
 * replace `range` (often empty) with `before + entry + after`.
 */
export interface ObjectInsertion {
  range: Range;
  before: string;
  after: string;
}

export interface ObjectEntry {
  key: string;
  value: Value;
  /** The whole `key: value` entry, for edits that replace or remove it. */
  location: Location;
  /** The entry as written (TypeScript object literals), for edits that move it into another object. */
  text?: string;
}

// ---------------------------------------------------------------------------
// Models (Django models, TypeORM entities, Prisma models, ...)

export type RelationKind = 'many-to-one' | 'one-to-one' | 'one-to-many' | 'many-to-many' | 'generic';

export interface Relation {
  kind: RelationKind;
  /** The target model's name as written or resolved (`Author`, `library.Author`). */
  target: string;
  /** Django related_name / TypeORM inverse side, when declared. */
  relatedName?: string;
  nullable?: boolean;
  /** TypeORM: eager/lazy loading. */
  eager?: boolean;
  lazy?: boolean;
  /** Django many-to-many: the intermediate model (`through=`), when declared. */
  through?: string;
  /** Django: `db_constraint=False` (no database foreign key, so MySQL creates no index for it). */
  noConstraint?: boolean;
  /** The target's fields the foreign key points at, when declared (Prisma `references: [id]`, TypeORM `referencedColumnName`); else its primary key. */
  references?: string[];
}

export interface Field {
  name: string;
  /** Database column name (Django `attname`/db_column, TypeORM `name` option / join column). */
  column: string;
  /** The declared field type (`CharField`, `varchar`, `ForeignKey`, `ManyToOne`, ...). */
  type: string;
  primaryKey: boolean;
  unique: boolean;
  /** An index exists whose leading column is this field (implicit or declared). */
  indexed: boolean;
  nullable?: boolean;
  relation?: Relation;
  location: Location;
  /** Where a keyword argument can be added to the field's declaration (`, db_index=True`), when it is one call. */
  argumentInsert?: Position;
  /** Where a decorator line can be added above the field (`@Index()`), with its indentation. */
  annotationInsert?: InsertPoint;
}

export interface IndexDecl {
  fields: string[];
  unique: boolean;
  /** Where the index comes from: `primary key`, `unique`, `db_index`, `Meta.indexes`, `@Index`, `foreign key`, ... */
  source: string;
  name?: string;
  /** A partial index's condition, as source text. */
  condition?: string;
  /** The fields its condition tests (`Q(status="live")` → `status`): a query that filters on them all can use it. */
  conditionFields?: string[];
  location?: Location;
}

export interface ModelDecl {
  name: string;
  stack: Stack;
  /** Django app label or module, when known. */
  app?: string;
  table: string;
  fields: Field[];
  indexes: IndexDecl[];
  abstract?: boolean;
  /** Base classes as written, for resolving inherited fields. */
  bases?: string[];
  location: Location;
  /** Where a declaration can be added to the class body (a frontend-provided anchor for fixes). */
  bodyInsert?: InsertPoint;
  /** Methods and properties, with what they read from the instance (`__str__` reading `self.author.name`). */
  members?: ModelMember[];
  /** Managers declared on the model (`objects = BookManager()`), by attribute, with their class as written. */
  managers?: { attribute: string; className: string }[];
  /** The default ordering (Django `Meta.ordering`), applied to every query of the model. */
  ordering?: { fields: string[]; location: Location };
  /** Where declarations go in the model's options (Django `class Meta`), for fixes that add an index. */
  options?: ModelOptionsAnchor;
  /**
   * The databases its table lives in, as its ORM's configuration names them (`postgres`, `postgresql`, `mysql`,
   * `sqlite`...): several where the project configures several. Absent when no configuration was read.
   * Set at link time (model-databases.ts).
   */
  databases?: readonly string[];
}

export interface ModelOptionsAnchor {
  /** After the last statement of `class Meta` (absent when the model has no Meta: add one at `bodyInsert`). */
  body?: InsertPoint;
  /** The `indexes = [...]` list, when there is one: where a new item goes, whether the list is empty, and the items' indentation ('' when they share one line). */
  indexes?: { insert: Position; empty: boolean; indent: string };
}

export interface ModelMember {
  name: string;
  /** A property is read as an attribute; a method is called. */
  kind: 'method' | 'property';
  accesses: RowAccess[];
}

/** Where new text can be inserted, with the indentation that text must use. */
export interface InsertPoint {
  position: Position;
  indent: string;
}

// ---------------------------------------------------------------------------
// Signals: Django receivers, ORM listeners/subscribers/hooks, event handlers.

export interface SignalDecl {
  /** `post_save`, `@BeforeInsert`, `afterCreate`, ... */
  signal: string;
  /** The model or sender the receiver is restricted to, if any. */
  sender?: string;
  /** The handler function or method (`on_book_saved`, `User.hashPassword`). */
  handler: string;
  stack: Stack;
  location: Location;
  /** False when the module that declares it is never imported (the receiver never fires). */
  connected?: boolean;
}

/** Where a signal comes from: its definition (`order_paid = Signal()`) or a place that sends it. */
export interface SignalSource {
  signal: string;
  kind: 'definition' | 'send';
  stack: Stack;
  location: Location;
}

// ---------------------------------------------------------------------------
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
  /** NestJS: the controller (`UsersController`) or handler (`UsersController.me`) a @UseGuards (@UseInterceptors, @UsePipes, @UseFilters) entry is bound to; absent for global ones. */
  scope?: string;
  /** NestJS: the routes a module middleware applies to, short, as written: `forRoutes(...)`, then ` except ` and `exclude(...)` (`UsersController`, `GET users except users/me`). */
  routes?: string;
  /** NestJS: the controllers of `forRoutes(A, B)` when it names controller classes only: the middleware runs on their routes and no other. */
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
  /** Fastify: the encapsulation context the call is made in (relative to the function's own when made in a helper or plugin); absent for the top level. */
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

// ---------------------------------------------------------------------------
// Django settings modules.

export interface SettingAssignment {
  name: string;
  value: Value;
  /** The whole assignment statement. */
  location: Location;
}

export interface SettingsModule {
  file: string;
  /** Module-level assignments, last one wins. */
  assignments: Map<string, SettingAssignment>;
  /** Modules star-imported by this one (`from .base import *`), as written (leading dots kept), in order. */
  starImports: string[];
  /** Where a new setting can be appended (end of module). */
  append: InsertPoint;
  /** Where a new top-level `import` can go (after the module docstring and the existing imports). */
  importInsert?: InsertPoint;
}

// ---------------------------------------------------------------------------
// TypeScript session middleware configurations.

export interface SessionConfig {
  /** The npm package the session factory was imported from (`express-session`, `cookie-session`, ...). */
  library: string;
  stack: Stack;
  /** The factory call, e.g. `session({...})`. */
  call: Location;
  /** The resolved options object, or undefined when the call had no argument. */
  options?: Extract<Value, { kind: 'object' }>;
  /** The options argument as written: an object literal can be edited in place. */
  optionsArgument?: { location: Location; isLiteral: boolean };
  /** The options are a name imported from another file of the project (`session(sessionOptions)`); linked across files. */
  optionsImport?: ImportedName;
  file: string;
}

// ---------------------------------------------------------------------------
// Queries: where rows of a model are loaded, and what code reads from each row.

/** One method call of a query chain: `filter(title__icontains=q)`, `select_related("author")`. */
export interface QueryCall {
  method: string;
  /** String literal arguments, in order (field paths such as `"author__publisher"`, `"-published"`). */
  args: string[];
  /** Keyword argument names (`title__icontains`). */
  keywords: string[];
  /** `Prefetch("books", queryset=...)` arguments: their lookup path and the fields of the inner `only()`, if any. */
  prefetches?: { path: string; only?: string[] }[];
  location: Location;
}

/** A query expression: `Book.objects.filter(...).select_related("author")`. */
export interface QuerySite {
  /** The model as written at the root of the chain (`Book`); rules resolve it against the models. */
  model: string;
  /** The manager or attribute the chain starts from (`objects`). */
  manager: string;
  stack: Stack;
  calls: QueryCall[];
  /** The whole expression. */
  location: Location;
  /** Where the chain can be extended (the end of the expression that builds the queryset). */
  extendAt: Position;
  /**
   * When the queryset is implied (a class-based view's `model = Book`, an admin's changelist): where
   * the attribute that loads relations can be declared, instead of extending an expression.
   */
  declare?: { at: InsertPoint; attribute: 'queryset' | 'list_select_related' };
  /** Nothing can be added where it is written (an admin that already sets list_select_related). */
  closed?: boolean;
}

/** Something read from each row inside a loop: `book.author.name`, `book.tags.all()`. */
export interface RowAccess {
  /** Attribute names after the row variable. */
  path: string[];
  /** The method called on the last attribute (`all`, `count`, `filter`), when the access is a call. */
  call?: string;
  location: Location;
}

/** A loop over the rows of a query. */
export interface QueryLoop {
  query: QuerySite;
  /** The loop statement or comprehension (or the view that serializes or lists the rows). */
  loop: Location;
  /** What runs once per row, for messages: `the loop`, `the serializer`, `the admin changelist`. */
  iteratedBy?: string;
  variable: string;
  accesses: RowAccess[];
}

/** A query call that runs once per element of a loop (TypeScript ORMs, where the loop encloses the query). */
export interface PerRowQuery {
  stack: Stack;
  /** The entity or model queried, as written (`User`). */
  model: string;
  /** The call as written, shortened for messages (`users.findOneBy()`). */
  call: string;
  method: string;
  location: Location;
  loop: Location;
  /** How the loop iterates: `for…of`, `forEach`, `Promise.all(map)`, ... */
  loopKind: string;
  /** The read is one row by one key of the loop's element, in a shape a quick fix can replace. */
  lookup?: PerRowLookup;
  /** The read runs a TypeORM QueryBuilder (`createQueryBuilder('u')....getOne()`), whose set-based form is its own. */
  queryBuilder?: boolean;
}

/**
 * A per-element read of one row by one key of the loop's element (`users.findOneBy({ id: post.authorId })`,
 * `prisma.user.findUnique({ where: { id } })`, `User.findByPk(post.authorId)`) or a Sequelize association
 * getter (`post.getAuthor()`), with the anchors the quick fixes edit.
 */
export interface PerRowLookup {
  /** What a fix replaces: the awaited call, or the call a Promise.all(map) callback returns. */
  replace: Location;
  /** The parentheses around it (`(await read)?.name`), which a plain property access does not need. */
  parenthesized?: Location;
  /** The loop variable (`post`). */
  element: string;
  /** The where's one key: its column (absent for findByPk: the primary key), the key as written (`post.authorId`) and the element's property it reads (`authorId`), if any. */
  key?: { column?: string; text: string; property?: string };
  /** Sequelize getters: the association after `get` (`Author`). */
  association?: string;
  /** The read's receiver as written (`this.users`, `prisma.user`, `User`), and a leading entity argument (`manager.findOneBy(User, ...)`). */
  receiver: string;
  entityArgument?: string;
  /**
   * When every element's row can be read before the loop: where that statement goes, the list the loop iterates,
   * names free in the file, and the calls the row meets by name (`save` of `row.save()` and of `repo.save(row)`),
   * which decide whether a row shared by several elements stays unchanged.
   */
  hoist?: { at: InsertPoint; list: string; mapName: string; rowName: string; calls: string[] };
  /** The list was produced by a query of the same ORM in the same function: how to load a relation with it. */
  listQuery?: ListLoadRecipe;
}

/**
 * How to load a relation with a list in the query that produced it: into the option that already loads
 * relations, else as a new option of the options object, else as the options argument of an empty call.
 */
export interface ListLoadRecipe {
  /** The list's variable (`posts`) and the model its query reads, as written (`Post`). */
  list: string;
  model: string;
  /** The option that loads relations, as written (`relations`, `include`, Prisma's `select`), when it is a literal. */
  into?: { option: string; array: boolean; insertion: ObjectInsertion };
  options?: ObjectInsertion;
  emptyArguments?: Position;
  /** Relations it loads whole (`author: true`, `'author'`, `{ model: User, as: 'author' }`), and those it names in any form. */
  loaded: string[];
  named: string[];
}

/** A column a TypeScript query filters or sorts on: `where: { email }`, `orderBy: { createdAt: 'desc' }`. */
export interface ColumnUsage {
  stack: Stack;
  model: string;
  /** Relations followed from `model` to the entity that holds the column (a QueryBuilder join alias: `u.posts` → `p`). */
  through?: string[];
  /** The property or field name (a QueryBuilder fragment may also name the database column). */
  column: string;
  kind: 'filter' | 'order';
  /** The query call, shortened for messages. */
  call: string;
  location: Location;
}

/** A project function that queries (`async function ownerOf(id) { return users.findOneBy(...) }`). */
export interface QueryingFunction {
  name: string;
  stack: Stack;
  model: string;
  call: string;
  location: Location;
}

/** A call to a project function once per element of a loop; linked by name to QueryingFunctions. */
export interface LoopCall {
  callee: string;
  location: Location;
  loop: Location;
  loopKind: string;
}

/** A lazy relation awaited once per element of a loop over an entity list: `await post.category`. */
export interface PerRowRelationLoad {
  stack: Stack;
  model: string;
  relation: string;
  location: Location;
  loop: Location;
  /** How to load the relation with the list in the find call that produced it (`relations: { x: true }`). */
  listQuery?: ListLoadRecipe;
  /** The list comes from a QueryBuilder whose `createQueryBuilder(...)` ends at `at`, its main alias `alias`: where a join goes. */
  join?: { at: Position; alias: string };
}

/** A loop whose rows come from elsewhere: what a function returns, or a parameter. Linked across files. */
export interface DeferredLoop {
  source: { kind: 'call'; callee: string } | { kind: 'parameter'; function: string; index: number; name: string };
  loop: Location;
  variable: string;
  accesses: RowAccess[];
}

/** A function that returns a queryset, and calls that pass one on: the links of DeferredLoops. */
export interface QueryHandoff {
  kind: 'returns' | 'argument';
  /** The function: the one that returns (`returns`), or the one called (`argument`). */
  function: string;
  /** For an argument: its position, or its keyword. */
  index?: number;
  keyword?: string;
  query: QuerySite;
}

/** A `{% for x in items %}` loop of a template, with what its body reads from each item. */
export interface TemplateLoop {
  /** The iterated expression as attribute names (`books`, or `author.books.all` inside another loop). */
  iterable: string[];
  variable: string;
  accesses: RowAccess[];
  location: Location;
}

/** A view rendering a template with querysets in its context. */
export interface TemplateRender {
  /** Template names as the view writes them (`catalog/book_list.html`). */
  templates: string[];
  context: { name: string; query: QuerySite }[];
  location: Location;
}

/** A Django REST framework serializer: what it reads from each object it serializes. */
export interface SerializerDecl {
  name: string;
  /** `Meta.model` as written. */
  model?: string;
  depth: number;
  /** `Meta.fields`: names, or 'all' for `'__all__'`. */
  fields?: string[] | 'all';
  declared: SerializerField[];
  location: Location;
}

export interface SerializerField {
  name: string;
  /** nested: another serializer; source: `source="a.b"`; string: StringRelatedField; slug: SlugRelatedField; related: a related field that reads only keys; method: SerializerMethodField. */
  kind: 'nested' | 'source' | 'string' | 'slug' | 'related' | 'method';
  many: boolean;
  serializer?: string;
  /** The attribute path it reads (`source`, or the field name). */
  source: string[];
  slugField?: string;
  /** SerializerMethodField: what its get_<name>(obj) reads from the object. */
  accesses?: RowAccess[];
  location: Location;
}

/** A DRF view that serializes a queryset (`ModelViewSet`, `ListAPIView`, ...). */
export interface ApiViewDecl {
  name: string;
  query?: QuerySite;
  serializer?: string;
  location: Location;
}

/** A Django `ModelAdmin`: what its changelist reads from each row. */
export interface AdminDecl {
  name: string;
  model?: string;
  listDisplay: { name: string; location: Location }[];
  /** `list_select_related`: true, false, the paths, or undefined when not set. */
  listSelectRelated?: boolean | string[];
  /** Admin methods used as columns: what they read from their `obj`. */
  methods: { name: string; accesses: RowAccess[] }[];
  /** The end of the class body, where an attribute can be added. */
  bodyEnd: InsertPoint;
  location: Location;
}

// ---------------------------------------------------------------------------
// Request handlers and cookies they set.

/** A view (function or class) and the protections it opts out of. */
export interface ViewDecl {
  name: string;
  stack: Stack;
  location: Location;
  /** Exempted from CSRF protection (`@csrf_exempt`, `method_decorator(csrf_exempt)`). */
  csrfExempt: boolean;
  /** What shows it changes state (`request.method == "POST"`, `.save()`, a `post` method), empty when nothing does. */
  changesState: string[];
}

/** `response.set_cookie(...)` and the like: a cookie written outside the session machinery. */
export interface CookieWrite {
  method: string;
  /** The cookie's name as written, when it is a literal. */
  name?: string;
  /** Keyword arguments (`secure`, `httponly`, `samesite`). */
  options: Extract<Value, { kind: 'object' }>;
  location: Location;
  /** Where a keyword argument can be added. */
  argumentInsert?: Position;
}

// ---------------------------------------------------------------------------
// What one frontend extracts from one file.

export interface Comment {
  /** 0-based line. */
  line: number;
  text: string;
}

export interface ParseProblem {
  message: string;
  range: Range;
}

/**
 * A class, function or method of a file's outline, by its qualified name (`Class.method`,
 * `outer.inner`). What a finding is in: its stable address when lines move.
 */
export interface SymbolDecl {
  name: string;
  kind: 'class' | 'function' | 'method';
  /** The whole definition, decorators included. */
  range: Range;
}

export interface FileFacts {
  file: string;
  language: Language;
  /** The file's classes, functions and methods, in document order (outer before inner). */
  symbols?: SymbolDecl[];
  /** Syntax errors the parser recovered from (facts are still extracted from the rest). */
  problems: ParseProblem[];
  comments: Comment[];
  models: ModelDecl[];
  signals: SignalDecl[];
  middleware: MiddlewareChain[];
  settings?: SettingsModule;
  sessions: SessionConfig[];
  /** Python: modules this file imports, as written (leading dots kept); used to know which receivers are connected. */
  imports?: string[];
  /** Where a new top-level import can go (after the docstring and the existing imports). */
  importInsert?: InsertPoint;
  /** Python: settings modules this file points Django at (`DJANGO_SETTINGS_MODULE` in manage.py, wsgi.py, asgi.py). */
  settingsModuleNames?: string[];
  /** Query expressions in the file. */
  queries?: QuerySite[];
  /** Loops over query results, with what they read per row. */
  queryLoops?: QueryLoop[];
  views?: ViewDecl[];
  cookieWrites?: CookieWrite[];
  /** Templates: their loops. Views: the templates they render with querysets. */
  templateLoops?: TemplateLoop[];
  renders?: TemplateRender[];
  serializers?: SerializerDecl[];
  apiViews?: ApiViewDecl[];
  admins?: AdminDecl[];
  signalSources?: SignalSource[];
  deferredLoops?: DeferredLoop[];
  queryHandoffs?: QueryHandoff[];
  perRowQueries?: PerRowQuery[];
  perRowLoads?: PerRowRelationLoad[];
  columnUsages?: ColumnUsage[];
  queryingFunctions?: QueryingFunction[];
  loopCalls?: LoopCall[];
  /** Database types the file configures (`new DataSource({ type: 'postgres' })`). */
  databases?: string[];
  /** Sequelize associations' foreign keys (`Post.belongsTo(User)` → `Post.userId`), linked to models by name. */
  foreignKeys?: { model: string; column: string; target: string; alias?: string; location: Location }[];
  /** Indexes created in migrations (`queryInterface.addIndex('posts', [...])`), by table. */
  tableIndexes?: { table: string; fields: string[]; unique: boolean; location: Location }[];
  /** Prisma: the datasource's `relationMode` (`prisma` means no foreign keys, so no indexes the database adds). */
  prismaRelationMode?: string;
  /** Prisma: what joining the files of a schema folder needs (see PrismaSchema). */
  prismaSchema?: PrismaFileSchema;
  /** Named imports of a module (`import { Entity, Column } from 'typeorm'`), and where one more name goes. */
  namedImports?: { module: string; names: string[]; insertAt: Position }[];
  /** Fastify plugins the file declares (project functions registered with `app.register`). */
  fastifyPlugins?: FastifyPluginDecl[];
  nest?: NestFacts;
  /** Manager and queryset classes, with what their get_queryset() adds to every query (`select_related`, `fetch_mode`). */
  managerClasses?: { name: string; calls: QueryCall[] }[];
  /** Express: project functions that register middleware on an app they receive. */
  middlewareHelpers?: MiddlewareHelper[];
  /** Fastify: functions that register plugins, hooks or routes on an instance they receive, called (not registered) with the app. */
  fastifyHelpers?: MiddlewareHelper[];
  /** Exported `const` object literals that look like session options, for `session(options)` imported from this file. */
  exportedOptions?: { name: string; value: Extract<Value, { kind: 'object' }> }[];
  /** Places that log a user in with Passport. */
  logins?: LoginSite[];
  /** package.json: the version ranges of its dependencies (all kinds), by package. */
  dependencies?: Record<string, string>;
  /**
   * Where Prisma's schema is, as package.json (`prisma.schema`) or prisma.config.ts (`schema`) configures it:
   * the absolute path of a `.prisma` file, or of a folder whose `.prisma` files are one schema.
   */
  prismaSchemaPath?: string;
}

/**
 * A place that logs a user in with Passport: `req.login(user, cb)`, `passport.authenticate()` on a POST
 * route, `super.logIn(request)` in a NestJS `AuthGuard`. Not recorded with `session: false`.
 */
export interface LoginSite {
  /** The call as written, shortened (`req.logIn()`, `passport.authenticate('local')`). */
  call: string;
  location: Location;
  /** The route handler or function it runs in. */
  handler: Location;
  /** That handler calls `req.session.regenerate()` (or passes it on) itself. */
  regenerates: boolean;
  /** The handler hands the request to code this file does not show (an imported middleware): it may regenerate. */
  opaque?: boolean;
}

/** One `.prisma` file as part of a schema: its enum and composite type names, whether it holds the datasource, and its text (of the last version that parsed) for Prisma's schema engine. */
export interface PrismaFileSchema {
  enums: string[];
  datasource: boolean;
  text: string;
}

/** A Prisma schema: one file, or every `.prisma` file of a schema folder (`prismaSchemaFolder`), which Prisma reads as one. */
export interface PrismaSchema {
  files: string[];
  /** The datasource's `provider` and `relationMode`, wherever in the schema it is declared. */
  provider?: string;
  relationMode?: string;
  /** `validated`: Prisma's schema engine accepted it and its facts override the parser's; `rejected`: its first error. */
  engine: 'validated' | 'rejected' | 'unavailable';
  engineError?: { message: string; location?: Location };
}

/** The whole project, assembled from every file's facts. */
export interface ProjectModel {
  root: string;
  files: Map<string, FileFacts>;
  models: ModelDecl[];
  signals: SignalDecl[];
  middleware: MiddlewareChain[];
  settings: Map<string, SettingsModule>;
  sessions: SessionConfig[];
  queries: QuerySite[];
  queryLoops: QueryLoop[];
  views: ViewDecl[];
  cookieWrites: CookieWrite[];
  signalSources: SignalSource[];
  managerClasses: Map<string, QueryCall[]>;
  perRowQueries: PerRowQuery[];
  perRowLoads: PerRowRelationLoad[];
  columnUsages: ColumnUsage[];
  databases: string[];
  /** Project functions the configuration says run a query each (stackscope.json `queryFunctions`). */
  queryFunctions: string[];
  /** Prisma schemas, each of one file or of a schema folder's files. */
  prismaSchemas?: PrismaSchema[];
}

// ---------------------------------------------------------------------------
// Findings.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one fix a user most likely wants; `fixAll` applies only preferred fixes. */
  isPreferred?: boolean;
}

export interface Finding {
  rule: string;
  /** The check that reported it, `rule/check` (`insecure-session/hard-coded-secret`). */
  check: string;
  severity: Severity;
  file: string;
  range: Range;
  message: string;
  /** Edits ready to apply: the rule's fix plans, written by the frontends that own the files. */
  fixes: Fix[];
  /** What the rule wants changed; turned into `fixes` after the rules run. */
  plans?: FixPlan[];
  /** Other places that explain the finding (the conflicting middleware entry, the overriding setting). */
  related?: { location: Location; message: string }[];
}
