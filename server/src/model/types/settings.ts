import type { Location } from './places';
import type { InsertPoint } from './models';
import type { Value } from './values';

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
