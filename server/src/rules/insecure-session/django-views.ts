// What Django views do with CSRF protection and cookies of their own: `@csrf_exempt` on a view that
// changes state, and `set_cookie` without Secure / HttpOnly.
import { basename } from 'node:path';
import type { CookieWrite, Finding, Fix, ProjectModel, Value } from '../../model/types';

/** Tests exercise views with fake requests; what they do is not what production does. */
const isTestFile = (file: string) => /^(test_.*|.*_tests?|tests?|conftest)\.py$/.test(basename(file));
/** Cookie names that carry an identity or a credential: those must not be readable by scripts. */
const SENSITIVE = /(session|token|auth|jwt|sid|login|remember|user|csrf|secret|key)/i;

export function checkCsrfExemptViews(model: ProjectModel): Finding[] {
  return model.views
    .filter((view) => view.stack === 'django' && view.csrfExempt && view.changesState.length > 0 && !isTestFile(view.location.file))
    .map((view) => ({
      rule: 'insecure-session',
      severity: 'warning' as const,
      file: view.location.file,
      range: view.location.range,
      message: `\`${view.name}\` is exempt from CSRF protection and changes state (${view.changesState.slice(0, 3).join(', ')}): any site a logged-in user visits can make their browser send it a request with their session cookie. Keep CSRF protection, or authenticate the caller another way (a signed webhook, a token header) and do not rely on the session.`,
      fixes: [],
    }));
}

export function checkCookieWrites(model: ProjectModel): Finding[] {
  return model.cookieWrites.filter((write) => write.location.file.endsWith('.py') && !isTestFile(write.location.file)).flatMap(checkWrite);
}

function checkWrite(write: CookieWrite): Finding[] {
  const option = (key: string): Value | undefined => write.options.entries.find((entry) => entry.key === key)?.value;
  // True, or something configured elsewhere (a setting, the environment): not this check's business.
  const unset = (key: string) => {
    const value = option(key);
    if (!value) return !write.options.partial;
    return value.kind === 'bool' ? !value.value : value.kind === 'none' || (value.kind === 'number' && value.value === 0);
  };
  const sensitive = write.name === undefined || SENSITIVE.test(write.name);
  const missing = [unset('secure') ? 'secure' : '', sensitive && unset('httponly') ? 'httponly' : ''].filter(Boolean);
  if (missing.length === 0) return [];
  const label = write.name !== undefined ? `the cookie "${write.name}"` : 'this cookie';
  const why = [
    missing.includes('secure') ? 'without Secure it is also sent over plain HTTP, where it can be read or replaced' : '',
    missing.includes('httponly') ? 'without HttpOnly any script on the page (one XSS bug) can read it' : '',
  ].filter(Boolean);
  return [
    {
      rule: 'insecure-session',
      severity: sensitive ? 'warning' : 'info',
      file: write.location.file,
      range: write.location.range,
      message: `${write.method}() writes ${label} without ${missing.join(' and ')}=True (Django's defaults are False): ${why.join('; ')}.`,
      fixes: fixFor(write, missing),
    },
  ];
}

function fixFor(write: CookieWrite, missing: string[]): Fix[] {
  const at = write.argumentInsert;
  // An option written as False is a choice to change, not to add to: only absent options are added.
  if (!at || missing.some((key) => write.options.entries.some((entry) => entry.key === key))) return [];
  return [
    {
      title: `Add ${missing.map((key) => `${key}=True`).join(', ')}`,
      isPreferred: true,
      edits: [{ file: write.location.file, range: { start: at, end: at }, newText: missing.map((key) => `, ${key}=True`).join('') }],
    },
  ];
}
