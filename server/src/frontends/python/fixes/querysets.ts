// Extending a queryset: `.select_related("author")` at the end of the expression that builds it, or,
// where the queryset is implied, the attribute that declares it (a list view's `queryset = ...`, an
// admin's `list_select_related = [...]`).
import type { QueryArgument } from '../../../model/fix-plans';
import type { QuerySite, TextEdit } from '../../../model/types';

export function addQuerysetCall(
  query: QuerySite,
  method: string,
  args: readonly string[],
  keywords: Record<string, QueryArgument> = {},
): TextEdit[] | undefined {
  if (query.closed) return undefined;
  const { extendAt, declare, model, location } = query;
  const written = [
    ...args.map((arg) => JSON.stringify(arg)),
    ...Object.entries(keywords).map(([key, value]) => `${key}=${argument(value)}`),
  ];
  const call = `.${method}(${written.join(', ')})`;
  const at = declare?.at.position ?? extendAt;
  const edit = (newText: string): TextEdit[] => [{ file: location.file, range: { start: at, end: at }, newText }];
  if (declare?.attribute === 'list_select_related') {
    // The admin's attribute lists paths; anything but select_related has no such attribute.
    if (method !== 'select_related' || Object.keys(keywords).length > 0) return undefined;
    return edit(`\n${declare.at.indent}list_select_related = [${args.map((arg) => JSON.stringify(arg)).join(', ')}]`);
  }
  if (declare?.attribute === 'queryset') return edit(`\n${declare.at.indent}queryset = ${model}.objects${call}`);
  return edit(call);
}

function argument(value: QueryArgument): string {
  return `${value.function}(${JSON.stringify(value.lookup)})`;
}
