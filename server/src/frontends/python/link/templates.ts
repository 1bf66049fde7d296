// Joins views and templates: a `{% for %}` over a context name that a view fills with a queryset is
// a loop over that queryset, so the N+1 rule sees the template's reads as reads of the rows.
import { sep } from 'node:path';
import type { FileFacts, QueryLoop } from '../../../model/types';

/** `…/catalog/templates/catalog/book_list.html` → `catalog/book_list.html`, the name views use. */
function templateName(file: string): string | undefined {
  const parts = file.split(sep);
  const at = parts.lastIndexOf('templates');
  return at === -1 ? undefined : parts.slice(at + 1).join('/');
}

export function linkTemplateLoops(files: ReadonlyMap<string, FileFacts>): QueryLoop[] {
  const templates = new Map<string, FileFacts[]>();
  for (const facts of files.values()) {
    if (facts.language !== 'django-template') continue;
    const name = templateName(facts.file);
    if (name) templates.set(name, [...(templates.get(name) ?? []), facts]);
  }
  if (templates.size === 0) return [];
  const loops: QueryLoop[] = [];
  for (const facts of files.values()) {
    for (const render of facts.renders ?? []) {
      for (const template of render.templates.flatMap((name) => templates.get(name) ?? [])) {
        for (const loop of template.templateLoops ?? []) {
          const bound = loop.iterable.length === 1 ? render.context.find((entry) => entry.name === loop.iterable[0]) : undefined;
          if (bound) loops.push({ query: bound.query, loop: loop.location, variable: loop.variable, accesses: loop.accesses });
        }
      }
    }
  }
  return loops;
}
