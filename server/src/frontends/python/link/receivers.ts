// A Django receiver fires only once the module that connects it has been imported. Django imports
// some modules itself (each app's models, admin and apps modules, the URLconf); any other module,
// usually `signals.py`, must be imported by the project, typically from `AppConfig.ready()`.
import { basename, dirname } from 'node:path';
import { resolveImport } from '../../../model/python-modules';
import type { FileFacts, SignalDecl } from '../../../model/types';

/** Modules Django loads on its own: app registry population, admin autodiscovery, ROOT_URLCONF. */
const LOADED_BY_DJANGO = new Set(['models', 'admin', 'apps', 'urls']);

function loadedByDjango(file: string): boolean {
  const stem = basename(file).replace(/\.py$/, '');
  // A `models/` package: Django imports its __init__, which imports the submodules.
  return LOADED_BY_DJANGO.has(stem) || (stem === '__init__' && LOADED_BY_DJANGO.has(basename(dirname(file))));
}

/** The Python files some other file of the project imports. */
export function importedFiles(files: ReadonlyMap<string, FileFacts>): Set<string> {
  const has = (file: string) => files.has(file);
  const imported = new Set<string>();
  for (const facts of files.values()) {
    for (const spec of facts.imports ?? []) {
      const target = resolveImport(facts.file, spec, has);
      if (target && target !== facts.file) imported.add(target);
    }
  }
  return imported;
}

/** Django receivers with `connected` set from the project's imports; other signals unchanged. */
export function linkReceivers(signals: readonly SignalDecl[], files: ReadonlyMap<string, FileFacts>): SignalDecl[] {
  if (!signals.some((signal) => signal.stack === 'django')) return [...signals];
  const imported = importedFiles(files);
  return signals.map((signal) => {
    if (signal.stack !== 'django') return signal;
    const file = signal.location.file;
    return { ...signal, connected: loadedByDjango(file) || imported.has(file) };
  });
}
