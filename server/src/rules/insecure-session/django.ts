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
  const direct = deployable.flatMap((settings) => checkSettings(model, settings));
  // A base that Django also runs directly (manage.py names it) already has the real finding.
  const at = (finding: Finding) => `${finding.file}:${finding.range.start.line}`;
  const reported = new Set(direct.map(at));
  const overridden = deployable.flatMap((settings) => overriddenInBases(model, settings)).filter((finding) => !reported.has(at(finding)));
  return [...direct, ...overridden];
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
