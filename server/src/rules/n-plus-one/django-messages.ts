// The words of an N+1 finding: what runs once per row, and what to load instead.
import type { QueryLoop } from '../../model/types';
import type { Found } from './django-traversal';

const where = (loop: QueryLoop) => `${loop.query.model}.${loop.query.manager}.${loop.query.calls.length ? loop.query.calls.map((c) => c.method).join('().') : 'all'}()`;

export function n1Message(found: Found, reads: string[], loop: QueryLoop): string {
  const { problem } = found;
  const read = reads.map((r) => `\`${r}\``).join(', ');
  const via = found.via ? ` (through ${found.via})` : '';
  const rows = `each ${loop.query.model} of \`${where(loop)}\``;
  switch (problem.kind) {
    case 'forward':
      return `N+1 query: ${read}${via} loads \`${problem.lookup.replace(/__/g, '.')}\` with its own query for ${rows}${
        problem.deferredKey
          ? `, and only()/defer() leaves its key out so each row first reloads the key. Keep the key and join the row: add "${problem.lookup.split('__')[0]}" to only() and select_related("${problem.suggest}") (select_related on a deferred key raises FieldError).`
          : `. Load it with the rows: select_related("${problem.suggest}").`
      }`;
    case 'key-id':
      return `N+1 query: ${read}${via} loads the whole \`${problem.lookup.replace(/__/g, '.')}\` row for ${rows} just to read its id, which the row already holds as \`${problem.field.column}\`.`;
    case 'manager':
      return problem.prefetched
        ? `N+1 query: ${read}${via} runs a new query for ${rows}: .${problem.call}() on a related manager ignores the prefetch_related("${problem.lookup}") cache. Filter in a Prefetch("${problem.lookup}", queryset=..., to_attr=...) instead.`
        : `N+1 query: ${read}${via} queries \`${problem.lookup.replace(/__/g, '.')}\` once for ${rows}. Load them with the rows: prefetch_related("${problem.lookup}")${problem.call === 'count' ? ', or annotate the count with Count()' : ''}.`;
    case 'prefetch-only':
      return `N+1 query: the Prefetch("${problem.lookup}") queryset's only() leaves out \`${problem.key}\`, the key back to the parent, so Django reloads it for every prefetched row. Add "${problem.key}" to that only().`;
    case 'deferred':
      return `N+1 query: ${read}${via} reads \`${problem.field}\`, which only()/defer() left out, so Django loads it with one query for ${rows}.`;
  }
}
