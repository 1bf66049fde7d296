// The Python frontend: one tree-sitter parse per file, then the Django facts the rules and the
// explorer read: settings, MIDDLEWARE, models, receivers, imports, comments and syntax errors.
import type { Node } from 'web-tree-sitter';
import type { FileFacts, InsertPoint } from '../../model/types';
import type { Frontend } from '../frontend';
import { bracketSuppression, emptyFacts } from '../frontend';
import { codingCookie } from './coding-cookie';
import { writePythonChange } from './fixes';
import { linkPython } from './link';
import { type ImportBinding, readImport } from './imports';
import { isModelClass, readModel, type ModelContext } from './models';
import { loadPythonParser, parsePython } from './parser';
import { syntaxProblem } from './problems';
import { readSettingsModuleName, SettingsCollector } from './settings';
import { readCookieWrites } from './cookies';
import { readAdmins } from './admin';
import { readListViews } from './class-views';
import { readManagerClasses } from './managers';
import { readApiViews, readSerializers } from './drf';
import { readQueries, readQueryFlow } from './queries';
import { readViews } from './views';
import { readInclusionTags } from './template-tags';
import { readConnectCall, readReceiverDecorators, readSignalDefinition, readSignalSend } from './signals';
import { assignmentOf, descendants, MAX_WALK_DEPTH, namedChildren, rangeOf, walk } from './syntax';
import { Outline } from '../outline';
import { bindAssignment, bindImport, newScope } from './values';

export const pythonFrontend: Frontend = {
  language: 'python',
  globs: ['**/*.py'],
  handles: (file) => file.endsWith('.py'),
  comments: { start: '# ', end: '', suppression: bracketSuppression },
  writeChange: writePythonChange,
  declaredEncoding: codingCookie,
  link: linkPython,
  init: loadPythonParser,
  analyze(file, text) {
    const facts = emptyFacts(file, 'python');
    const tree = parsePython(text);
    try {
      extract(file, text, tree.rootNode, facts);
    } finally {
      tree.delete();
    }
    return facts;
  },
};

const MAX_PROBLEMS = 20;

function extract(file: string, text: string, root: Node, facts: FileFacts): void {
  const imports = new Set<string>();
  const outline = new Outline();
  // Every walk stops at the same depth; this one says so, once per file.
  const tooDeep = (node: Node) => {
    if (facts.notes?.length) return;
    facts.notes = [
      { message: `nested deeper than ${MAX_WALK_DEPTH} levels (generated code?): what lies deeper is not analysed`, range: rangeOf(node) },
    ];
  };
  for (const { node, parent } of walk(root, tooDeep)) {
    if (node.type === 'comment') facts.comments.push({ line: node.startPosition.row, text: node.text });
    else if ((node.isError || node.isMissing) && facts.problems.length < MAX_PROBLEMS) facts.problems.push(syntaxProblem(node));
    else if (node.type === 'decorated_definition') facts.signals.push(...readReceiverDecorators(node, file));
    else if (node.type === 'class_definition' || node.type === 'function_definition') addDefinition(node, parent, outline);
    else if (node.type === 'call') {
      const named = readSettingsModuleName(node);
      if (named) (facts.settingsModuleNames ??= []).push(named);
      const connected = readConnectCall(node, file);
      if (connected) facts.signals.push(connected);
      const sent = readSignalSend(node, file);
      if (sent) (facts.signalSources ??= []).push(sent);
    } else {
      for (const module of readImport(node)?.modules ?? []) imports.add(module);
    }
  }
  facts.imports = [...imports];
  facts.symbols = outline.symbols;
  readModule(file, text, root, facts);
  facts.queries = readQueries(root, file);
  const flow = readQueryFlow(root, file);
  facts.queryLoops = flow.loops;
  facts.deferredLoops = flow.deferred;
  facts.queryHandoffs = flow.handoffs;
  facts.renders = [...flow.renders, ...readListViews(root, file), ...readInclusionTags(root, file)];
  facts.serializers = readSerializers(root, file);
  facts.apiViews = readApiViews(root, file);
  facts.admins = readAdmins(root, file);
  facts.managerClasses = readManagerClasses(root, file);
  facts.views = readViews(root, file);
}

/** A class or function in the outline; its decorators are part of it (a finding on `@csrf_exempt` is in the view). */
function addDefinition(node: Node, parent: Node | undefined, outline: Outline): void {
  const name = node.childForFieldName('name')?.text;
  if (!name) return;
  const definition = parent?.type === 'decorated_definition' ? parent : node;
  outline.add(name, node.type === 'class_definition' ? 'class' : 'function', rangeOf(definition));
}

/** Module-level statements in order: what they bind, the settings they assign, the models they declare. */
function readModule(file: string, text: string, root: Node, facts: FileFacts): void {
  const scope = newScope(file);
  const settings = new SettingsCollector(scope);
  const bindings = new Map<string, ImportBinding>();
  const models: ModelContext = { file, bindings, known: new Set() };
  let importInsert: InsertPoint | undefined;

  const visit = (block: Node, conditional: boolean) => {
    for (const statement of namedChildren(block)) {
      switch (statement.type) {
        case 'if_statement':
          for (const part of namedChildren(statement)) {
            if (part.type === 'block') visit(part, true);
            else if (part.type === 'elif_clause' || part.type === 'else_clause') visit(part, true);
          }
          break;
        case 'try_statement':
        case 'with_statement':
        case 'except_clause':
        case 'finally_clause':
        case 'else_clause':
        case 'elif_clause':
        case 'block':
          visit(statement, conditional);
          break;
        case 'import_statement':
        case 'import_from_statement':
        case 'future_import_statement': {
          const read = readImport(statement);
          if (!read) break;
          if (read.star) settings.starImport(read.star);
          for (const binding of read.bindings) {
            bindings.set(binding.alias.split('.')[0], binding);
            bindImport(scope, binding.module, binding.name, binding.alias);
          }
          if (block === root) importInsert = { position: { line: statement.endPosition.row + 1, character: 0 }, indent: '' };
          break;
        }
        case 'class_definition':
          if (isModelClass(statement, models)) {
            const model = readModel(statement, models);
            if (model) {
              facts.models.push(model);
              models.known.add(model.name);
            }
          }
          break;
        case 'expression_statement': {
          const assignment = assignmentOf(statement);
          const target = assignment?.childForFieldName('left');
          const value = assignment?.childForFieldName('right');
          if (!assignment || !target || !value) {
            if (
              block === root &&
              !importInsert &&
              statement.id === root.namedChildren[0]?.id &&
              statement.namedChildren[0]?.type === 'string'
            ) {
              importInsert = { position: { line: statement.endPosition.row + 1, character: 0 }, indent: '' };
            }
            break;
          }
          const operator = assignment.type === 'augmented_assignment' ? (assignment.childForFieldName('operator')?.text ?? '') : '=';
          if (target.type === 'identifier') bindAssignment(scope, target.text, value);
          const defined = block === root ? readSignalDefinition(target, value, file) : undefined;
          if (defined) (facts.signalSources ??= []).push(defined);
          settings.assign(target, operator, value, statement, conditional);
          break;
        }
      }
    }
  };
  visit(root, false);
  facts.cookieWrites = readCookieWrites(root, scope);

  facts.importInsert = importInsert ?? { position: { line: 0, character: 0 }, indent: '' };
  if (settings.isSettingsModule(file)) {
    facts.settings = settings.module(file, endOf(text), importInsert ?? { position: { line: 0, character: 0 }, indent: '' });
    const chain = settings.middleware(file, moduleLabel(file));
    if (chain) facts.middleware.push(chain);
  }
}

function endOf(text: string): InsertPoint {
  const lines = text.split('\n');
  return { position: { line: lines.length - 1, character: lines[lines.length - 1].length }, indent: '' };
}

/** `shop/settings.py` → `shop.settings`: the settings module as DJANGO_SETTINGS_MODULE usually names it. */
function moduleLabel(file: string): string {
  const parts = file.replace(/\.py$/, '').split(/[\\/]/).filter(Boolean);
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.slice(-2).join('.');
}
