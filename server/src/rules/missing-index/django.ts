// Django fields that queries filter or sort on with no index leading with them, and lookups no plain
// index serves. One finding per field, listing its queries.
import { indexesForeignKeys } from '../../model/foreign-key-indexes';
import type { Field, ModelDecl, ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { filteredColumn } from './checks/filtered-column';
import { sortedColumn } from './checks/sorted-column';
import { unservableLookup } from './checks/unservable-lookup';
import { PATTERN_LOOKUPS } from './django-lookups';
import { fieldUsages, type Usage } from './django-usages';
import { indexPlan } from './index-plans';
import { listPlaces, relatedPlaces } from './places';

/** Low-cardinality columns: an index on them rarely beats a scan, so filtering on them is not reported. */
const NOT_WORTH_INDEXING = new Set(['BooleanField', 'NullBooleanField']);
const MAX_LISTED = 5;

export function checkDjangoIndexes(model: ProjectModel, report: Report): void {
  for (const { model: owner, field, usages: all } of fieldUsages(model).fields) {
    if (NOT_WORTH_INDEXING.has(field.type) || field.relation?.kind === 'many-to-many') continue;
    // A partial index serves only the queries that also test its condition's fields.
    const usages = all.filter((usage) => !servedByPartialIndex(owner, field, usage));
    if (usages.length === 0) continue;
    const plain = usages.filter((usage) => !(usage.lookup in PATTERN_LOOKUPS));
    const patterns = usages.filter((usage) => usage.lookup in PATTERN_LOOKUPS);
    if (!covered(owner, field)) {
      if (plain.length > 0) reportUnindexed(model.root, owner, field, plain, patterns, report);
      else reportPatterns(model.root, field, owner, patterns, false, report);
    } else if (patterns.length > 0) {
      reportPatterns(model.root, field, owner, patterns, true, report);
    }
  }
}

/** Covered: the field leads some index that applies to every row. */
function covered(owner: ModelDecl, field: Field): boolean {
  if (field.indexed || field.primaryKey) return true;
  // InnoDB indexes every foreign key column itself, whatever db_index says, unless there is no constraint.
  const foreignKey = field.relation && field.relation.kind !== 'many-to-many' && !field.relation.noConstraint;
  if (foreignKey && (owner.databases ?? []).some((database) => indexesForeignKeys(database))) return true;
  return owner.indexes.some((index) => index.fields[0] === field.name && !index.condition);
}

function servedByPartialIndex(owner: ModelDecl, field: Field, usage: Usage): boolean {
  return owner.indexes.some((index) => {
    const conditionFields = index.conditionFields ?? [];
    if (index.fields[0] !== field.name || index.condition === undefined) return false;
    return conditionFields.length > 0 && conditionFields.every((name) => usage.siblings.includes(name));
  });
}

const listed = (root: string, usages: readonly Usage[]) =>
  listPlaces(root, usages.map((usage) => ({ text: usage.written, location: usage.location })), MAX_LISTED);

function reportUnindexed(root: string, owner: ModelDecl, field: Field, usages: Usage[], patterns: Usage[], report: Report): void {
  const check = usages.some((usage) => usage.lookup !== 'order') ? filteredColumn : sortedColumn;
  const partial = owner.indexes.find((index) => index.fields[0] === field.name && index.condition);
  const lead = partial
    ? check.text('partialIndex', { index: partial.name ?? check.text('unnamedIndex'), condition: partial.condition! })
    : check.text('noIndex');
  const note = patterns.length ? check.text('patternNote', { usages: listed(root, patterns) }) : '';
  const names = { model: owner.name, field: field.name };
  report(check, field.location, {
    message: 'django',
    data: { ...names, usages: listed(root, usages), lead, note },
    fixes: [
      indexPlan(check.text('metaIndexFix', names), owner, [field.name]),
      indexPlan(check.text('dbIndexFix', names), owner, [field.name], 'field-option'),
    ],
    related: relatedPlaces([...usages, ...patterns], (usage) =>
      check.text(usage.lookup === 'order' ? 'djangoRelatedSort' : 'djangoRelatedFilter', { written: usage.written }),
    ),
  });
}

function reportPatterns(root: string, field: Field, owner: ModelDecl, usages: Usage[], indexed: boolean, report: Report): void {
  const needs = [...new Set(usages.map((usage) => unservableLookup.text(PATTERN_LOOKUPS[usage.lookup])))].join(', or ');
  report(unservableLookup, field.location, {
    message: 'message',
    data: {
      model: owner.name,
      field: field.name,
      usages: listed(root, usages),
      served: unservableLookup.text(indexed ? 'indexed' : 'unindexed'),
      needs,
    },
    related: relatedPlaces(usages, (usage) => unservableLookup.text('related', { written: usage.written })),
  });
}
