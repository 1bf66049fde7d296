import type { Location, Stack } from './places';

// The project's call graph as far as queries go: which project function a call reaches (resolved by
// binding: local scope, imports, class fields and injected constructor parameters with their declared
// types), and which queries each function runs itself. One file's syntax gives the edges by name; the
// project-wide link phase resolves them to functions of other files.

/**
 * Where a call goes, as the calling file's syntax tells it. `module` is the import specifier as written
 * (absent: the calling file); `name` a function's id in that file (`helper`, `Outer.inner`), the imported
 * name (`default` for a default import), or a class name when `member` is set; `member` a method of that
 * class, called on an instance (`this.users.find()` with `users: UsersService`) or statically.
 */
export interface CallTarget {
  module?: string;
  name: string;
  member?: string;
}

/** A query a function runs itself. */
export interface FunctionQuery {
  stack: Stack;
  /** The model as written (the link keeps only queries on models the project declares). */
  model: string;
  method: string;
  /** The call as written, for messages (`this.prisma.user.findMany()`). */
  call: string;
  location: Location;
  /** Prisma merges it with the same calls started in the same tick (findUnique by a unique key). */
  batchable?: boolean;
  write?: boolean;
}

/** A call whose target the file's syntax names, and the loop it runs in per element, if any. */
export interface FunctionCall {
  target: CallTarget;
  /** The callee as written, for messages: `getMax` of `this.marketDataService.getMax(...)`. */
  callee: string;
  location: Location;
  loop?: { location: Location; kind: string };
}

/** A function or method and what it does as far as queries go. */
export interface FunctionFacts {
  /** Its id in the file: `Class.method`, `helper`, `Outer.method.inner` (a closure). */
  id: string;
  /** Its name, for messages and related places. */
  location: Location;
  queries: FunctionQuery[];
  calls: FunctionCall[];
}

/** A file's part of the call graph. */
export interface CallGraphFacts {
  functions: FunctionFacts[];
  /** Classes with their base class, for methods a class inherits. */
  classes: { name: string; base?: CallTarget }[];
  /** Exported name → the local function id or class name it exports. */
  exports: { name: string; local: string }[];
  /** `export * from './x'` (no name), `export { a as b } from './x'`. */
  reexports: { module: string; name?: string; as?: string }[];
}

/** What a call made once per element of a loop runs, through the project functions it reaches. */
export interface ReachedQuery {
  /** The query named in messages: the first one the ORM does not merge, else the first. */
  query: FunctionQuery;
  /** The functions from the called one to the one that runs the query. */
  through: { name: string; location: Location }[];
  /** Every query reached is merged by the ORM when the calls start in the same tick (Prisma findUnique). */
  batchable: boolean;
  /** How many distinct queries the call reaches. */
  count: number;
  /** The call leads back to the function it is made in: one query per node of a recursion. */
  recursive?: boolean;
}
