import type { Language, Location, Position, Range } from './places';
import type { CallGraphFacts } from './call-graph';
import type { FastifyPluginDecl, MiddlewareChain, MiddlewareHelper, NestFacts } from './middleware';
import type { InsertPoint, ModelDecl } from './models';
import type {
  AdminDecl,
  ApiViewDecl,
  ColumnUsage,
  DeferredLoop,
  LoopCall,
  PerRowQuery,
  PerRowRelationLoad,
  QueryCall,
  QueryHandoff,
  QueryLoop,
  QuerySite,
  SerializerDecl,
  TemplateLoop,
  TemplateRender,
} from './queries';
import type { SessionConfig } from './sessions';
import type { SettingsModule } from './settings';
import type { SignalDecl, SignalSource } from './signals';
import type { Value } from './values';
import type { CookieWrite, ViewDecl } from './views';

// What one frontend extracts from one file.

export interface Comment {
  /** 0-based line. */
  line: number;
  text: string;
}

export interface ParseProblem {
  message: string;
  range: Range;
  /**
   * The file's facts are not from this text (they are the last version that parsed, or none): what it
   * holds goes unseen until it parses, so the user is told, in the editor and by the CLI.
   */
  stopsAnalysis?: true;
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
  /** Constructs the frontend left unread (nested or chained past its limits): no finding comes from them, and the log says so. */
  notes?: ParseProblem[];
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
  /** TypeScript: the file's functions, what they query and whom they call. */
  callGraph?: CallGraphFacts;
  /** Calls made once per element of a loop whose target the file does not name. */
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

/**
 * One `.prisma` file as part of a schema: its enum and composite type names, whether it holds the datasource, and its text (of the last
 * version that parsed) for Prisma's schema engine.
 */
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
  /** Places that log a user in with Passport, across files. */
  logins: LoginSite[];
  /** Calls made once per element of a loop, with the query each reaches (linked across files). */
  loopCalls: LoopCall[];
  /** Sequelize associations' foreign keys, across files. */
  foreignKeys: NonNullable<FileFacts['foreignKeys']>;
  /** NestJS facts of every file that has any. */
  nest: NestFacts[];
  /**
   * The context of each file that is in one (test code, a migration, seed data, a script), and whether its
   * queries count as evidence for an index. Files not listed serve requests.
   */
  fileContexts: Map<string, FileContext>;
}

export interface FileContext {
  name: string;
  evidence: boolean;
}
