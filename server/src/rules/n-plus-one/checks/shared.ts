// Sentences several checks of the rule share: what a hover says of any of them, where a Django finding's
// rows come from, the loop a TypeScript finding runs in, and the titles of the fixes of a per-row read of
// one row by key. Each check spreads the ones it uses into its own messages.

/** The hover of every check of the rule: the cost, and where the rows come from (the finding's first related place). */
export const PER_ROW_HOVER =
  '**Stackscope: 1 + N queries.** This runs once per row: a page of 50 rows costs 51 queries instead of 1 or 2. The rows come from {{place}}.';

/** The queryset and the loop of a Django finding. */
export const DJANGO_RELATED = {
  relatedQueryset: 'the queryset, built here ({{place}})',
  relatedLoop: 'the loop that runs the query once per row',
  /** A serializer, a template or an admin changelist, as the frontend names what iterates the rows. */
  relatedIteration: '{{iteratedBy}} that runs the query once per row',
};

/** The other reads of a finding that groups several (every relation one edit loads). */
export const DJANGO_RELATED_READ = {
  relatedRead: 'also read here: `{{read}}`',
};

/** The loop of a per-element query. */
export const LOOP_RELATED = {
  relatedLoop: 'the loop that runs it once per element',
};

/** A read of each element's related row: load the relation with the list, or read all rows before the loop. */
export const LOOKUP_FIXES = {
  loadFix: 'Load {{relation}} with {{list}} ({{option}})',
  hoistFix: 'Fetch all {{model}} rows in one query before the loop',
};
