import { effectiveSettings, type EffectiveSettings, mergeSettings } from '../../model/django/settings-resolution';
import type { Location, ProjectModel } from '../../model/types';
import type { Check } from '../check';
import { type Report, type ReportDetails, reportMessage } from '../rule';
import { insecureBaseSetting } from './checks/insecure-base-setting';
import { djangoContext } from './django-context';
import { checkCookieFlags, checkSameSite } from './django-cookies';
import { checkSecretKey, checkDebug, checkSessionStorage } from './django-secrets';
import { checkSessionLifetime } from './django-lifetime';

/**
 * Django settings modules: the session, CSRF, cookie, secret and debug checks, on the settings as
 * Django would see them (star imports followed). Modules named for development or tests are
 * skipped: DEBUG = True and a local secret are what they are for.
 */
export function checkDjangoSettings(model: ProjectModel, report: Report): void {
  const deployable = effectiveSettings(model).filter((settings) => !settings.development);
  // A base that Django also runs directly (manage.py names it) already has the real finding.
  const reported = new Set<string>();
  const direct: Report = (check, at, details) => {
    reported.add(lineOf(at));
    report(check, at, details);
  };
  for (const settings of deployable) checkSettings(settings, direct);
  for (const settings of deployable) checkOverriddenBases(model, settings, reported, report);
}

function checkSettings(settings: EffectiveSettings, report: Report): void {
  const context = djangoContext(settings, report);
  checkSecretKey(context);
  checkDebug(context);
  checkCookieFlags(context);
  checkSameSite(context);
  checkSessionStorage(context);
  checkSessionLifetime(context);
}

/**
 * An insecure assignment in base.py that production.py overrides is not in effect where it is
 * deployed, but it is wherever base.py is used directly: one info finding, in base.py, that says
 * what the check would have said.
 */
function checkOverriddenBases(model: ProjectModel, leaf: EffectiveSettings, reported: ReadonlySet<string>, report: Report): void {
  for (const base of leaf.bases) {
    const ownAssignments = [...base.assignments.values()];
    const overridden: Report = (check, at, details = {}) => {
      const assignment = ownAssignments.find((a) => a.location.file === at.file && a.location.range.start.line === at.range.start.line);
      const effective = assignment ? leaf.values.get(assignment.name) : undefined;
      if (!assignment || !effective || effective === assignment || reported.has(lineOf(at))) return;
      const where = effective.location.file.split(/[\\/]/).pop() ?? '';
      report(insecureBaseSetting, at, {
        message: 'message',
        data: { where, finding: reportMessage(check, details) },
        fixes: details.fixes,
        related: [{ location: effective.location, message: insecureBaseSetting.text('related', { where }) }],
      });
    };
    checkSettings(mergeSettings(model, base), overridden);
  }
}

const lineOf = (at: Location) => `${at.file}:${at.range.start.line}`;
