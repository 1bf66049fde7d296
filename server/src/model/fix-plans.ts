// Fix intents: what a quick fix changes, said without a language. Rules write these; the frontend that
// owns the edited file turns each change into text edits, with its own safety checks, or refuses it
// (then the fix is not offered). No rule writes Python, TypeScript or Prisma source.
import type {
  CookieWrite,
  Field,
  ListLoadRecipe,
  Location,
  MiddlewareChain,
  MiddlewareEntry,
  ModelDecl,
  ObjectValue,
  PerRowQuery,
  Position,
  QuerySite,
  SettingsModule,
  Stack,
} from './types';

/** A value a fix writes. Each language spells it its own way (`True`/`true`, `os.environ[...]`/`process.env...`). */
export type NewValue =
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'none' }
  /**
   * Read from the environment variable `name`; `list` wraps it in a one-item list (Keygrip's `keys`),
   * `flag` makes it a boolean that is true when the variable is "1" (`DEBUG`).
   */
  | { kind: 'env'; name: string; list?: boolean; flag?: boolean }
  | { kind: 'list'; items: NewValue[] }
  /** An attribute path read from a variable: `book.author_id`. */
  | { kind: 'attribute'; path: string[] }
  /** An object (a dict in Python) with these entries, in order: `{ secure: true }`. */
  | { kind: 'object'; entries: { key: string; value: NewValue }[] };

/**
 * One change of a fix. The location fields are the model's own (a field, a settings module, an object
 * value): the frontend that reads the file knows where and how to write.
 */
export type Change =
  /** Replace the value written at `at` (a literal, an expression) with `value`. */
  | { kind: 'replace-value'; at: Location; value: NewValue }
  /** Set a Django setting in `module`: replace the assignment in effect there, or append one. */
  | { kind: 'set-setting'; module: SettingsModule; name: string; value: NewValue; assignment?: Location }
  /** Add `key: value` to an object literal as it is laid out. */
  | { kind: 'add-object-entry'; object: ObjectValue; key: string; value: NewValue }
  /**
   * Replace the entry `key: {...}` of an object literal with the entries of the nested literal, as written,
   * leaving out keys the outer object already has (cookie-session reads its cookie options at the top level).
   */
  | { kind: 'inline-object-entry'; object: ObjectValue; key: string }
  /** Add keyword arguments to a call that writes a cookie (`set_cookie(..., secure=True)`), none of them written yet. */
  | { kind: 'add-keyword-arguments'; call: CookieWrite; keywords: { name: string; value: NewValue }[] }
  /**
   * Import `name` from `module` in `file` (`from django.db.models import Count`, `import { In } from 'typeorm'`); nothing when it already
   * is.
   */
  | { kind: 'add-import'; file: string; module: string; name?: string }
  /** Declare an index on a model's columns, in the form its ORM reads (Meta.indexes, `@Index()`, `@@index([...])`). */
  | { kind: 'add-model-index'; model: ModelDecl; fields: string[]; unique?: boolean; form?: 'options' | 'field-option' }
  /** Put a decorator on a field's declaration (`@Index()`). */
  | { kind: 'add-decorator'; model: ModelDecl; field: Field; decorator: string; module: string }
  /** Extend a queryset with a call (`.select_related("author")`), or declare it where the queryset is implied. */
  | { kind: 'add-queryset-call'; query: QuerySite; method: string; args: string[]; keywords?: Record<string, QueryArgument> }
  /** Insert a middleware into a chain, before `before` or at the end. */
  | { kind: 'add-chain-entry'; chain: MiddlewareChain; name: string; before?: MiddlewareEntry }
  /** Move one registration of a chain next to another. */
  | { kind: 'move-entry'; chain: MiddlewareChain; entry: MiddlewareEntry; anchor: MiddlewareEntry; where: 'before' | 'after' }
  /** Replace an expression with another, given as a tree of intents rather than text. */
  | { kind: 'replace-expression'; at: Location; value: NewValue }
  /**
   * Load a relation whole with the query that produced a list, in the ORM's option (`relations`, `include`, Prisma's
   * `select`): nothing when it does already; refused when it names the relation in another form.
   */
  | { kind: 'load-relation'; file: string; stack: Stack; list: ListLoadRecipe; relation: string }
  /** Join and select a relation in the QueryBuilder that produced a list, whose main alias is `alias`. */
  | { kind: 'join-relation'; file: string; at: Position; alias: string; relation: string }
  /** Read the rows a loop reads one by one (`query`, by its unique `column`) with one query before the loop, and look each up. */
  | { kind: 'read-all-before-loop'; query: PerRowQuery; column: string };

/** An argument of a queryset call that is itself an expression: `Count("books")`. */
export type QueryArgument = { kind: 'aggregate'; function: string; lookup: string };

/** A quick fix as a rule plans it: a title for the user and the changes, applied together or not at all. */
export interface FixPlan {
  title: string;
  /**
   * The one fix a user most likely wants; `fixAll` applies only preferred fixes. `'if-first'`: preferred when no
   * plan before it in the finding was written (it is the fallback of a better fix that may not apply).
   */
  preferred?: boolean | 'if-first';
  changes: Change[];
}

/** The file a change edits: the frontend that reads it writes the change. */
export function changeFile(change: Change): string {
  switch (change.kind) {
    case 'replace-value':
    case 'replace-expression':
      return change.at.file;
    case 'load-relation':
    case 'join-relation':
      return change.file;
    case 'read-all-before-loop':
      return change.query.location.file;
    case 'set-setting':
      return change.module.file;
    case 'add-object-entry':
    case 'inline-object-entry':
      return change.object.location.file;
    case 'add-keyword-arguments':
      return change.call.location.file;
    case 'add-import':
      return change.file;
    case 'add-model-index':
    case 'add-decorator':
      return change.model.location.file;
    case 'add-queryset-call':
      return change.query.location.file;
    case 'add-chain-entry':
      return change.chain.file;
    case 'move-entry':
      return change.entry.location.file;
  }
}
