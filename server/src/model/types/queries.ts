import type { Location, Position, Stack } from './places';
import type { InsertPoint } from './models';
import type { ObjectInsertion } from './values';
import type { ReachedQuery } from './call-graph';

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
  /** What a filter(), exclude(), get(), ... call asks of the rows, read from its keyword and `Q()` arguments. */
  conditions?: FilterConditions;
  /** Some positional argument is computed (`prefetch_related(*lookups)`, a variable): what the call loads is unknown. */
  computed?: boolean;
  location: Location;
}

/**
 * The conditions of one filtering call: terms that all hold, and groups of alternatives (`Q(a=1) | Q(b=2)`),
 * each a list of branches whose terms all hold. `opaque` when some argument cannot be read (`**filters`, a `Q`
 * built elsewhere): the call may test any column.
 */
export interface FilterConditions {
  all: FilterTerm[];
  any: FilterTerm[][][];
  opaque?: boolean;
}

/** One lookup of a filter: `author__name__iexact=...`. */
export interface FilterTerm {
  /** As written, without a leading `-`: `author__name__iexact`. */
  lookup: string;
  /** In an exclude() or under `~`. */
  negated?: boolean;
  /**
   * What it compares with when that is not a plain value: a column of the enclosing query (`OuterRef("pk")`,
   * which makes it a correlation), or an expression over the row's own columns (`F("other")`), which no
   * index on the column serves; or None, which makes an exact lookup `IS NULL`.
   */
  value?: 'outer-ref' | 'expression' | 'null';
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
  /** The expression slices the rows (`[:20]`): the query has a LIMIT. */
  sliced?: boolean;
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
  /**
   * The where's one key: its column (absent for findByPk: the primary key), the key as written (`post.authorId`) and the element's
   * property it reads (`authorId`), if any.
   */
  key?: { column?: string; text: string; property?: string };
  /** Sequelize getters: the association after `get` (`Author`). */
  association?: string;
  /**
   * The read's receiver as written (`this.users`, `prisma.user`, `User`), and a leading entity argument (`manager.findOneBy(User, ...)`).
   */
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

/**
 * A call made once per element of a loop (TypeScript). Files record the calls whose target their syntax does
 * not name (matched by name against stackscope.json `queryFunctions`); the link phase adds the calls of the
 * call graph, with the query each reaches.
 */
export interface LoopCall {
  callee: string;
  location: Location;
  loop: Location;
  loopKind: string;
  reaches?: ReachedQuery;
  /** The loop's other calls that reach a query: one finding per loop, these as related places. */
  alsoCalls?: { callee: string; location: Location }[];
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
  /**
   * nested: another serializer; source: `source="a.b"`; string: StringRelatedField; slug: SlugRelatedField; related: a related field that
   * reads only keys; method: SerializerMethodField.
   */
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
/** What a `get_queryset()` override returns: one chain, the calls it adds to `super().get_queryset()`, or 'unknown'. */
export type ReturnedQueryset = { query: QuerySite } | { adds: QueryCall[] } | 'unknown';

export interface ApiViewDecl {
  name: string;
  /** Base classes as written (`viewsets.ModelViewSet`, `BaseViewSet`); the link phase walks them. */
  bases: string[];
  /** Whether the class itself is a DRF view (a base named like one); else a mixin or base that overrides what views read. */
  isView: boolean;
  query?: QuerySite;
  serializer?: string;
  /**
   * `get_queryset()` defined here: the chain it returns, the calls it adds to `super().get_queryset()`,
   * or 'unknown' when what it returns cannot be read (a variable, a helper, computed arguments).
   */
  getQueryset?: ReturnedQueryset;
  /** `get_serializer_class()` defined here: the serializer depends on the request. */
  picksSerializer?: boolean;
  /** `list()` defined here. */
  definesList?: boolean;
  location: Location;
}

/** A Django `ModelAdmin`: what its changelist reads from each row. */
export interface AdminDecl {
  name: string;
  model?: string;
  listDisplay: { name: string; location: Location }[];
  /** `list_select_related`: true, false, the paths, or undefined when not set. */
  listSelectRelated?: boolean | string[];
  /** `get_queryset()` overridden: the changelist starts from what it returns. */
  getQueryset?: ReturnedQueryset;
  /** Admin methods used as columns: what they read from their `obj`. */
  methods: { name: string; accesses: RowAccess[] }[];
  /** The end of the class body, where an attribute can be added. */
  bodyEnd: InsertPoint;
  location: Location;
}
