import { effectiveSettings, type EffectiveSettings, mergeSettings } from '../../model/django/settings-resolution';
import type { Finding, ProjectModel } from '../../model/types';
import { djangoContext } from './django-context';
import { checkCookieFlags, checkSameSite } from './django-cookies';
import { checkSecretKey, checkDebug, checkSessionStorage } from './django-secrets';
import { checkSessionLifetime } from './django-lifetime';

/**
 * Django settings modules: the session, CSRF, cookie, secret and debug checks, on the settings as
 * Django would see them (star imports followed). Modules named for development or tests are
 * skipped: DEBUG = True and a local secret are what they are for.
 */
export function checkDjangoSettings(model: ProjectModel): Finding[] {
  const deployable = effectiveSettings(model).filter((settings) => !settings.development);
  return [...deployable.flatMap((settings) => checkSettings(model, settings)), ...deployable.flatMap((settings) => overriddenInBases(model, settings))];
}

function checkSettings(model: ProjectModel, settings: EffectiveSettings): Finding[] {
  const context = djangoContext(model, settings);
  return [
    ...checkSecretKey(context),
    ...checkDebug(context),
    ...checkCookieFlags(context),
    ...checkSameSite(context),
    ...checkSessionStorage(context),
    ...checkSessionLifetime(context),
  ];
}

/**
 * An insecure assignment in base.py that production.py overrides is not in effect where it is
 * deployed, but it is wherever base.py is used directly: one info finding, in base.py.
 */
function overriddenInBases(model: ProjectModel, leaf: EffectiveSettings): Finding[] {
  return leaf.bases.flatMap((base) => {
    const ownAssignments = [...base.assignments.values()];
    return checkSettings(model, mergeSettings(model, base)).flatMap((finding) => {
      const assignment = ownAssignments.find((a) => a.location.file === finding.file && a.location.range.start.line === finding.range.start.line);
      const effective = assignment ? leaf.values.get(assignment.name) : undefined;
      if (!assignment || !effective || effective === assignment) return [];
      const where = effective.location.file.split(/[\\/]/).pop();
      return [{ ...finding, severity: 'info' as const, message: `Overridden in ${where}, so this applies only where this module is used directly: ${finding.message}`, related: [{ location: effective.location, message: `the assignment in effect when Django uses ${where}` }] }];
    });
  });
}
