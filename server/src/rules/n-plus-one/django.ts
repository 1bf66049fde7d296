import { relative } from 'node:path';
import { djangoModels } from '../../model/django/relations';
import type { Finding, Fix, ProjectModel, QueryLoop, RowAccess, TextEdit } from '../../model/types';
import { loadingOf } from './django-loading';
import { n1Message } from './django-messages';
import { type Found, traverse } from './django-traversal';

/** Django loops over querysets: every read of a row that costs one query per row. */
export function checkDjangoLoops(model: ProjectModel): Finding[] {
  const models = djangoModels(model);
  const findings: Finding[] = [];
  for (const loop of model.queryLoops) {
    if (loop.query.stack !== 'django') continue;
    const root = models.byName(loop.query.model);
    // A custom manager's get_queryset() (select_related, fetch_mode) applies before the chain.
    const managerClass = root?.managers?.find((manager) => manager.attribute === loop.query.manager)?.className;
    const defaults = managerClass ? (model.managerClasses.get(managerClass) ?? []) : [];
    const loading = loadingOf({ ...loop.query, calls: [...defaults, ...loop.query.calls] });
    if (!root || loading.plainRows) continue;
    // One finding per costly hop and loop, listing every read that goes through it.
    const groups = new Map<string, { found: Found; accesses: RowAccess[] }>();
    for (const access of loop.accesses) {
      for (const found of traverse(models, root, access.path, access.call, loading)) {
        const key = JSON.stringify([found.problem, found.via]);
        const group = groups.get(key) ?? { found, accesses: [] };
        group.accesses.push(access);
        groups.set(key, group);
      }
    }
    for (const { found, accesses } of groups.values()) findings.push(finding(model, loop, found, accesses));
  }
  return findings;
}

function text(loop: QueryLoop, access: RowAccess): string {
  const chain = [loop.variable, ...access.path].join('.');
  if (access.call === '__str__' && access.path.length === 0) return `str(${loop.variable})`;
  return access.call ? `${chain}.${access.call}()` : chain;
}

function finding(model: ProjectModel, loop: QueryLoop, found: Found, accesses: RowAccess[]): Finding {
  const root = model.root;
  const reads = [...new Set(accesses.map((access) => text(loop, access)))];
  const first = accesses[0];
  return {
    rule: 'n-plus-one',
    severity: 'warning',
    file: first.location.file,
    range: first.location.range,
    message: n1Message(found, reads, loop),
    fixes: fixesFor(model, loop, found, accesses),
    related: [
      { location: loop.query.location, message: `the queryset, built here (${relative(root, loop.query.location.file)}:${loop.query.location.range.start.line + 1})` },
      { location: loop.loop, message: `${loop.iteratedBy ?? 'the loop'} that runs the query once per row` },
    ],
  };
}

function fixesFor(project: ProjectModel, loop: QueryLoop, found: Found, accesses: RowAccess[]): Fix[] {
  const { problem } = found;
  if (loop.query.closed) return [];
  const { extendAt, declare, model, location } = loop.query;
  // A class-based view with only `model = Book` gets a `queryset` attribute, an admin a
  // `list_select_related`; an expression is extended.
  const extend = (title: string, call: string, path: string): Fix | undefined => {
    const at = declare?.at.position ?? extendAt;
    let newText = call;
    if (declare?.attribute === 'queryset') newText = `\n${declare.at.indent}queryset = ${model}.objects${call}`;
    if (declare?.attribute === 'list_select_related') {
      if (!call.startsWith('.select_related')) return undefined;
      const list = `[${JSON.stringify(path)}]`;
      return { title: `Set list_select_related = ${list}`, isPreferred: true, edits: [{ file: location.file, range: { start: at, end: at }, newText: `\n${declare.at.indent}list_select_related = ${list}` }] };
    }
    return { title, isPreferred: true, edits: [{ file: location.file, range: { start: at, end: at }, newText }] };
  };
  switch (problem.kind) {
    case 'forward':
      // Joining a key that only() defers raises FieldError: the fix needs two edits a person should see.
      if (problem.deferredKey) return [];
      return optional(extend(`Add select_related("${problem.suggest}") to the queryset`, `.select_related("${problem.suggest}")`, problem.suggest));
    case 'manager': {
      if (problem.prefetched) return [];
      const prefetch = optional(extend(`Add prefetch_related("${problem.lookup}") to the queryset`, `.prefetch_related("${problem.lookup}")`, problem.lookup));
      const count = problem.countBy ? annotateCount(project, loop, problem.countBy, accesses) : undefined;
      // A count is cheaper annotated (one query, no rows loaded) than prefetched.
      return count ? [count, ...prefetch.map((fix) => ({ ...fix, isPreferred: false }))] : prefetch;
    }
    case 'key-id': {
      // `book.author.id` → `book.author_id`, on every read of it in the loop.
      const column = problem.field.column;
      return [
        {
          title: `Read ${column} instead`,
          isPreferred: true,
          edits: accesses.map((access) => ({
            file: access.location.file,
            range: access.location.range,
            newText: [loop.variable, ...access.path.slice(0, -2), column].join('.'),
          })),
        },
      ];
    }
    default:
      return [];
  }
}

const optional = (fix: Fix | undefined): Fix[] => (fix ? [fix] : []);

/**
 * `author.books.count()` per row → `.annotate(books_count=Count("books"))` on the queryset and
 * `author.books_count` at each read. Only where the queryset is an expression in a Python file.
 */
function annotateCount(model: ProjectModel, loop: QueryLoop, countBy: string, accesses: RowAccess[]): Fix | undefined {
  const { location, extendAt, declare, closed } = loop.query;
  if (declare || closed || !location.file.endsWith('.py')) return undefined;
  const alias = `${countBy}_count`;
  const facts = model.files.get(location.file);
  const imports = facts?.imports ?? [];
  const edits: TextEdit[] = [{ file: location.file, range: { start: extendAt, end: extendAt }, newText: `.annotate(${alias}=Count(${JSON.stringify(countBy)}))` }];
  if (!imports.includes('django.db.models.Count')) {
    const at = facts?.importInsert?.position ?? { line: 0, character: 0 };
    edits.push({ file: location.file, range: { start: at, end: at }, newText: 'from django.db.models import Count\n' });
  }
  for (const access of accesses) edits.push({ file: access.location.file, range: access.location.range, newText: `${loop.variable}.${alias}` });
  return { title: `Annotate the count with Count("${countBy}")`, isPreferred: true, edits };
}
