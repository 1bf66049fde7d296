// What every Django settings check needs: the effective settings of one module Django can be
// pointed at, which session and CSRF machinery it installs, and how to word a finding.
import { basename } from 'node:path';
import type { EffectiveSettings } from '../../model/django/settings-resolution';
import type { Finding, Fix, Location, ProjectModel, SettingAssignment, Severity, Value } from '../../model/types';
import { stringItems } from '../../model/django/setting-values';

export const SESSIONS_APP = 'django.contrib.sessions';
export const SESSION_MIDDLEWARE = 'django.contrib.sessions.middleware.SessionMiddleware';
export const CSRF_MIDDLEWARE = 'django.middleware.csrf.CsrfViewMiddleware';

/** Whether a list setting holds an entry: its string literal, `false` when it is known not to, undefined when the list cannot be read. */
export type Membership = Value | false | undefined;

export interface DjangoContext {
  model: ProjectModel;
  settings: EffectiveSettings;
  get(name: string): SettingAssignment | undefined;
  sessionsApp: Membership;
  sessionMiddleware: Membership;
  csrfMiddleware: Membership;
}

export function djangoContext(model: ProjectModel, settings: EffectiveSettings): DjangoContext {
  const get = (name: string) => settings.values.get(name);
  const member = (setting: string, entry: string): Membership => {
    const assignment = get(setting);
    // Django's default for both lists is empty; an unreadable star import may still set them.
    if (!assignment) return settings.incomplete ? undefined : false;
    const items = stringItems(assignment.value);
    if (!items) return undefined;
    return items.find((item) => item.text === entry)?.value ?? false;
  };
  return {
    model,
    settings,
    get,
    sessionsApp: member('INSTALLED_APPS', SESSIONS_APP),
    sessionMiddleware: member('MIDDLEWARE', SESSION_MIDDLEWARE),
    csrfMiddleware: member('MIDDLEWARE', CSRF_MIDDLEWARE),
  };
}

export interface FindingSpec {
  severity: Severity;
  message: string;
  location: Location;
  fixes?: (Fix | undefined)[];
}

/** A finding of insecure-session; when the assignment sits in a base module, it names the module that makes it effective. */
export function settingsFinding(context: DjangoContext, spec: FindingSpec): Finding {
  const leaf = context.settings.module.file;
  const related =
    spec.location.file === leaf
      ? undefined
      : [{ location: { file: leaf, range: zeroRange() }, message: `in effect in ${basename(leaf)}, which star-imports this module` }];
  return {
    rule: 'insecure-session',
    severity: spec.severity,
    file: spec.location.file,
    range: spec.location.range,
    message: spec.message,
    fixes: (spec.fixes ?? []).filter((fix): fix is Fix => fix !== undefined),
    ...(related ? { related } : {}),
  };
}

function zeroRange() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
