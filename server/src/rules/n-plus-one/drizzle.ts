// Drizzle: a select or relational query per loop element. `with:` in one relational query, or one
// `inArray(...)` select, loads what the loop needs in a single statement.
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { queryPerRow } from './checks/query-per-row';
import { reportPerRow } from './per-row';

export function checkDrizzleLoops(model: ProjectModel, report: Report): void {
  const tables = new Set(model.models.filter((m) => m.stack === 'drizzle').map((m) => m.name));
  if (tables.size === 0) return;
  for (const query of model.perRowQueries)
    if (query.stack === 'drizzle' && tables.has(query.model)) reportPerRow(report, queryPerRow, query, 'drizzle');
}
