// Middleware Django's checks require: security.W001–W003 for deployment, admin.E408–E410 when the
// admin is installed. Reported on the MIDDLEWARE assignment of the module Django is pointed at.
import { effectiveSettings, type EffectiveSettings } from '../../model/django/settings-resolution';
import { stringItems } from '../../model/django/setting-values';
import type { Finding, MiddlewareChain, ProjectModel, Severity } from '../../model/types';
import { insertEntry } from './django-edits';
import { shortName } from './django-pairs';

interface Required {
  path: string;
  checkId: string;
  severity: Severity;
  why: string;
  /** Deploy checks do not apply to development settings; the admin's checks always do. */
  deployOnly: boolean;
  adminOnly: boolean;
}

const REQUIRED: Required[] = [
  { path: 'django.middleware.security.SecurityMiddleware', checkId: 'security.W001', severity: 'warning', deployOnly: true, adminOnly: false, why: 'SECURE_HSTS_SECONDS, SECURE_CONTENT_TYPE_NOSNIFF, SECURE_REFERRER_POLICY, SECURE_CROSS_ORIGIN_OPENER_POLICY and SECURE_SSL_REDIRECT have no effect without it' },
  { path: 'django.middleware.clickjacking.XFrameOptionsMiddleware', checkId: 'security.W002', severity: 'warning', deployOnly: true, adminOnly: false, why: "pages are not served with an X-Frame-Options header, so other sites can frame them (clickjacking)" },
  { path: 'django.middleware.csrf.CsrfViewMiddleware', checkId: 'security.W003', severity: 'warning', deployOnly: true, adminOnly: false, why: 'no view is protected against cross-site request forgery' },
  { path: 'django.contrib.sessions.middleware.SessionMiddleware', checkId: 'admin.E410', severity: 'error', deployOnly: false, adminOnly: true, why: 'the admin needs it to log users in' },
  { path: 'django.contrib.auth.middleware.AuthenticationMiddleware', checkId: 'admin.E408', severity: 'error', deployOnly: false, adminOnly: true, why: 'the admin needs request.user' },
  { path: 'django.contrib.messages.middleware.MessageMiddleware', checkId: 'admin.E409', severity: 'error', deployOnly: false, adminOnly: true, why: 'the admin shows its confirmations as messages' },
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

export function checkMissingMiddleware(model: ProjectModel): Finding[] {
  return effectiveSettings(model).flatMap((settings) => checkSettings(model, settings));
}

function checkSettings(model: ProjectModel, settings: EffectiveSettings): Finding[] {
  if (settings.incomplete) return [];
  const assignment = settings.values.get('MIDDLEWARE');
  const chain = assignment ? model.middleware.find((c) => c.stack === 'django' && c.file === assignment.location.file && c.location.range.start.line >= assignment.location.range.start.line && c.location.range.end.line <= assignment.location.range.end.line) : undefined;
  if (!assignment || !chain) return [];
  const apps = stringItems(settings.values.get('INSTALLED_APPS')?.value)?.map((item) => item.text);
  // A module without INSTALLED_APPS is a fragment (a mixin of settings), not what Django is pointed at.
  if (!apps) return [];
  const admin = apps.includes('django.contrib.admin');
  // Django's admin checks accept subclasses; a project class with the same name is given the benefit of the doubt.
  const present = (path: string) => chain.entries.some((entry) => entry.name === path || (shortName(entry.name) === shortName(path) && !entry.name.startsWith('django.')));
  const start = assignment.location.range.start;
  return REQUIRED.filter((required) => !present(required.path) && !(required.deployOnly && settings.development) && (!required.adminOnly || admin)).map((required) => {
    const fix = insertEntry(chain, required.path, insertionPoint(chain, required.path), `Add ${shortName(required.path)} to MIDDLEWARE`);
    return {
      rule: 'middleware-order',
      severity: required.severity,
      file: assignment.location.file,
      range: { start, end: { line: start.line, character: start.character + 'MIDDLEWARE'.length } },
      message: `MIDDLEWARE has no ${shortName(required.path)}: ${required.why} (Django ${required.checkId}).`,
      fixes: fix ? [fix] : [],
    };
  });
}

function insertionPoint(chain: MiddlewareChain, path: string) {
  const rank = CANONICAL.indexOf(path);
  return chain.entries.find((entry) => CANONICAL.indexOf(entry.name) > rank);
}
