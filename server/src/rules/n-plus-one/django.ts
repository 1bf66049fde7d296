// Django loops over querysets: every read of a row that costs one query per row, one finding per costly
// hop and loop, listing every read that goes through it.
import { djangoModels } from '../../model/django/relations';
import type { ProjectModel, RowAccess } from '../../model/types';
import type { Report } from '../rule';
import { loadingOf } from './django-loading';
import { reportDjangoProblem } from './django-report';
import { type Found, traverse } from './django-traversal';

export function checkDjangoLoops(model: ProjectModel, report: Report): void {
  const models = djangoModels(model);
  for (const loop of model.queryLoops) {
    if (loop.query.stack !== 'django') continue;
    const root = models.byName(loop.query.model);
    // A custom manager's get_queryset() (select_related, fetch_mode) applies before the chain.
    const managerClass = root?.managers?.find((manager) => manager.attribute === loop.query.manager)?.className;
    const defaults = managerClass ? (model.managerClasses.get(managerClass) ?? []) : [];
    const loading = loadingOf({ ...loop.query, calls: [...defaults, ...loop.query.calls] });
    if (!root || loading.plainRows || loading.unknown) continue;
    const groups = new Map<string, { found: Found; accesses: RowAccess[] }>();
    for (const access of loop.accesses) {
      for (const found of traverse(models, root, access.path, access.call, loading)) {
        const key = JSON.stringify([found.problem, found.via]);
        const group = groups.get(key) ?? { found, accesses: [] };
        group.accesses.push(access);
        groups.set(key, group);
      }
    }
    for (const { found, accesses } of groups.values()) reportDjangoProblem(model.root, loop, found, accesses, report);
  }
}
