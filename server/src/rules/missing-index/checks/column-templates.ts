// The templates missing-index/filtered-column and missing-index/sorted-column share: the index to add, the count
// of further queries, related places and fix titles.
export const COLUMN_TEMPLATES = {
  more: ' and {{count}} more',
  djangoIndex: 'models.Index(fields=[{{quoted}}]) to {{model}}.Meta.indexes, then a migration (manage.py makemigrations)',
  relatedSort: 'sorts on {{columns}}: {{query}}',
  typescriptRelatedSort: 'sorts on it',
  metaIndexFix: 'Add models.Index(fields=[{{quoted}}]) to {{model}}.Meta.indexes',
  dbIndexFix: 'Set db_index=True on {{model}}.{{field}}',
  indexFix: 'Add @Index() to {{model}}.{{field}}',
  prismaIndexFix: 'Add @@index([{{columns}}]) to {{model}}',
} as const;
