// Views that serialize or list a queryset read every row the way a loop does: a DRF serializer
// (nested serializers, sources, related fields, method fields, Meta.depth) and an admin changelist
// (list_display columns). Both become loops over the view's queryset for the N+1 rule.
import type { AdminDecl, ApiViewDecl, FileFacts, ModelDecl, QueryCall, QueryLoop, RowAccess, SerializerDecl } from '../../../model/types';
import type { DjangoModels } from '../../../model/django/relations';
import { resolveApiViews } from './api-views';

export function linkSerializedLoops(files: ReadonlyMap<string, FileFacts>, models: DjangoModels): QueryLoop[] {
  const serializers = new Map<string, SerializerDecl>();
  const apiViews: ApiViewDecl[] = [];
  const admins: AdminDecl[] = [];
  for (const facts of files.values()) {
    for (const serializer of facts.serializers ?? []) serializers.set(serializer.name, serializer);
    apiViews.push(...(facts.apiViews ?? []));
    admins.push(...(facts.admins ?? []));
  }
  const loops: QueryLoop[] = [];
  for (const view of resolveApiViews(apiViews)) {
    const serializer = view.serializer ? serializers.get(view.serializer) : undefined;
    if (!view.query || !serializer) continue;
    const accesses = serializerReads(serializer, [], serializers, models, new Set());
    if (accesses.length)
      loops.push({
        query: view.query,
        loop: view.location,
        iteratedBy: `${view.name}, through ${serializer.name},`,
        variable: view.query.model.toLowerCase(),
        accesses,
      });
  }
  for (const admin of admins) {
    const model = admin.model ? models.byName(admin.model) : undefined;
    const loop = model ? changelistLoop(admin, model) : undefined;
    if (loop) loops.push(loop);
  }
  return loops;
}

const IS_FORWARD = (kind?: string) => kind === 'many-to-one' || kind === 'one-to-one';

function serializerReads(
  serializer: SerializerDecl,
  prefix: string[],
  all: Map<string, SerializerDecl>,
  models: DjangoModels,
  seen: Set<string>,
): RowAccess[] {
  seen.add(serializer.name);
  const reads: RowAccess[] = [];
  const location = serializer.location;
  for (const field of serializer.declared) {
    const path = [...prefix, ...field.source];
    const at = field.location;
    switch (field.kind) {
      case 'nested': {
        if (field.many) {
          reads.push({ path, call: 'all', location: at });
          break;
        }
        reads.push({ path, location: at });
        const nested = field.serializer ? all.get(field.serializer) : undefined;
        if (nested && !seen.has(nested.name)) reads.push(...serializerReads(nested, path, all, models, new Set(seen)));
        break;
      }
      case 'source':
        reads.push({ path, location: at });
        break;
      case 'string':
        reads.push(field.many ? { path, call: 'all', location: at } : { path, location: at });
        break;
      case 'slug':
        reads.push(field.many ? { path, call: 'all', location: at } : { path: [...path, field.slugField ?? 'pk'], location: at });
        break;
      case 'related':
        // A related field reads only keys (no query), except many=True, which lists the relation.
        if (field.many) reads.push({ path, call: 'all', location: at });
        break;
      case 'method':
        for (const access of field.accesses ?? []) reads.push({ ...access, path: [...prefix, ...access.path] });
        break;
    }
  }
  // Meta.fields the serializer does not declare: ModelSerializer builds them from the model.
  const model = serializer.model ? models.byName(serializer.model) : undefined;
  if (model && serializer.fields) {
    const declared = new Set(serializer.declared.map((field) => field.name));
    const names = serializer.fields === 'all' ? model.fields.map((field) => field.name) : serializer.fields;
    for (const name of names) {
      if (declared.has(name)) continue;
      const field = model.fields.find((f) => f.name === name);
      const reverse = field ? undefined : models.reverse(model).get(name);
      if (field?.relation?.kind === 'many-to-many' || reverse) reads.push({ path: [...prefix, name], call: 'all', location });
      // depth nests forward keys; without it they are primary keys, read without a query.
      else if (field && IS_FORWARD(field.relation?.kind) && serializer.depth > 0) reads.push({ path: [...prefix, name], location });
    }
  }
  return reads;
}

function changelistLoop(admin: AdminDecl, model: ModelDecl): QueryLoop | undefined {
  const accesses: RowAccess[] = [];
  let autoSelect = false;
  for (const column of admin.listDisplay) {
    const at = column.location;
    const method = admin.methods.find((m) => m.name === column.name);
    const field = model.fields.find((f) => f.name === column.name);
    if (column.name === '__str__') accesses.push({ path: [], call: '__str__', location: at });
    else if (method) accesses.push(...method.accesses);
    else if (column.name.includes('__')) accesses.push({ path: column.name.split('__'), location: at });
    else if (field && IS_FORWARD(field.relation?.kind)) {
      // Django (up to 6.0) then calls select_related() without arguments, which skips nullable keys.
      autoSelect = true;
      accesses.push({ path: [column.name], location: at });
    } else if (!field && model.members?.some((member) => member.name === column.name)) {
      const member = model.members.find((m) => m.name === column.name)!;
      accesses.push(member.kind === 'property' ? { path: [column.name], location: at } : { path: [], call: column.name, location: at });
    }
  }
  if (accesses.length === 0) return undefined;
  // The changelist starts from ModelAdmin.get_queryset(); ChangeList.get_queryset() applies list_select_related
  // (or its own select_related()) only `if not qs.query.select_related` (django/contrib/admin/views/main.py).
  const own = admin.getQueryset;
  if (own === 'unknown') return undefined;
  const ownCalls = own ? ('query' in own ? own.query.calls : own.adds) : [];
  if (ownCalls.some((c) => c.computed)) return undefined;
  const joinsItself = ownCalls.some((c) => c.method === 'select_related');
  const selected = admin.listSelectRelated;
  const call = (args: string[]): QueryCall => ({ method: 'select_related', args, keywords: [], location: admin.location });
  const changelistCalls = joinsItself
    ? []
    : Array.isArray(selected)
      ? [call(selected)]
      : selected === true || (selected === undefined && autoSelect)
        ? [call([])]
        : [];
  const calls = [...ownCalls, ...changelistCalls];
  return {
    query: {
      model: model.name,
      manager: 'objects',
      stack: 'django',
      calls,
      location: admin.location,
      extendAt: admin.bodyEnd.position,
      // A get_queryset() that joins is where a fix would go, which list_select_related cannot reach.
      ...((selected === undefined || selected === false) && !joinsItself
        ? { declare: { at: admin.bodyEnd, attribute: 'list_select_related' as const } }
        : { closed: true }),
    },
    loop: admin.location,
    iteratedBy: `the ${admin.name} changelist`,
    variable: 'obj',
    accesses,
  };
}
