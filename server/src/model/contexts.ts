// What rules ask about the kind of code a place is in (see workspace/contexts.ts for how it is decided).
import type { ProjectModel } from './types';

/** Whether a query in `file` is a reason to index what it filters on: not when it is in tests, migrations, seeds or scripts. */
export function countsAsEvidence(model: Pick<ProjectModel, 'fileContexts'>, file: string): boolean {
  return model.fileContexts.get(file)?.evidence !== false;
}

/** Whether `file` is test code (the `test` context: `tests/`, `test_*.py`, `conftest.py`, or the project's own globs). */
export function isTestCode(model: Pick<ProjectModel, 'fileContexts'>, file: string): boolean {
  return model.fileContexts.get(file)?.name === 'test';
}
