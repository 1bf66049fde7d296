// Django templates, parsed with the Lezer Jinja grammar (@codemirror/lang-jinja): Django's tag and
// variable syntax is the Jinja subset it shares, and the grammar recovers from the tags it does not
// know (`{% url %}`, `{% csrf_token %}`). The facts are the `{% for %}` loops and what they read.
import { jinjaLanguage } from '@codemirror/lang-jinja';
import type { SyntaxNode } from '@lezer/common';
import { sep } from 'node:path';
import type { RowAccess, TemplateLoop } from '../../model/types';
import type { Frontend } from '../frontend';
import { bracketSuppression, emptyFacts } from '../frontend';
import { writeTemplateChange } from './fixes';
import { LineIndex } from './line-index';

/** Manager and queryset methods a template calls when it reads them (`{{ a.books.count }}`). */
const CALLED = new Set([
  'all',
  'count',
  'exists',
  'first',
  'last',
  'values',
  'values_list',
  'order_by',
  'filter',
  'select_related',
  'prefetch_related',
]);

export const djangoTemplateFrontend: Frontend = {
  language: 'django-template',
  globs: ['**/templates/**/*.{html,txt,djhtml}'],
  comments: { start: '{# ', end: ' #}', suppression: bracketSuppression },
  // Templates live in a `templates` folder by Django's convention (APP_DIRS and most DIRS settings).
  handles: (file) => /\.(html|txt|djhtml)$/.test(file) && file.split(sep).includes('templates'),
  init: async () => {},
  analyze(file, text) {
    const facts = emptyFacts(file, 'django-template');
    const lines = new LineIndex(text);
    const tree = jinjaLanguage.parser.parse(text);
    const loops: TemplateLoop[] = [];
    tree.iterate({
      enter: (ref) => {
        if (ref.name === 'Comment') facts.comments.push({ line: lines.position(ref.from).line, text: text.slice(ref.from, ref.to) });
        if (ref.name !== 'ForStatement') return;
        const loop = readLoop(ref.node, text, file, lines);
        if (loop) loops.push(loop);
      },
    });
    facts.templateLoops = loops;
    return facts;
  },
  writeChange: writeTemplateChange,
};

function readLoop(statement: SyntaxNode, text: string, file: string, lines: LineIndex): TemplateLoop | undefined {
  const tag = statement.getChild('Tag');
  const definition = tag?.getChild('Definition');
  if (!tag || !definition) return undefined;
  const variable = text.slice(definition.from, definition.to);
  const iterableNode = tag.getChild('MemberExpression') ?? tag.getChild('VariableName');
  const iterable = iterableNode ? memberPath(iterableNode, text) : undefined;
  if (!iterable) return undefined;
  const accesses: RowAccess[] = [];
  const cursor = statement.cursor();
  // Everything after the opening tag is the body (nested loops' iterables included: they are reads too).
  while (cursor.next() && cursor.from < statement.to) {
    if (cursor.from < tag.to) continue;
    if (cursor.name === 'MemberExpression' && cursor.node.parent?.name !== 'MemberExpression') {
      const path = memberPath(cursor.node, text);
      if (path && path[0] === variable && path.length > 1) accesses.push(access(path.slice(1), cursor.from, cursor.to, file, lines));
    } else if (
      cursor.name === 'VariableName' &&
      text.slice(cursor.from, cursor.to) === variable &&
      cursor.node.parent?.name === 'Interpolation'
    ) {
      // `{{ book }}` renders str(book).
      accesses.push({ path: [], call: '__str__', location: { file, range: lines.range(cursor.from, cursor.to) } });
    }
  }
  return { iterable, variable, accesses, location: { file, range: lines.range(tag.from, tag.to) } };
}

function access(path: string[], from: number, to: number, file: string, lines: LineIndex): RowAccess {
  const last = path[path.length - 1];
  const location = { file, range: lines.range(from, to) };
  return CALLED.has(last) && path.length > 1 ? { path: path.slice(0, -1), call: last, location } : { path, location };
}

/** `author.books.all` → ['author', 'books', 'all']; undefined for anything but names and dots. */
function memberPath(node: SyntaxNode, text: string): string[] | undefined {
  if (node.name === 'VariableName') return [text.slice(node.from, node.to)];
  if (node.name !== 'MemberExpression') return undefined;
  const object = node.firstChild;
  const property = node.getChild('PropertyName');
  if (!object || !property) return undefined;
  const base = memberPath(object, text);
  return base ? [...base, text.slice(property.from, property.to)] : undefined;
}
