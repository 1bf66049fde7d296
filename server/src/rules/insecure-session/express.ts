import type { Finding, ProjectModel } from '../../model/types';

/** express-session configurations found in TypeScript/JavaScript files. */
export function checkExpressSessions(_model: ProjectModel): Finding[] {
  return [];
}
