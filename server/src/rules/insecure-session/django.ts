import type { Finding, ProjectModel } from '../../model/types';

/** Django settings modules: the session, CSRF, cookie, secret and debug checks. */
export function checkDjangoSettings(_model: ProjectModel): Finding[] {
  return [];
}
