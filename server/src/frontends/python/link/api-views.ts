// What a DRF view really serializes, read along its bases the way Python resolves attributes (the
// method resolution order): `list()` serializes `self.filter_queryset(self.get_queryset())` with
// `self.get_serializer_class()` (rest_framework/mixins.py, generics.py). The `queryset` attribute is only
// what GenericAPIView.get_queryset() starts from, so an override anywhere in the bases decides, and a
// project's base viewset or mixin counts as much as the view itself.
import type { ApiViewDecl, QuerySite } from '../../../model/types';

/** DRF classes that list rows (`ListModelMixin.list`); a view without one of them in its bases lists nothing. */
const LISTING = new Set(['ListModelMixin', 'ModelViewSet', 'ReadOnlyModelViewSet', 'ListAPIView', 'ListCreateAPIView']);

const lastSegment = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** A view as it runs its list action: the queryset and serializer it ends up with. */
export interface ResolvedApiView {
  name: string;
  query?: QuerySite;
  serializer?: string;
  location: ApiViewDecl['location'];
}

export function resolveApiViews(decls: readonly ApiViewDecl[]): ResolvedApiView[] {
  const byName = new Map<string, ApiViewDecl[]>();
  for (const decl of decls) byName.set(decl.name, [...(byName.get(decl.name) ?? []), decl]);
  const resolved: ResolvedApiView[] = [];
  for (const decl of decls) {
    const order = linearize(decl, byName);
    // A class that is not a view itself (a mixin), or a view that has no list action, serializes no list.
    if (!order.isView || !order.lists) continue;
    // An overridden get_serializer_class() picks the serializer per request: which fields are read cannot be told.
    if (order.classes.some((c) => c.picksSerializer)) continue;
    const serializer = order.classes.find((c) => c.serializer)?.serializer;
    const query = querysetOf(order.classes, 0);
    if (query === 'unknown') continue;
    resolved.push({ name: decl.name, location: decl.location, ...(serializer ? { serializer } : {}), ...(query ? { query } : {}) });
  }
  return resolved;
}

/**
 * The queryset `get_queryset()` returns, the method looked up from `from` in the resolution order: the first
 * override decides (adding its calls to what `super()` returns), else GenericAPIView's, which returns the
 * `queryset` attribute, itself looked up from the view down.
 */
function querysetOf(classes: readonly ApiViewDecl[], from: number): QuerySite | 'unknown' | undefined {
  const at = classes.findIndex((c, i) => i >= from && c.getQueryset);
  if (at < 0) return classes.find((c) => c.query)?.query;
  const own = classes[at].getQueryset!;
  if (own === 'unknown') return 'unknown';
  if ('query' in own) return own.query;
  if (own.adds.some((call) => call.computed)) return 'unknown';
  const base = querysetOf(classes, at + 1);
  if (base === 'unknown' || !base || own.adds.length === 0) return base;
  return { ...base, calls: [...base.calls, ...own.adds] };
}

interface Linearized {
  /** The project's classes in resolution order (the view first); library classes are left out. */
  classes: ApiViewDecl[];
  isView: boolean;
  lists: boolean;
}

/**
 * Depth-first, left to right, each class once at its last place: the order C3 gives for the usual mixin
 * hierarchies. A base known by name only through a library (`ListModelMixin`) adds what its name says.
 */
function linearize(decl: ApiViewDecl, byName: ReadonlyMap<string, ApiViewDecl[]>): Linearized {
  const visits: ApiViewDecl[] = [];
  let isView = false;
  let lists = false;
  const visit = (current: ApiViewDecl, path: Set<string>) => {
    visits.push(current);
    isView ||= current.isView;
    lists ||= !!current.definesList;
    for (const base of current.bases) {
      const name = lastSegment(base);
      if (LISTING.has(name)) lists = true;
      // Two project classes of the same name: the one in the same file, else the first.
      const candidates = byName.get(name) ?? [];
      const next = candidates.find((c) => c.location.file === current.location.file) ?? candidates[0];
      if (next && next !== current && !path.has(next.name)) visit(next, new Set([...path, next.name]));
    }
  };
  visit(decl, new Set([decl.name]));
  const classes = visits.filter((c, i) => visits.lastIndexOf(c) === i);
  return { classes, isView, lists };
}
