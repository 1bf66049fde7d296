import type { Location, Range } from './places';

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
