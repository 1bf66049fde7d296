// The Python frontend's fix writer: each change of a plan, written as Python in the file it edits.
import type { Change } from '../../../model/fix-plans';
import type { ProjectModel, TextEdit } from '../../../model/types';
import { addPythonImport } from './imports';
import { addKeywordArguments } from './keywords';
import { moveListEntry, insertListEntry } from './middleware-list';
import { addDjangoIndex } from './model-index';
import { addQuerysetCall } from './querysets';
import { replacePythonValue, setSetting } from './settings';

export function writePythonChange(change: Change, model: ProjectModel): TextEdit[] | undefined {
  switch (change.kind) {
    case 'replace-value':
    case 'replace-expression':
      return replacePythonValue(model, change.at, change.value);
    case 'set-setting':
      return setSetting(model, change.module, change.name, change.value, change.assignment);
    case 'add-import':
      return addPythonImport(model, change.file, change.module, change.name);
    case 'add-keyword-arguments':
      return addKeywordArguments(model, change.call, change.keywords);
    case 'add-model-index':
      return addDjangoIndex(change.model, change.fields, change.form);
    case 'add-queryset-call':
      return addQuerysetCall(change.query, change.method, change.args, change.keywords);
    case 'add-chain-entry':
      return insertListEntry(change.chain, change.name, change.before);
    case 'move-entry':
      return moveListEntry(model, change.chain, change.entry, change.anchor, change.where);
    default:
      return undefined;
  }
}
