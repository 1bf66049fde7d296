import { relative } from 'node:path';
import type { Field, Finding, ModelDecl, ProjectModel } from '../../model/types';
import { PATTERN_LOOKUPS } from './django-lookups';
import { dbIndexFix, metaIndexFix } from './django-fixes';
import { fieldUsages, type Usage } from './django-usages';

/** Low-cardinality columns: an index on them rarely beats a scan, so filtering on them is not reported. */
const NOT_WORTH_INDEXING = new Set(['BooleanField', 'NullBooleanField']);
const MAX_LISTED = 5;

export function checkDjangoIndexes(model: ProjectModel): Finding[] {
  const mysql = usesMySql(model);
  const findings: Finding[] = [];
  for (const { model: owner, field, usages: all } of fieldUsages(model).fields) {
    if (NOT_WORTH_INDEXING.has(field.type) || field.relation?.kind === 'many-to-many') continue;
    // A partial index serves only the queries that also test its condition's fields.
    const usages = all.filter((usage) => !servedByPartialIndex(owner, field, usage));
    if (usages.length === 0) continue;
    const plain = usages.filter((usage) => !(usage.lookup in PATTERN_LOOKUPS));
    const patterns = usages.filter((usage) => usage.lookup in PATTERN_LOOKUPS);
    if (!covered(owner, field, mysql)) {
      if (plain.length > 0) findings.push(unindexed(model.root, owner, field, plain, patterns));
      else findings.push(patternHint(model.root, owner, field, patterns, false));
    } else if (patterns.length > 0) {
      findings.push(patternHint(model.root, owner, field, patterns, true));
    }
  }
  return findings;
}

/** Covered: the field leads some index that applies to every row. */
function covered(owner: ModelDecl, field: Field, mysql: boolean): boolean {
  if (field.indexed || field.primaryKey) return true;
  // InnoDB indexes every foreign key column itself, whatever db_index says, unless there is no constraint.
  if (mysql && field.relation && field.relation.kind !== 'many-to-many' && !field.relation.noConstraint) return true;
  return owner.indexes.some((index) => index.fields[0] === field.name && !index.condition);
}

function servedByPartialIndex(owner: ModelDecl, field: Field, usage: Usage): boolean {
  return owner.indexes.some(
    (index) => index.fields[0] === field.name && index.condition !== undefined && (index.conditionFields ?? []).length > 0 && index.conditionFields!.every((name) => usage.siblings.includes(name)),
  );
}

function usesMySql(model: ProjectModel): boolean {
  for (const settings of model.settings.values()) {
    const databases = settings.assignments.get('DATABASES')?.value;
    const primary = databases?.kind === 'object' ? databases.entries.find((entry) => entry.key === 'default')?.value : undefined;
    const engine = primary?.kind === 'object' ? primary.entries.find((entry) => entry.key === 'ENGINE')?.value : undefined;
    if (engine?.kind === 'string' && engine.value.includes('mysql')) return true;
  }
  return false;
}

function describe(root: string, usages: Usage[]): string {
  const listed = usages.slice(0, MAX_LISTED).map((usage) => `\`${usage.written}\` (${relative(root, usage.location.file)}:${usage.location.range.start.line + 1})`);
  return listed.join(', ') + (usages.length > MAX_LISTED ? ` and ${usages.length - MAX_LISTED} more` : '');
}

function related(usages: Usage[]) {
  return usages.slice(0, 20).map((usage) => ({ location: usage.location, message: `${usage.lookup === 'order' ? 'sorts' : 'filters'} on it: ${usage.written}` }));
}

function unindexed(root: string, owner: ModelDecl, field: Field, usages: Usage[], patterns: Usage[]): Finding {
  const filters = usages.some((usage) => usage.lookup !== 'order');
  const what = filters ? 'filtered on' : 'sorted on';
  const cost = filters ? 'each such query scans the whole table' : 'each such query sorts the whole table';
  const fixes = [metaIndexFix(owner, field), dbIndexFix(owner, field)].filter((fix) => fix !== undefined);
  const partial = owner.indexes.find((index) => index.fields[0] === field.name && index.condition);
  const lead = partial
    ? `but only a partial index leads with it (${partial.name ?? 'condition'} ${partial.condition}), which these queries do not match`
    : 'but no index leads with it';
  return {
    rule: 'missing-index',
    severity: filters ? 'warning' : 'info',
    file: field.location.file,
    range: field.location.range,
    message:
      `\`${owner.name}.${field.name}\` is ${what} by ${describe(root, usages)}, ${lead}: ${cost} as it grows. ` +
      `Add an index, then a migration (manage.py makemigrations).` +
      (patterns.length ? ` Note that ${describe(root, patterns)} cannot use a plain index.` : ''),
    fixes,
    related: related([...usages, ...patterns]),
  };
}

function patternHint(root: string, owner: ModelDecl, field: Field, usages: Usage[], indexed: boolean): Finding {
  const needs = [...new Set(usages.map((usage) => PATTERN_LOOKUPS[usage.lookup]))].join(', or ');
  return {
    rule: 'missing-index',
    severity: 'hint',
    file: field.location.file,
    range: field.location.range,
    message: `\`${owner.name}.${field.name}\` is matched by ${describe(root, usages)}, which ${indexed ? 'its index cannot serve' : 'no plain index could serve'}: the column is wrapped in UPPER() or matched with a leading wildcard. It needs ${needs}.`,
    fixes: [],
    related: related(usages),
  };
}
