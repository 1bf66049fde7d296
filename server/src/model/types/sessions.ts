import type { Location, Stack } from './places';
import type { ImportedName } from './middleware';
import type { Value } from './values';

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
