// A Django N+1 finding: the check its problem belongs to, the reads that cost a query per row, what to
// load instead, its fixes, and the places that explain it (the queryset and the loop).
import { relative } from 'node:path';
import type { FixPlan } from '../../model/fix-plans';
import type { QueryLoop, RowAccess } from '../../model/types';
import type { Check } from '../check';
import type { RelatedPlace, Report } from '../rule';
import { djangoDeferredField } from './checks/django-deferred-field';
import { djangoFkId } from './checks/django-fk-id';
import { djangoForwardFk } from './checks/django-forward-fk';
import { djangoPrefetchBypassed } from './checks/django-prefetch-bypassed';
import { djangoPrefetchOnlyKey } from './checks/django-prefetch-only-key';
import { djangoReverseManager } from './checks/django-reverse-manager';
import type { DJANGO_RELATED } from './checks/shared';
import { annotateCountPlan, keyIdPlan, prefetchPlan, selectRelatedPlan } from './django-fixes';
import { type Found, newQuery } from './django-traversal';

/** One read that costs a query per row: the loop it is in, what it costs, and where it is written. */
export interface Read {
  loop: QueryLoop;
  found: Found;
  access: RowAccess;
}

/** Reads named in a message; the others are related places. */
const READS_SHOWN = 3;

/** Reports one group of reads of one queryset that one edit answers (see `category` in django.ts). */
export function reportDjangoProblem(root: string, group: readonly Read[], report: Report): void {
  const { loop, found } = group[0];
  const { problem } = found;
  const at = group[0].access.location;
  const accesses = group.map((read) => read.access);
  const texts = [
    ...new Set(group.map((read) => readText(read.loop, read.access) + (read.found.via ? ` (through ${read.found.via})` : ''))),
  ];
  const shown = texts.slice(0, READS_SHOWN).map((text) => text.replace(/^([^ ]+)/, '`$1`'));
  // What every message says of the reads and the rows they run for.
  const rows = {
    reads: shown.join(', ') + (texts.length > READS_SHOWN ? ` and ${texts.length - READS_SHOWN} more` : ''),
    via: '',
    model: loop.query.model,
    queryset: querysetText(loop),
  };
  const lookups = unique(group.map((read) => ('lookup' in read.found.problem ? read.found.problem.lookup : '')));
  const path = lookups.map((lookup) => lookup.replace(/__/g, '.')).join('`, `');
  // Nothing can be added to a queryset that is closed (an admin that already sets list_select_related).
  const fixes = (plans: (FixPlan | undefined)[]) => (loop.query.closed ? [] : plans);
  const places = (check: Check<keyof typeof DJANGO_RELATED>) => related(check, root, loop);
  const withReads = (check: typeof djangoForwardFk | typeof djangoReverseManager) => [
    ...related(check, root, loop),
    ...otherReads(check, group),
  ];
  switch (problem.kind) {
    case 'forward': {
      // The longest paths read (`rack__location` covers `rack`), each once: one select_related loads them all.
      const paths = maximal(group.flatMap((read) => (read.found.problem.kind === 'forward' ? [read.found.problem.suggest] : [])));
      report(djangoForwardFk, at, {
        message: problem.deferredKey ? 'deferredKey' : 'message',
        data: { ...rows, path, suggest: paths.join('", "'), key: problem.lookup.split('__')[0] },
        // Joining a key that only() defers raises FieldError: that fix needs two edits a person should see.
        fixes: problem.deferredKey ? [] : fixes([selectRelatedPlan(loop, paths)]),
        related: withReads(djangoForwardFk),
      });
      return;
    }
    case 'key-id':
      report(djangoFkId, at, {
        data: { ...rows, path, column: problem.field.column },
        fixes: fixes([keyIdPlan(loop, problem.field.column, accesses)]),
        related: places(djangoFkId),
      });
      return;
    case 'manager': {
      if (problem.prefetched) {
        report(djangoPrefetchBypassed, at, {
          data: { ...rows, call: problem.call, lookup: problem.lookup },
          related: places(djangoPrefetchBypassed),
        });
        return;
      }
      if (newQuery(problem.call)) {
        report(djangoReverseManager, at, {
          message: 'newQuery',
          data: { ...rows, path, call: problem.call },
          related: places(djangoReverseManager),
        });
        return;
      }
      const counts =
        lookups.length === 1 && group.every((read) => read.found.problem.kind === 'manager' && read.found.problem.call === 'count');
      const countBy = counts && problem.countBy;
      report(djangoReverseManager, at, {
        message: counts ? 'count' : 'message',
        data: { ...rows, path, lookup: lookups.join('", "') },
        fixes: fixes([countBy ? annotateCountPlan(loop, countBy, accesses) : undefined, prefetchPlan(loop, lookups)]),
        related: withReads(djangoReverseManager),
      });
      return;
    }
    case 'prefetch-only':
      report(djangoPrefetchOnlyKey, at, { data: { lookup: problem.lookup, key: problem.key }, related: places(djangoPrefetchOnlyKey) });
      return;
    case 'deferred':
      report(djangoDeferredField, at, { data: { ...rows, field: problem.field }, related: places(djangoDeferredField) });
      return;
  }
}

/** The other places the same cost is paid: reads after the first, and loops over the same queryset. */
function otherReads(check: typeof djangoForwardFk | typeof djangoReverseManager, group: readonly Read[]): RelatedPlace[] {
  const first = group[0].access.location;
  const seen = new Set([`${first.file}:${first.range.start.line}`]);
  const places: RelatedPlace[] = [];
  for (const read of group) {
    const at = read.access.location;
    const key = `${at.file}:${at.range.start.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    places.push({ location: at, message: check.text('relatedRead', { read: readText(read.loop, read.access) }) });
  }
  return places;
}

const unique = (items: readonly string[]) => [...new Set(items)];

/** Paths that are not a prefix of another one (`rack` goes when `rack__location` is there). */
function maximal(paths: readonly string[]): string[] {
  const all = unique(paths);
  return all.filter((path) => !all.some((other) => other !== path && other.startsWith(`${path}__`)));
}

function related(check: Check<keyof typeof DJANGO_RELATED>, root: string, loop: QueryLoop): RelatedPlace[] {
  const built = loop.query.location;
  return [
    { location: built, message: check.text('relatedQueryset', { place: `${relative(root, built.file)}:${built.range.start.line + 1}` }) },
    {
      location: loop.loop,
      message: loop.iteratedBy === undefined ? check.text('relatedLoop') : check.text('relatedIteration', { iteratedBy: loop.iteratedBy }),
    },
  ];
}

/** A read as written in the loop: `book.author.name`, `author.books.count()`, `str(book)`. */
function readText(loop: QueryLoop, access: RowAccess): string {
  const chain = [loop.variable, ...access.path].join('.');
  if (access.call === '__str__' && access.path.length === 0) return `str(${loop.variable})`;
  return access.call ? `${chain}.${access.call}()` : chain;
}

/** The queryset as its calls spell it: `Book.objects.filter().select_related()`, `Book.objects.all()`. */
function querysetText(loop: QueryLoop): string {
  const { model, manager, calls } = loop.query;
  return `${model}.${manager}.${calls.length ? calls.map((call) => call.method).join('().') : 'all'}()`;
}
