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
import type { Found } from './django-traversal';

export function reportDjangoProblem(root: string, loop: QueryLoop, found: Found, accesses: RowAccess[], report: Report): void {
  const { problem } = found;
  const at = accesses[0].location;
  const reads = [...new Set(accesses.map((access) => readText(loop, access)))];
  // What every message says of the reads and the rows they run for.
  const rows = {
    reads: reads.map((read) => `\`${read}\``).join(', '),
    via: found.via ? ` (through ${found.via})` : '',
    model: loop.query.model,
    queryset: querysetText(loop),
  };
  const path = 'lookup' in problem ? problem.lookup.replace(/__/g, '.') : '';
  // Nothing can be added to a queryset that is closed (an admin that already sets list_select_related).
  const fixes = (plans: (FixPlan | undefined)[]) => (loop.query.closed ? [] : plans);
  switch (problem.kind) {
    case 'forward':
      report(djangoForwardFk, at, {
        message: problem.deferredKey ? 'deferredKey' : 'message',
        data: { ...rows, path, suggest: problem.suggest, key: problem.lookup.split('__')[0] },
        // Joining a key that only() defers raises FieldError: that fix needs two edits a person should see.
        fixes: problem.deferredKey ? [] : fixes([selectRelatedPlan(loop, problem.suggest)]),
        related: related(djangoForwardFk, root, loop),
      });
      return;
    case 'key-id':
      report(djangoFkId, at, {
        data: { ...rows, path, column: problem.field.column },
        fixes: fixes([keyIdPlan(loop, problem.field.column, accesses)]),
        related: related(djangoFkId, root, loop),
      });
      return;
    case 'manager':
      if (problem.prefetched) {
        report(djangoPrefetchBypassed, at, { data: { ...rows, call: problem.call, lookup: problem.lookup }, related: related(djangoPrefetchBypassed, root, loop) });
        return;
      }
      report(djangoReverseManager, at, {
        message: problem.call === 'count' ? 'count' : 'message',
        data: { ...rows, path, lookup: problem.lookup },
        fixes: fixes([problem.countBy ? annotateCountPlan(loop, problem.countBy, accesses) : undefined, prefetchPlan(loop, problem.lookup)]),
        related: related(djangoReverseManager, root, loop),
      });
      return;
    case 'prefetch-only':
      report(djangoPrefetchOnlyKey, at, { data: { lookup: problem.lookup, key: problem.key }, related: related(djangoPrefetchOnlyKey, root, loop) });
      return;
    case 'deferred':
      report(djangoDeferredField, at, { data: { ...rows, field: problem.field }, related: related(djangoDeferredField, root, loop) });
      return;
  }
}

function related(check: Check<keyof typeof DJANGO_RELATED>, root: string, loop: QueryLoop): RelatedPlace[] {
  const built = loop.query.location;
  return [
    { location: built, message: check.text('relatedQueryset', { place: `${relative(root, built.file)}:${built.range.start.line + 1}` }) },
    { location: loop.loop, message: loop.iteratedBy === undefined ? check.text('relatedLoop') : check.text('relatedIteration', { iteratedBy: loop.iteratedBy }) },
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
