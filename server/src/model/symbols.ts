import { rangeContains } from './ranges';
import type { Location, ProjectModel, SymbolDecl } from './types';

/**
 * The innermost class, function or method a location starts in (`Invoice.total`), or undefined at a
 * file's top level and in files without an outline (templates: the file is the address there).
 */
export function enclosingSymbol(model: Pick<ProjectModel, 'files'>, location: Location): SymbolDecl | undefined {
  const start = { start: location.range.start, end: location.range.start };
  let innermost: SymbolDecl | undefined;
  // The outline lists outer definitions before inner ones, so the last that holds the start is the innermost.
  for (const symbol of model.files.get(location.file)?.symbols ?? []) {
    if (rangeContains(symbol.range, start)) innermost = symbol;
  }
  return innermost;
}
