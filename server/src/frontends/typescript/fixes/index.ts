// The TypeScript frontend's fix writer: each change of a plan, written as TypeScript or JavaScript.
import type { Change } from '../../../model/fix-plans';
import type { ProjectModel, TextEdit } from '../../../model/types';
import { addEntityIndex, addFieldDecorator } from './decorators';
import { readAllBeforeLoop } from './hoist-lookup';
import { addNamedImport } from './imports';
import { inlineObjectEntry } from './inline-entry';
import { joinRelation, loadWithList } from './list-loading';
import { addObjectEntry, replaceTypescriptValue } from './objects';
import { moveStatement } from './statements';

export function writeTypescriptChange(change: Change, model: ProjectModel): TextEdit[] | undefined {
  switch (change.kind) {
    case 'replace-value':
    case 'replace-expression':
      return replaceTypescriptValue(change.at, change.value);
    case 'add-object-entry':
      return addObjectEntry(change.object, change.key, change.value);
    case 'inline-object-entry':
      return inlineObjectEntry(change.object, change.key);
    case 'add-import':
      return addNamedImport(model, change.file, change.module, change.name);
    case 'add-decorator':
      return addFieldDecorator(model, change.field, change.decorator, change.module);
    case 'add-model-index':
      return addEntityIndex(model, change.model, change.fields);
    case 'move-entry':
      return moveStatement(change.entry, change.anchor, change.where);
    case 'load-relation':
      return loadWithList(change.list, change.stack, change.relation, change.file);
    case 'join-relation':
      return joinRelation(change.file, change.at, change.alias, change.relation);
    case 'read-all-before-loop':
      return readAllBeforeLoop(model, change.query, change.column);
    default:
      return undefined;
  }
}
