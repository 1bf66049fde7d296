// `import os`, `from django.db.models import Count`: added after the module's docstring and imports,
// unless the file already binds the name.
import type { ProjectModel, TextEdit } from '../../../model/types';

export function addPythonImport(model: ProjectModel, file: string, module: string, name?: string): TextEdit[] {
  const facts = model.files.get(file);
  const imports = facts?.imports ?? [];
  if (name ? imports.includes(`${module}.${name}`) : bindsModule(imports, module)) return [];
  const at = facts?.settings?.importInsert ?? facts?.importInsert ?? { position: { line: 0, character: 0 }, indent: '' };
  const line = name ? `from ${module} import ${name}` : `import ${module}`;
  return [{ file, range: { start: at.position, end: at.position }, newText: `${line}\n` }];
}

/** `import os` lists `os` and no child; `from os import environ` also lists `os`, but binds only `environ`. */
function bindsModule(imports: readonly string[], module: string): boolean {
  return imports.includes(module) && !imports.some((spec) => spec.startsWith(`${module}.`));
}
