// Middleware Django's checks require: security.W001–W003 for deployment, admin.E408–E410 when the
// admin is installed. Reported on the MIDDLEWARE assignment of the module Django is pointed at.
import { effectiveSettings, type EffectiveSettings } from '../../model/django/settings-resolution';
import { isTrue, isTruthy, knownValue, stringItems } from '../../model/django/setting-values';
import type { Change } from '../../model/fix-plans';
import type { MiddlewareChain, ProjectModel } from '../../model/types';
import type { Check } from '../check';
import type { Report } from '../rule';
import { adminMissingMiddleware } from './checks/admin-missing-middleware';
import { missingDeployMiddleware } from './checks/missing-deploy-middleware';
import { shortName } from './django-pairs';

/** A middleware Django's checks require, with the check (and its message) that says why. */
type Required =
  | { path: string; kind: 'deploy'; djangoId: 'security.W001' | 'security.W002' | 'security.W003' }
  | { path: string; kind: 'admin'; djangoId: 'admin.E408' | 'admin.E409' | 'admin.E410' };

// Deploy checks do not apply to development settings; the admin's checks always do, when the admin is installed.
const REQUIRED: Required[] = [
  { path: 'django.middleware.security.SecurityMiddleware', kind: 'deploy', djangoId: 'security.W001' },
  { path: 'django.middleware.clickjacking.XFrameOptionsMiddleware', kind: 'deploy', djangoId: 'security.W002' },
  { path: 'django.middleware.csrf.CsrfViewMiddleware', kind: 'deploy', djangoId: 'security.W003' },
  { path: 'django.contrib.sessions.middleware.SessionMiddleware', kind: 'admin', djangoId: 'admin.E410' },
  { path: 'django.contrib.auth.middleware.AuthenticationMiddleware', kind: 'admin', djangoId: 'admin.E408' },
  { path: 'django.contrib.messages.middleware.MessageMiddleware', kind: 'admin', djangoId: 'admin.E409' },
];

/** The order `startproject` writes; a missing entry goes before the first entry that comes later in it. */
const CANONICAL = [
  'django.middleware.security.SecurityMiddleware',
  'django.contrib.sessions.middleware.SessionMiddleware',
  'django.middleware.common.CommonMiddleware',
  'django.middleware.csrf.CsrfViewMiddleware',
  'django.contrib.auth.middleware.AuthenticationMiddleware',
  'django.contrib.messages.middleware.MessageMiddleware',
  'django.middleware.clickjacking.XFrameOptionsMiddleware',
];

export function checkMissingMiddleware(model: ProjectModel, report: Report): void {
  for (const settings of effectiveSettings(model)) checkSettings(model, settings, report);
}

function checkSettings(model: ProjectModel, settings: EffectiveSettings, report: Report): void {
  if (settings.incomplete) return;
  const assignment = settings.values.get('MIDDLEWARE');
  const chain = assignment
    ? model.middleware.find(
        (c) =>
          c.stack === 'django' &&
          c.file === assignment.location.file &&
          c.location.range.start.line >= assignment.location.range.start.line &&
          c.location.range.end.line <= assignment.location.range.end.line,
      )
    : undefined;
  if (!assignment || !chain) return;
  const apps = stringItems(settings.values.get('INSTALLED_APPS')?.value)?.map((item) => item.text);
  // A module without INSTALLED_APPS is a fragment (a mixin of settings), not what Django is pointed at.
  if (!apps) return;
  const admin = apps.includes('django.contrib.admin');
  // Django's admin checks accept subclasses; a project class with the same name is given the benefit of the doubt.
  const present = (path: string) =>
    chain.entries.some((entry) => entry.name === path || (shortName(entry.name) === shortName(path) && !entry.name.startsWith('django.')));
  const start = assignment.location.range.start;
  const at = {
    file: assignment.location.file,
    range: { start, end: { line: start.line, character: start.character + 'MIDDLEWARE'.length } },
  };
  for (const required of REQUIRED) {
    if (present(required.path) || (required.kind === 'deploy' ? settings.development : !admin)) continue;
    const name = shortName(required.path);
    const flag = settings.development ? undefined : cookieFlagFor(settings, required.path);
    const changes: Change[] = [
      { kind: 'add-chain-entry', chain, name: required.path, before: insertionPoint(chain, required.path) },
      ...(flag?.changes ?? []),
    ];
    // Each check keeps the reason of every middleware it requires as a template named by Django's check id.
    const missing = <I extends string>(check: Check<'message' | 'fix' | 'fixWithFlag' | I>, id: I) => {
      const title = flag ? check.text('fixWithFlag', { name, flag: flag.name }) : check.text('fix', { name });
      report(check, at, { message: 'message', data: { name, why: check.text(id), id }, fixes: [{ title, preferred: true, changes }] });
    };
    if (required.kind === 'deploy') missing(missingDeployMiddleware, required.djangoId);
    else missing(adminMissingMiddleware, required.djangoId);
  }
}

/** The cookie each middleware starts sending, and the flag Django's deploy checks then want True (security.W012, W016). */
const COOKIE_FLAGS: Record<string, string> = {
  'django.middleware.csrf.CsrfViewMiddleware': 'CSRF_COOKIE_SECURE',
  'django.contrib.sessions.middleware.SessionMiddleware': 'SESSION_COOKIE_SECURE',
};

/**
 * Adding CsrfViewMiddleware or SessionMiddleware makes Django send its cookie, and `check --deploy` then
 * wants that cookie Secure: a fix that only added the middleware would leave a new finding behind. The
 * fix sets the flag too, unless it is True already, configured elsewhere (the environment without a
 * default), or the CSRF token lives in the session (CSRF_USE_SESSIONS: no CSRF cookie is set).
 */
function cookieFlagFor(settings: EffectiveSettings, path: string): { name: string; changes: Change[] } | undefined {
  const name = COOKIE_FLAGS[path];
  if (!name) return undefined;
  if (name === 'CSRF_COOKIE_SECURE') {
    const inSession = settings.values.get('CSRF_USE_SESSIONS');
    const known = inSession ? knownValue(inSession.value) : undefined;
    if (inSession && (!known || isTruthy(known))) return undefined;
  }
  const TRUE = { kind: 'bool' as const, value: true };
  const assignment = settings.values.get(name);
  if (!assignment) return { name, changes: [{ kind: 'set-setting', module: settings.module, name, value: TRUE }] };
  const known = knownValue(assignment.value);
  if (!known || isTrue(known)) return undefined;
  return { name, changes: [{ kind: 'replace-value', at: known.value.location, value: TRUE }] };
}

function insertionPoint(chain: MiddlewareChain, path: string) {
  const rank = CANONICAL.indexOf(path);
  return chain.entries.find((entry) => CANONICAL.indexOf(entry.name) > rank);
}
