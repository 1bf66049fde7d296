import type { Location, Position, Stack } from './places';
import type { RowAccess } from './queries';

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
  /**
   * The target's fields the foreign key points at, when declared (Prisma `references: [id]`, TypeORM `referencedColumnName`); else its
   * primary key.
   */
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
  /**
   * It holds one of a few values (a boolean, an enum, a short `choices` list): an index that leads with it
   * selects a large share of the table, so it is never the column an index is suggested for.
   */
  lowCardinality?: boolean;
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
  /**
   * Not a plain B-tree over the columns: one over `UPPER()`/`LOWER()` of the column (serves case-insensitive
   * equality), a trigram GIN/GiST index (serves `LIKE '%x%'`), another GIN/GiST index (containment, full text).
   * Such an index does not serve equality, ranges or sorting on the column itself.
   */
  special?: 'upper' | 'lower' | 'trigram' | 'gin';
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
  /**
   * The `indexes = [...]` list, when there is one: where a new item goes, whether the list is empty, and the items' indentation ('' when
   * they share one line).
   */
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
