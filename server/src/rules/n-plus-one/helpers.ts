// A loop that calls, once per element, a function of the project that runs a query: the query runs
// once per element too. Followed one level deep, by function name, across files.
import { relative } from 'node:path';
import type { Finding, ProjectModel, QueryingFunction } from '../../model/types';

export function checkHelperCalls(model: ProjectModel): Finding[] {
  const known = new Set(model.models.map((m) => `${m.stack}:${m.name}`));
  const byName = new Map<string, QueryingFunction>();
  for (const facts of model.files.values()) {
    for (const fn of facts.queryingFunctions ?? []) if (known.has(`${fn.stack}:${fn.model}`) && !byName.has(fn.name)) byName.set(fn.name, fn);
  }
  const configured = new Set(model.queryFunctions);
  if (byName.size === 0 && configured.size === 0) return [];
  const findings: Finding[] = [];
  for (const facts of model.files.values()) {
    for (const call of facts.loopCalls ?? []) {
      if (configured.has(call.callee)) {
        findings.push({
          rule: 'n-plus-one',
          severity: 'warning',
          file: call.location.file,
          range: call.location.range,
          message: `N+1 query: \`${call.callee}()\` runs a query (it is listed in \`queryFunctions\`) once per element of the ${call.loopKind} loop. Load what the loop needs for all elements at once.`,
          fixes: [],
          related: [{ location: call.loop, message: 'the loop that calls it once per element' }],
        });
        continue;
      }
      const fn = byName.get(call.callee);
      if (!fn) continue;
      findings.push({
        rule: 'n-plus-one',
        severity: 'warning',
        file: call.location.file,
        range: call.location.range,
        message: `N+1 query: \`${call.callee}()\` runs \`${fn.call}\` (${relative(model.root, fn.location.file)}:${fn.location.range.start.line + 1}) once per element of the ${call.loopKind} loop. Give it all the elements at once and query with one \`In(ids)\` / \`{ in: ids }\` read.`,
        fixes: [],
        related: [
          { location: fn.location, message: `the query ${call.callee}() runs` },
          { location: call.loop, message: 'the loop that calls it once per element' },
        ],
      });
    }
  }
  return findings;
}
