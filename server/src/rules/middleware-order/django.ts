import type { Finding, ProjectModel } from '../../model/types';

/** Django MIDDLEWARE lists: entries that break the documented order. */
export function checkDjangoMiddleware(_model: ProjectModel): Finding[] {
  return [];
}
