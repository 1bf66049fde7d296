// The ordering constraints of Django's middleware, from the docs' "Middleware ordering" section and
// the runtime errors in Django's source. Each pair says which class must come first; membership is
// by exact dotted path, as Django's own checks do it.
import type { Severity } from '../../model/types';

export const MIDDLEWARE = {
  session: 'django.contrib.sessions.middleware.SessionMiddleware',
  auth: 'django.contrib.auth.middleware.AuthenticationMiddleware',
  loginRequired: 'django.contrib.auth.middleware.LoginRequiredMiddleware',
  remoteUser: 'django.contrib.auth.middleware.RemoteUserMiddleware',
  persistentRemoteUser: 'django.contrib.auth.middleware.PersistentRemoteUserMiddleware',
  messages: 'django.contrib.messages.middleware.MessageMiddleware',
  locale: 'django.middleware.locale.LocaleMiddleware',
  updateCache: 'django.middleware.cache.UpdateCacheMiddleware',
  fetchCache: 'django.middleware.cache.FetchFromCacheMiddleware',
  gzip: 'django.middleware.gzip.GZipMiddleware',
  conditionalGet: 'django.middleware.http.ConditionalGetMiddleware',
  csrf: 'django.middleware.csrf.CsrfViewMiddleware',
  common: 'django.middleware.common.CommonMiddleware',
} as const;

/** The settings an ordering constraint can depend on. */
export interface OrderConditions {
  /** CSRF_USE_SESSIONS is truthy (undefined: cannot tell). */
  csrfUsesSessions: boolean | undefined;
  /** MESSAGE_STORAGE keeps messages in the session (the default FallbackStorage does; undefined: cannot tell). */
  messagesUseSession: boolean | undefined;
}

export interface OrderPair {
  first: string;
  then: string;
  /** Why `then` needs `first` before it; ends without a period. */
  why: string;
  /** The error Django raises at request time, when it raises one. */
  runtimeError?: string;
  severity: (conditions: OrderConditions) => Severity | undefined;
}

const always = (severity: Severity) => () => severity;

const short = (path: string) => path.slice(path.lastIndexOf('.') + 1);

const REMOTE_USER_ERROR =
  "The Django remote user auth middleware requires the authentication middleware to be installed. Edit your MIDDLEWARE setting to insert 'django.contrib.auth.middleware.AuthenticationMiddleware' before the RemoteUserMiddleware class.";

const remoteUserPairs = (remote: string): OrderPair[] => [
  {
    first: MIDDLEWARE.auth,
    then: remote,
    why: `${short(remote)} logs the remote user in through request.user, which AuthenticationMiddleware sets`,
    runtimeError: REMOTE_USER_ERROR,
    severity: always('error'),
  },
  {
    first: MIDDLEWARE.csrf,
    then: remote,
    why: `${short(remote)} may log a user in, which rotates the CSRF token; CsrfViewMiddleware must have checked the request before that`,
    severity: always('warning'),
  },
];

const varyModifiers = [MIDDLEWARE.session, MIDDLEWARE.gzip, MIDDLEWARE.locale];

export const ORDER_PAIRS: readonly OrderPair[] = [
  {
    first: MIDDLEWARE.session,
    then: MIDDLEWARE.auth,
    why: 'AuthenticationMiddleware reads the user from request.session, which SessionMiddleware sets',
    runtimeError:
      "The Django authentication middleware requires session middleware to be installed. Edit your MIDDLEWARE setting to insert 'django.contrib.sessions.middleware.SessionMiddleware' before 'django.contrib.auth.middleware.AuthenticationMiddleware'.",
    severity: always('error'),
  },
  {
    first: MIDDLEWARE.auth,
    then: MIDDLEWARE.loginRequired,
    why: 'LoginRequiredMiddleware checks request.user, which AuthenticationMiddleware sets',
    severity: always('error'),
  },
  ...remoteUserPairs(MIDDLEWARE.remoteUser),
  ...remoteUserPairs(MIDDLEWARE.persistentRemoteUser),
  {
    first: MIDDLEWARE.session,
    then: MIDDLEWARE.messages,
    why: 'the default message storage keeps messages in request.session, which SessionMiddleware sets',
    runtimeError:
      'The session-based temporary message storage requires session middleware to be installed, and come before the message middleware in the MIDDLEWARE list.',
    severity: ({ messagesUseSession }) => (messagesUseSession === false ? undefined : messagesUseSession ? 'error' : 'warning'),
  },
  {
    first: MIDDLEWARE.session,
    then: MIDDLEWARE.locale,
    why: 'LocaleMiddleware uses session data, which SessionMiddleware loads',
    severity: always('warning'),
  },
  ...[MIDDLEWARE.session, MIDDLEWARE.gzip, MIDDLEWARE.locale].map(
    (modifier): OrderPair => ({
      first: MIDDLEWARE.updateCache,
      then: modifier,
      why: `${short(modifier)} adds to the Vary header on the way out, and UpdateCacheMiddleware must see that header to cache per cookie or language; placed after it, one visitor's cached page can be served to another`,
      severity: always('warning'),
    }),
  ),
  {
    first: MIDDLEWARE.gzip,
    then: MIDDLEWARE.conditionalGet,
    why: 'ConditionalGetMiddleware would compute the ETag on the uncompressed body, which GZipMiddleware then changes',
    severity: always('warning'),
  },
  ...[...varyModifiers, MIDDLEWARE.updateCache].map(
    (modifier): OrderPair => ({
      first: modifier,
      then: MIDDLEWARE.fetchCache,
      why: `FetchFromCacheMiddleware must run after ${short(modifier)}, which changes the Vary header the cache key depends on; placed before it, cached pages ignore the visitor's cookie or language`,
      severity: always('warning'),
    }),
  ),
  {
    first: MIDDLEWARE.session,
    then: MIDDLEWARE.csrf,
    why: 'with CSRF_USE_SESSIONS the CSRF token lives in request.session, which SessionMiddleware sets',
    severity: ({ csrfUsesSessions }) => (csrfUsesSessions ? 'error' : undefined),
  },
  {
    first: MIDDLEWARE.session,
    then: MIDDLEWARE.common,
    why: 'with CSRF_USE_SESSIONS, CommonMiddleware can raise an error whose view needs the session-stored CSRF token',
    severity: ({ csrfUsesSessions }) => (csrfUsesSessions ? 'warning' : undefined),
  },
];

export { short as shortName };
