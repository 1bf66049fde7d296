// A loop that calls, once per element, a function of the project that runs a query: the query runs
// once per element too. Followed one level deep, by function name, across files.
import { relative } from 'node:path';
import type { ProjectModel, QueryingFunction } from '../../model/types';
import type { Report } from '../rule';
import { queryHelperPerRow } from './checks/query-helper-per-row';

export function checkHelperCalls(model: ProjectModel, report: Report): void {
  const known = new Set(model.models.map((m) => `${m.stack}:${m.name}`));
  const byName = new Map<string, QueryingFunction>();
  for (const fn of model.queryingFunctions) if (known.has(`${fn.stack}:${fn.model}`) && !byName.has(fn.name)) byName.set(fn.name, fn);
  const configured = new Set(model.queryFunctions);
  if (byName.size === 0 && configured.size === 0) return;
  for (const call of model.loopCalls) {
    const loop = { location: call.loop, message: queryHelperPerRow.text('relatedLoop') };
    const data = { callee: call.callee, loopKind: call.loopKind };
    if (configured.has(call.callee)) {
      report(queryHelperPerRow, call.location, { message: 'configured', data, related: [loop] });
      continue;
    }
    const fn = byName.get(call.callee);
    if (!fn) continue;
    report(queryHelperPerRow, call.location, {
      data: { ...data, call: fn.call, place: `${relative(model.root, fn.location.file)}:${fn.location.range.start.line + 1}` },
      related: [{ location: fn.location, message: queryHelperPerRow.text('relatedQuery', { callee: call.callee }) }, loop],
    });
  }
}
