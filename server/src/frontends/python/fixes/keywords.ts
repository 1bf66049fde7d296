// Keyword arguments added to a cookie write: `response.set_cookie("sid", value, secure=True, httponly=True)`.
import type { NewValue } from '../../../model/fix-plans';
import type { CookieWrite, ProjectModel, TextEdit } from '../../../model/types';
import { addPythonImport } from './imports';
import { spellPython } from './spell';

/**
 * Appends `, name=value` for each keyword after the call's last argument. An option already written (as
 * False, say) is a choice to change, not to add to: then, or when the call's end is not known, no fix.
 */
export function addKeywordArguments(
  model: ProjectModel,
  call: CookieWrite,
  keywords: readonly { name: string; value: NewValue }[],
): TextEdit[] | undefined {
  const at = call.argumentInsert;
  if (!at || keywords.some((keyword) => call.options.entries.some((entry) => entry.key === keyword.name))) return undefined;
  const spelled = keywords.map((keyword) => ({ name: keyword.name, ...spellPython(keyword.value) }));
  const file = call.location.file;
  const newText = spelled.map((keyword) => `, ${keyword.name}=${keyword.text}`).join('');
  const edits: TextEdit[] = [{ file, range: { start: at, end: at }, newText }];
  if (spelled.some((keyword) => keyword.needsOs)) edits.push(...addPythonImport(model, file, 'os'));
  return edits;
}
