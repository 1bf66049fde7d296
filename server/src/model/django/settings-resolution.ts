// Django reads one settings module, but projects split it: `production.py` does
// `from .base import *` and overrides a few names. A setting's effective value is the last
// assignment along that chain, and a finding belongs where that assignment is written.
import { basename, dirname } from 'node:path';
import { isTestCode } from '../contexts';
import { resolveImport } from '../python-modules';
import type { ProjectModel, SettingAssignment, SettingsModule } from '../types';

export interface EffectiveSettings {
  /** The module Django would be pointed at (one that no other settings module star-imports). */
  module: SettingsModule;
  /** Every setting visible in that module, with the assignment that wins. */
  values: Map<string, SettingAssignment>;
  /** A star import could not be followed (a third-party or missing module): a setting may be set there. */
  incomplete: boolean;
  /**
   * The module is named for development or tests (`dev.py`, `local.py`, `settings/test.py`), is an example, or sits in a test folder:
   * deploy checks do not apply.
   */
  development: boolean;
  /** The modules it star-imports, directly or not. */
  bases: SettingsModule[];
}

const DEVELOPMENT_NAMES = new Set(['dev', 'develop', 'development', 'local', 'test', 'tests', 'testing', 'ci']);
/** A file the administrator copies and fills in (`configuration_example.py`, `settings.sample.py`): its values are placeholders. */
const EXAMPLE_NAMES = new Set(['example', 'examples', 'sample', 'template', 'tpl']);

/**
 * Whether a settings module's name says a deployment does not run it: named for development or tests
 * (`dev.py`, `settings_test.py`, `local_settings.py`) or an example to copy (`configuration_example.py`).
 */
export function isDevelopmentModule(file: string): boolean {
  const stem = basename(file).replace(/\.py$/, '');
  const words = stem === '__init__' ? [basename(dirname(file))] : stem.split(/[_.-]/);
  return words.some((word) => DEVELOPMENT_NAMES.has(word.toLowerCase()) || EXAMPLE_NAMES.has(word.toLowerCase()));
}

/**
 * Whether a deployment does not run the module: by its name (above), or because it is test code
 * (`tests/settings.py`, `tests/config.py`: the module the test runner, e.g. pytest-django's
 * `DJANGO_SETTINGS_MODULE` in pytest.ini, is pointed at).
 */
function notDeployed(model: Pick<ProjectModel, 'fileContexts'>, file: string): boolean {
  return isDevelopmentModule(file) || isTestCode(model, file);
}

/**
 * The settings modules Django can be pointed at (those no deployable settings module star-imports),
 * each with its settings merged along its star imports.
 */
export function effectiveSettings(model: ProjectModel): EffectiveSettings[] {
  const hasSettings = (file: string) => model.settings.has(file);
  const hasFile = (file: string) => model.files.has(file);
  const imported = new Set<string>();
  // A development module that builds on production.py does not stop production.py from being deployed.
  for (const module of model.settings.values()) {
    if (notDeployed(model, module.file)) continue;
    for (const spec of module.starImports) {
      const target = resolveImport(module.file, spec, hasFile);
      if (target && hasSettings(target)) imported.add(target);
    }
  }
  // The module manage.py, wsgi.py or asgi.py names is one Django runs, even when another builds on it.
  const named = new Set<string>();
  for (const facts of model.files.values()) {
    for (const name of facts.settingsModuleNames ?? []) {
      const target = resolveImport(facts.file, name, hasFile);
      if (target && hasSettings(target)) named.add(target);
    }
  }
  const leaves = [...model.settings.values()].filter((module) => !imported.has(module.file) || named.has(module.file));
  return leaves.map((module) => mergeSettings(model, module));
}

/** One settings module's view of the settings: its own assignments over those of its star imports. */
export function mergeSettings(model: ProjectModel, leaf: SettingsModule): EffectiveSettings {
  const values = new Map<string, SettingAssignment>();
  let incomplete = false;
  const visiting = new Set<string>();
  const visit = (module: SettingsModule) => {
    if (visiting.has(module.file)) return; // an import cycle: each module counts once
    visiting.add(module.file);
    for (const spec of module.starImports) {
      const target = resolveImport(module.file, spec, (file) => model.files.has(file));
      const base = target ? model.settings.get(target) : undefined;
      if (base) visit(base);
      else if (!target) incomplete = true; // a module of the workspace that sets nothing changes nothing
    }
    // Python runs the star imports where they are written; they sit at the top in practice, so the
    // module's own assignments override them.
    for (const [name, assignment] of module.assignments) values.set(name, assignment);
  };
  visit(leaf);
  const bases = [...visiting].filter((file) => file !== leaf.file).map((file) => model.settings.get(file)!);
  return { module: leaf, values, incomplete, development: notDeployed(model, leaf.file), bases };
}
