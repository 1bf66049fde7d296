// Querysets cross function boundaries: a helper returns one (`def published(): return Book.objects...`)
// and a view loops over its result, or a view passes one to a helper that loops over its parameter.
// One hop is followed, by function name, across the project.
import type { FileFacts, QueryHandoff, QueryLoop } from '../../../model/types';

export function linkDeferredLoops(files: ReadonlyMap<string, FileFacts>): QueryLoop[] {
  const returns = new Map<string, QueryHandoff[]>();
  const passes = new Map<string, QueryHandoff[]>();
  for (const facts of files.values()) {
    for (const handoff of facts.queryHandoffs ?? []) {
      const into = handoff.kind === 'returns' ? returns : passes;
      into.set(handoff.function, [...(into.get(handoff.function) ?? []), handoff]);
    }
  }
  const loops: QueryLoop[] = [];
  for (const facts of files.values()) {
    for (const deferred of facts.deferredLoops ?? []) {
      const { source, ...loop } = deferred;
      const feeding =
        source.kind === 'call'
          ? (returns.get(source.callee) ?? [])
          : (passes.get(source.function) ?? []).filter((handoff) => handoff.index === source.index || handoff.keyword === source.name);
      for (const handoff of feeding)
        loops.push({
          query: handoff.query,
          ...loop,
          iteratedBy:
            source.kind === 'call' ? `the loop over ${source.callee}()` : `${source.function}(), looping over its ${source.name},`,
        });
    }
  }
  return loops;
}
