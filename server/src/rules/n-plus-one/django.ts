// Django loops over querysets: every read of a row that costs one query per row. One finding per
// queryset and kind of problem (every relation it leaves unloaded, read in every loop over it), so one
// edit of the queryset answers one finding; the reads are listed, the other places are related ones.
import { djangoModels } from '../../model/django/relations';
import type { ProjectModel, QueryLoop } from '../../model/types';
import type { Report } from '../rule';
import { loadingOf } from './django-loading';
import { type Read, reportDjangoProblem } from './django-report';
import { type Found, newQuery, traverse } from './django-traversal';

export function checkDjangoLoops(model: ProjectModel, report: Report): void {
  const models = djangoModels(model);
  const groups = new Map<string, Read[]>();
  for (const loop of model.queryLoops) {
    if (loop.query.stack !== 'django') continue;
    const root = models.byName(loop.query.model);
    // A custom manager's get_queryset() (select_related, fetch_mode) applies before the chain.
    const managerClass = root?.managers?.find((manager) => manager.attribute === loop.query.manager)?.className;
    const defaults = managerClass ? (model.managerClasses.get(managerClass) ?? []) : [];
    const loading = loadingOf({ ...loop.query, calls: [...defaults, ...loop.query.calls] });
    if (!root || loading.plainRows || loading.unknown) continue;
    const site = placeKey(loop);
    for (const access of loop.accesses) {
      for (const found of traverse(models, root, access.path, access.call, loading)) {
        const key = `${site}|${category(found)}`;
        groups.set(key, [...(groups.get(key) ?? []), { loop, found, access }]);
      }
    }
  }
  // `book.author.id` after `book.author.name` in the same queryset's loops: the row is loaded anyway.
  const forwardHops = new Set<string>();
  const hop = (read: Read) => `${placeKey(read.loop)}|${'lookup' in read.found.problem ? read.found.problem.lookup : ''}`;
  for (const reads of groups.values()) for (const read of reads) if (read.found.problem.kind === 'forward') forwardHops.add(hop(read));
  for (const reads of groups.values()) {
    const kept = reads.filter((read) => read.found.problem.kind !== 'key-id' || !forwardHops.has(hop(read)));
    if (kept.length) reportDjangoProblem(model.root, kept, report);
  }
}

function placeKey(loop: QueryLoop): string {
  const { file, range } = loop.query.location;
  return `${file}:${range.start.line}:${range.start.character}:${loop.query.model}`;
}

/**
 * What one edit of the queryset answers: every unloaded forward key (one select_related), every manager
 * queried per row (one prefetch_related); the others need an edit each, so they stay apart.
 */
function category({ problem }: Found): string {
  switch (problem.kind) {
    case 'forward':
      return problem.deferredKey ? `forward-deferred|${problem.lookup}` : 'forward';
    case 'manager':
      if (problem.prefetched) return `bypassed|${problem.lookup}|${problem.call}`;
      return newQuery(problem.call) ? `new-query|${problem.lookup}|${problem.call}` : 'manager';
    case 'key-id':
      return `key-id|${problem.lookup}`;
    case 'prefetch-only':
      return `prefetch-only|${problem.lookup}`;
    case 'deferred':
      return `deferred|${problem.field}`;
  }
}
