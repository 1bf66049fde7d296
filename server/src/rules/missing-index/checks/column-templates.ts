// The templates missing-index/filtered-column and missing-index/sorted-column share: what leads the
// column instead of an index, the note on lookups no index serves, related places and fix titles.
export const COLUMN_TEMPLATES = {
  noIndex: 'but no index leads with it',
  partialIndex: 'but only a partial index leads with it ({{index}} {{condition}}), which these queries do not match',
  unnamedIndex: 'condition',
  patternNote: ' Note that {{usages}} cannot use a plain index.',
  djangoRelatedFilter: 'filters on it: {{written}}',
  djangoRelatedSort: 'sorts on it: {{written}}',
  typescriptRelatedSort: 'sorts on it',
  metaIndexFix: 'Add an index on {{model}}.{{field}} to Meta.indexes',
  dbIndexFix: 'Set db_index=True on {{model}}.{{field}}',
  indexFix: 'Add @Index() to {{model}}.{{field}}',
  prismaIndexFix: 'Add @@index([{{columns}}]) to {{model}}',
} as const;
