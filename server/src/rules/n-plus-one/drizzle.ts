// Drizzle: a select or relational query per loop element. `with:` in one relational query, or one
// `inArray(...)` select, loads what the loop needs in a single statement.
import type { Finding, ProjectModel } from '../../model/types';
import { perRowFinding } from './per-row';

export function checkDrizzleLoops(model: ProjectModel): Finding[] {
  const tables = new Set(model.models.filter((m) => m.stack === 'drizzle').map((m) => m.name));
  if (tables.size === 0) return [];
  return model.perRowQueries
    .filter((query) => query.stack === 'drizzle' && tables.has(query.model))
    .map((query) =>
      perRowFinding(
        query,
        `N+1 query: \`${query.call}\` runs one query per element of the ${query.loopKind} loop. Read ${query.model} for all elements at once (\`where(inArray(...))\`), or load it with \`with:\` in the relational query that produced the list.`,
      ),
    );
}
