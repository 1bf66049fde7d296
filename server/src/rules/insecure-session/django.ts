import { effectiveSettings } from '../../model/django/settings-resolution';
import type { Finding, ProjectModel } from '../../model/types';
import { djangoContext } from './django-context';
import { checkCookieFlags, checkSameSite } from './django-cookies';
import { checkDebug, checkSecretKey, checkSessionStorage } from './django-secrets';

/**
 * Django settings modules: the session, CSRF, cookie, secret and debug checks, on the settings as
 * Django would see them (star imports followed). Modules named for development or tests are
 * skipped: DEBUG = True and a local secret are what they are for.
 */
export function checkDjangoSettings(model: ProjectModel): Finding[] {
  return effectiveSettings(model)
    .filter((settings) => !settings.development)
    .flatMap((settings) => {
      const context = djangoContext(model, settings);
      return [...checkSecretKey(context), ...checkDebug(context), ...checkCookieFlags(context), ...checkSameSite(context), ...checkSessionStorage(context)];
    });
}
