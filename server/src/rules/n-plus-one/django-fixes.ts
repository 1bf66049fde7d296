// Django N+1 fixes as plans: extend the queryset (`select_related`, `prefetch_related`, an annotated count)
// or read the key column the row already holds. The Python frontend writes the queryset call where the
// queryset is built, or declares it on a view or admin that only names its model.
import type { Change, FixPlan } from '../../model/fix-plans';
import type { QueryLoop, RowAccess } from '../../model/types';
import { djangoFkId } from './checks/django-fk-id';
import { djangoForwardFk } from './checks/django-forward-fk';
import { djangoReverseManager } from './checks/django-reverse-manager';

export function selectRelatedPlan(loop: QueryLoop, paths: readonly string[]): FixPlan {
  // An admin gets `list_select_related = [...]`, which its title names.
  const title = djangoForwardFk.text(loop.query.declare?.attribute === 'list_select_related' ? 'listFix' : 'fix', {
    suggest: paths.join('", "'),
  });
  return {
    title,
    preferred: true,
    changes: [{ kind: 'add-queryset-call', query: loop.query, method: 'select_related', args: [...paths] }],
  };
}

/** Preferred unless an annotated count comes before it: a count is cheaper annotated (one query, no rows loaded). */
export function prefetchPlan(loop: QueryLoop, lookups: readonly string[]): FixPlan {
  return {
    title: djangoReverseManager.text('fix', { lookup: lookups.join('", "') }),
    preferred: 'if-first',
    changes: [{ kind: 'add-queryset-call', query: loop.query, method: 'prefetch_related', args: [...lookups] }],
  };
}

/**
 * `author.books.count()` per row → `.annotate(books_count=Count("books"))` on the queryset and
 * `author.books_count` at each read. Only where the queryset is an expression, not declared on a view.
 */
export function annotateCountPlan(loop: QueryLoop, countBy: string, accesses: readonly RowAccess[]): FixPlan | undefined {
  if (loop.query.declare) return undefined;
  const alias = `${countBy}_count`;
  return {
    title: djangoReverseManager.text('countFix', { countBy }),
    preferred: true,
    changes: [
      {
        kind: 'add-queryset-call',
        query: loop.query,
        method: 'annotate',
        args: [],
        keywords: { [alias]: { kind: 'aggregate', function: 'Count', lookup: countBy } },
      },
      { kind: 'add-import', file: loop.query.location.file, module: 'django.db.models', name: 'Count' },
      ...accesses.map((access) => readInstead(access, [loop.variable, alias])),
    ],
  };
}

/** `book.author.id` → `book.author_id`, on every read of it in the loop. */
export function keyIdPlan(loop: QueryLoop, column: string, accesses: readonly RowAccess[]): FixPlan {
  return {
    title: djangoFkId.text('fix', { column }),
    preferred: true,
    changes: accesses.map((access) => readInstead(access, [loop.variable, ...access.path.slice(0, -2), column])),
  };
}

function readInstead(access: RowAccess, path: string[]): Change {
  return { kind: 'replace-expression', at: access.location, value: { kind: 'attribute', path } };
}
