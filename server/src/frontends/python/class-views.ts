// Django's generic list views: `class AuthorList(ListView)` renders a template with its queryset
// (from `queryset`, `get_queryset()` or `model`) under `object_list` and `<model>_list` or
// `context_object_name`, in `template_name` or `<app>/<model>_list.html`.
import type { Node } from 'web-tree-sitter';
import type { QuerySite, TemplateRender } from '../../model/types';
import { appLabel } from './models';
import { baseNames } from './syntax';
import { readQueryChain } from './query-chains';
import { assignmentOf, descendants, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

const LIST_VIEWS = new Set([
  'ListView',
  'ArchiveIndexView',
  'YearArchiveView',
  'MonthArchiveView',
  'DayArchiveView',
  'WeekArchiveView',
  'TodayArchiveView',
  'MultipleObjectTemplateResponseMixin',
]);

export function readListViews(root: Node, file: string): TemplateRender[] {
  return namedChildren(root).flatMap((statement) => {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type !== 'class_definition' || !baseNames(definition).some((base) => LIST_VIEWS.has(lastSegment(base)))) return [];
    const render = readListView(definition, file);
    return render ? [render] : [];
  });
}

function readListView(definition: Node, file: string): TemplateRender | undefined {
  const body = definition.childForFieldName('body');
  if (!body) return undefined;
  const attributes = new Map<string, Node>();
  let statementOfModel: Node | undefined;
  let getQueryset: Node | undefined;
  for (const statement of namedChildren(body)) {
    const assignment = assignmentOf(statement);
    const name = assignment?.childForFieldName('left')?.text;
    const value = assignment?.childForFieldName('right');
    if (name && value) {
      attributes.set(name, value);
      if (name === 'model') statementOfModel = statement;
    }
    const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === 'get_queryset') getQueryset = fn;
  }
  const modelName = attributes.get('model')?.text;
  const query =
    fromGetQueryset(getQueryset, file, modelName) ??
    fromAttribute(attributes.get('queryset'), file) ??
    fromModel(modelName, statementOfModel, file);
  if (!query) return undefined;
  const lower = query.model.toLowerCase();
  const template = attributes.get('template_name');
  const templates = template && stringValue(template) !== undefined ? [stringValue(template)!] : [`${appLabel(file)}/${lower}_list.html`];
  const contextName = attributes.get('context_object_name');
  const names = ['object_list', contextName ? stringValue(contextName) : `${lower}_list`].filter((name): name is string => !!name);
  return {
    templates,
    context: names.map((name) => ({ name, query })),
    location: locationOf(file, definition.childForFieldName('name') ?? definition),
  };
}

function fromAttribute(value: Node | undefined, file: string): QuerySite | undefined {
  return value ? readQueryChain(value, file) : undefined;
}

/** `model = Author` alone: the view lists `Author.objects.all()`; a fix declares a `queryset` beside it. */
function fromModel(modelName: string | undefined, statement: Node | undefined, file: string): QuerySite | undefined {
  if (!modelName || !statement) return undefined;
  const end = { line: statement.endPosition.row, character: statement.endPosition.column };
  return {
    model: modelName,
    manager: 'objects',
    stack: 'django',
    calls: [],
    location: locationOf(file, statement),
    extendAt: end,
    declare: { at: { position: end, indent: ' '.repeat(statement.startPosition.column) }, attribute: 'queryset' },
  };
}

/** `return Book.objects.filter(...)` or `return super().get_queryset().select_related(...)`. */
function fromGetQueryset(fn: Node | undefined, file: string, modelName: string | undefined): QuerySite | undefined {
  if (!fn) return undefined;
  for (const node of descendants(fn)) {
    if (node.type !== 'return_statement') continue;
    const value = node.namedChildren[0];
    if (!value) continue;
    const direct = readQueryChain(value, file);
    if (direct) return direct;
    if (modelName && value.text.startsWith('super().get_queryset()')) {
      const base: QuerySite = {
        model: modelName,
        manager: 'objects',
        stack: 'django',
        calls: [],
        location: locationOf(file, value),
        extendAt: locationOf(file, value).range.end,
      };
      const chained = readQueryChain(value, file, new Map([['__base__', base]]), (root) =>
        root.text === 'super().get_queryset()' ? '__base__' : undefined,
      );
      return chained ?? base;
    }
  }
  return undefined;
}
