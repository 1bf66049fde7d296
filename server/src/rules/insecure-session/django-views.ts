// What Django views do with CSRF protection and cookies of their own: `@csrf_exempt` on a view that
// changes state, and `set_cookie` without Secure / HttpOnly.
import { basename } from 'node:path';
import type { FixPlan } from '../../model/fix-plans';
import type { CookieWrite, ProjectModel, Value } from '../../model/types';
import type { Report } from '../rule';
import { csrfExemptView } from './checks/csrf-exempt-view';
import { setCookieCredentialFlags } from './checks/set-cookie-credential-flags';
import { setCookieNotSecure } from './checks/set-cookie-not-secure';
import { TRUE } from './plans';

/** Tests exercise views with fake requests; what they do is not what production does. */
const isTestFile = (file: string) => /^(test_.*|.*_tests?|tests?|conftest)\.py$/.test(basename(file));
/** Cookie names that carry an identity or a credential: those must not be readable by scripts. */
const SENSITIVE = /(session|token|auth|jwt|sid|login|remember|user|csrf|secret|key)/i;
/**
 * Django's cookies that hold no credential, by the setting that names them: the language cookie holds a
 * locale code, and Django itself writes it without HttpOnly (LANGUAGE_COOKIE_HTTPONLY defaults to False).
 */
const PLAIN_COOKIE_SETTINGS = /(^|\.)LANGUAGE_COOKIE_NAME$/;

export function checkCsrfExemptViews(model: ProjectModel, report: Report): void {
  for (const view of model.views) {
    // CSRF rides on the browser's ambient credentials: a view that never asks who the session's user is
    // (an API key header, a signed token in the URL, a webhook signature) gains nothing from a forged request.
    const exposed = view.csrfExempt && view.changesState.length > 0 && view.usesSession.length > 0;
    if (view.stack !== 'django' || !exposed || isTestFile(view.location.file)) continue;
    const data = { view: view.name, changes: view.changesState.slice(0, 3).join(', '), session: view.usesSession.slice(0, 2).join(', ') };
    report(csrfExemptView, view.location, { data });
  }
}

export function checkCookieWrites(model: ProjectModel, report: Report): void {
  for (const write of model.cookieWrites) {
    if (write.location.file.endsWith('.py') && !isTestFile(write.location.file)) checkWrite(write, report);
  }
}

type Flag = 'secure' | 'httponly';

function checkWrite(write: CookieWrite, report: Report): void {
  const option = (key: string): Value | undefined => write.options.entries.find((entry) => entry.key === key)?.value;
  // True, or something configured elsewhere (a setting, the environment): not this check's business.
  const unset = (key: string) => {
    const value = option(key);
    if (!value) return !write.options.partial;
    return value.kind === 'bool' ? !value.value : value.kind === 'none' || (value.kind === 'number' && value.value === 0);
  };
  const sensitive = write.name !== undefined ? SENSITIVE.test(write.name) : !PLAIN_COOKIE_SETTINGS.test(write.nameExpression ?? '');
  const missing = (['secure', 'httponly'] as const).filter((key) => unset(key) && (key === 'secure' || sensitive));
  if (missing.length === 0) return;
  if (sensitive) {
    const check = setCookieCredentialFlags;
    const cookie = write.name !== undefined ? check.text('named', { name: write.name }) : check.text('unnamed');
    const data = { method: write.method, cookie, missing: missing.join(' and '), why: missing.map((key) => check.text(key)).join('; ') };
    const title = check.text('fix', { flags: missing.map((key) => check.text('flag', { name: key })).join(', ') });
    report(check, write.location, { message: 'message', data, fixes: [addFlags(title, write, missing)] });
  } else {
    const data = { method: write.method, name: write.name ?? write.nameExpression ?? '' };
    report(setCookieNotSecure, write.location, {
      message: 'message',
      data,
      fixes: [addFlags(setCookieNotSecure.text('fix'), write, missing)],
    });
  }
}

/** Adds the missing flags as keyword arguments; the frontend leaves a flag already written (as False) to its author. */
function addFlags(title: string, write: CookieWrite, missing: readonly Flag[]): FixPlan {
  const keywords = missing.map((name) => ({ name, value: TRUE }));
  return { title, preferred: true, changes: [{ kind: 'add-keyword-arguments', call: write, keywords }] };
}
