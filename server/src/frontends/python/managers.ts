// Custom managers and querysets: what their get_queryset() adds to every query of a model
// (`return super().get_queryset().select_related("author")`), and which attribute of a model holds
// which manager (`objects = BookManager()`, `BookQuerySet.as_manager()`, `Manager.from_queryset(QS)()`).
import type { Node } from 'web-tree-sitter';
import type { QueryCall, QuerySite } from '../../model/types';
import { baseNames } from './syntax';
import { readQueryChain } from './query-chains';
import { assignmentOf, callParts, descendants, lastSegment, locationOf, namedChildren } from './syntax';

export function readManagerClasses(root: Node, file: string): { name: string; calls: QueryCall[] }[] {
  return namedChildren(root).flatMap((definition) => {
    if (definition.type !== 'class_definition' || !baseNames(definition).some((base) => /(Manager|QuerySet)$/.test(lastSegment(base))))
      return [];
    const name = definition.childForFieldName('name')!.text;
    const getQueryset = [...descendants(definition)].find(
      (node) => node.type === 'function_definition' && node.childForFieldName('name')?.text === 'get_queryset',
    );
    return [{ name, calls: getQueryset ? defaultCalls(getQueryset, file) : [] }];
  });
}

function defaultCalls(fn: Node, file: string): QueryCall[] {
  const returned = [...descendants(fn)].find((node) => node.type === 'return_statement')?.namedChildren[0];
  if (!returned) return [];
  const base: QuerySite = {
    model: '',
    manager: '',
    stack: 'django',
    calls: [],
    location: locationOf(file, returned),
    extendAt: locationOf(file, returned).range.end,
  };
  const chain = readQueryChain(returned, file, new Map([['base', base]]), (node) =>
    /^super\(.*\)\.get_queryset\(\)$/.test(node.text) ? 'base' : undefined,
  );
  return chain?.calls ?? [];
}

/** `objects = BookManager()` → the manager class; also `QS.as_manager()` and `Manager.from_queryset(QS)()`. */
export function readManagerAttribute(statement: Node): { attribute: string; className: string } | undefined {
  const assignment = assignmentOf(statement);
  const target = assignment?.childForFieldName('left');
  const value = assignment?.childForFieldName('right');
  if (target?.type !== 'identifier' || value?.type !== 'call') return undefined;
  const fn = value.childForFieldName('function');
  if (fn?.type === 'call') {
    const { callee, positional } = callParts(fn);
    if (callee && lastSegment(callee) === 'from_queryset' && positional[0])
      return { attribute: target.text, className: lastSegment(positional[0].text) };
  }
  const { callee } = callParts(value);
  if (!callee) return undefined;
  if (lastSegment(callee) === 'as_manager')
    return { attribute: target.text, className: lastSegment(callee.slice(0, callee.lastIndexOf('.'))) };
  return /(Manager|QuerySet)$/.test(lastSegment(callee)) && lastSegment(callee) !== 'Manager'
    ? { attribute: target.text, className: lastSegment(callee) }
    : undefined;
}
