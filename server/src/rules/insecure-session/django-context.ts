// What every Django settings check needs: the effective settings of one module Django can be
// pointed at, which session and CSRF machinery it installs, and how to report on one of its assignments.
import { basename } from 'node:path';
import type { EffectiveSettings } from '../../model/django/settings-resolution';
import type { Location, SettingAssignment, Value } from '../../model/types';
import type { RelatedPlace, Report } from '../rule';
import { stringItems } from '../../model/django/setting-values';

export const SESSIONS_APP = 'django.contrib.sessions';
export const SESSION_MIDDLEWARE = 'django.contrib.sessions.middleware.SessionMiddleware';
export const CSRF_MIDDLEWARE = 'django.middleware.csrf.CsrfViewMiddleware';

/** Whether a list setting holds an entry: its string literal, `false` when it is known not to, undefined when the list cannot be read. */
export type Membership = Value | false | undefined;

export interface DjangoContext {
  settings: EffectiveSettings;
  get(name: string): SettingAssignment | undefined;
  sessionsApp: Membership;
  sessionMiddleware: Membership;
  csrfMiddleware: Membership;
  /** Reports on an assignment of these settings: in a base module, the report names the module that makes it effective. */
  report: Report;
}

export function djangoContext(settings: EffectiveSettings, report: Report): DjangoContext {
  const get = (name: string) => settings.values.get(name);
  const member = (setting: string, entry: string): Membership => {
    const assignment = get(setting);
    // Django's default for both lists is empty; an unreadable star import may still set them.
    if (!assignment) return settings.incomplete ? undefined : false;
    const items = stringItems(assignment.value);
    // `[..., "django.contrib.sessions", *env_apps]` cannot be read as a whole, but an entry written in it
    // as a literal is there whatever the rest holds (Django's W010-W012 choice depends on it).
    if (!items) return assignment.value.kind === 'unknown' && writtenIn(assignment.value.text, entry) ? assignment.value : undefined;
    return items.find((item) => item.text === entry)?.value ?? false;
  };
  return {
    settings,
    get,
    sessionsApp: member('INSTALLED_APPS', SESSIONS_APP),
    sessionMiddleware: member('MIDDLEWARE', SESSION_MIDDLEWARE),
    csrfMiddleware: member('MIDDLEWARE', CSRF_MIDDLEWARE),
    report: (check, at, details) => report(check, at, { ...details, related: starImported(settings, at) }),
  };
}

const writtenIn = (source: string, entry: string) => source.includes(`"${entry}"`) || source.includes(`'${entry}'`);

function starImported(settings: EffectiveSettings, at: Location): RelatedPlace[] {
  const leaf = settings.module.file;
  if (at.file === leaf) return [];
  const start = { line: 0, character: 0 };
  return [
    { location: { file: leaf, range: { start, end: start } }, message: `in effect in ${basename(leaf)}, which star-imports this module` },
  ];
}
