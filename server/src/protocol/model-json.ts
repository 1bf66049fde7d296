// The project model as plain JSON: the shape of `stackscope model --format json` and of the explorer's
// `stackscope/model` request. A public contract: keys may be added, never renamed. Types only, so the
// client can import it without bundling the engine.

export interface JsonPlace {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** How many findings there are of each severity. */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export interface JsonModel extends JsonPlace {
  name: string;
  stack: string;
  /** Django: the app label (`catalog`). */
  app?: string;
  table: string;
  fields: {
    name: string;
    column: string;
    type: string;
    primaryKey: boolean;
    unique: boolean;
    indexed: boolean;
    relation?: { kind: string; target: string; through?: string };
    line: number;
    /** Set when the field is declared in another file than the model (an abstract base). */
    file?: string;
  }[];
  indexes: { fields: string[]; unique: boolean; source: string; line?: number; file?: string }[];
  /** Messages of the findings on the model's declaration, fields and indexes (each line counted once). */
  findings: string[];
  /** Those findings by severity. */
  findingCounts: FindingCounts;
}

export interface JsonSignal extends JsonPlace {
  signal: string;
  sender: string | null;
  handler: string;
  stack: string;
  connected: boolean;
}

export interface JsonMiddlewareEntry extends JsonPlace {
  name: string;
  role?: string;
  /** Fastify: the encapsulation context the entry is registered in (`app › routes`); absent for the app's own. */
  context?: string;
  /** Fastify: the context this plugin opens; the entries with that `context` are registered inside it. */
  opens?: string;
  /** Fastify: the hook of a `hook` entry (`onRequest`, `preHandler`, ...). */
  hook?: string;
  /** NestJS: `global` (app.use), `module` (consumer.apply), `guard`, `interceptor`, `pipe` or `filter`. */
  stage?: string;
  /** NestJS: the module that applies or provides it. */
  module?: string;
  /** What the entry reads from the request that a middleware before it must set (`session`, `user`). */
  reads?: string[];
  /**
   * NestJS: the controller (`UsersController`) or handler (`UsersController.me`) a guard, interceptor, pipe or filter is bound to with
   * @UseGuards (@UseInterceptors, @UsePipes, @UseFilters).
   */
  scope?: string;
  /**
   * NestJS: the routes a module middleware is applied to, short, as written in `forRoutes(...)` / `exclude(...)` (`UsersController`, `GET
   * users except users/me`).
   */
  routes?: string;
  /** Express: the call in the chain's own file that handed the app to the function registering this entry. */
  via?: JsonVia;
  /** Express: a mounted router's own entries, in order (`app.use('/posts', postsRouter)`). */
  mounted?: JsonMiddlewareEntry[];
  /** Messages of findings that point at this entry. */
  findings: string[];
  /** The most severe of those findings, when there are any: the view marks an info apart from an error. */
  worst?: 'error' | 'warning' | 'info' | 'hint';
}

/** `setupSession(app)` and where it is called. */
export interface JsonVia {
  call: string;
  file: string;
  /** 1-based. */
  line: number;
}

export interface JsonChain {
  app: string;
  stack: string;
  file: string;
  line: number;
  chain: JsonMiddlewareEntry[];
}

export interface JsonSignalSource extends JsonPlace {
  signal: string;
  kind: 'definition' | 'send';
  stack: string;
}

export interface JsonProjectModel {
  models: JsonModel[];
  signals: JsonSignal[];
  /** Where each signal is defined (project signals) and sent. */
  signalSources: JsonSignalSource[];
  middleware: JsonChain[];
}
