// The ordering constraints of Django's middleware, from the docs' "Middleware ordering" section and
// the runtime errors in Django's source. Each pair says which class must come first; membership is
// by exact dotted path, as Django's own checks do it.

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
  /** What the wrong order does under the project's settings: requests fail, something is silently wrong, or nothing. */
  outcome: (conditions: OrderConditions) => Outcome | undefined;
}

export type Outcome = 'fails' | 'misbehaves';

const always = (outcome: Outcome) => () => outcome;

const short = (path: string) => path.slice(path.lastIndexOf('.') + 1);

const REMOTE_USER_ERROR =
  "The Django remote user auth middleware requires the authentication middleware to be installed. Edit your MIDDLEWARE setting to insert 'django.contrib.auth.middleware.AuthenticationMiddleware' before the RemoteUserMiddleware class.";

const remoteUserPairs = (remote: string): OrderPair[] => [
  {
    first: MIDDLEWARE.auth,
    then: remote,
    why: `${short(remote)} logs the remote user in through request.user, which AuthenticationMiddleware sets`,
    runtimeError: REMOTE_USER_ERROR,
    outcome: always('fails'),
  },
  {
    first: MIDDLEWARE.csrf,
    then: remote,
    why: `${short(remote)} may log a user in, which rotates the CSRF token; CsrfViewMiddleware must have checked the request before that`,
    outcome: always('misbehaves'),
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
    outcome: always('fails'),
  },
  {
    first: MIDDLEWARE.auth,
    then: MIDDLEWARE.loginRequired,
    why: 'LoginRequiredMiddleware checks request.user, which AuthenticationMiddleware sets',
    outcome: always('fails'),
  },
  ...remoteUserPairs(MIDDLEWARE.remoteUser),
  ...remoteUserPairs(MIDDLEWARE.persistentRemoteUser),
  {
    first: MIDDLEWARE.session,
    then: MIDDLEWARE.messages,
    why: 'the default message storage keeps messages in request.session, which SessionMiddleware sets',
    runtimeError:
      'The session-based temporary message storage requires session middleware to be installed, and come before the message middleware in the MIDDLEWARE list.',
    outcome: ({ messagesUseSession }) => (messagesUseSession === false ? undefined : messagesUseSession ? 'fails' : 'misbehaves'),
  },
  {
    first: MIDDLEWARE.session,
    then: MIDDLEWARE.locale,
    why: 'LocaleMiddleware uses session data, which SessionMiddleware loads',
    outcome: always('misbehaves'),
  },
  ...[MIDDLEWARE.session, MIDDLEWARE.gzip, MIDDLEWARE.locale].map((modifier): OrderPair => ({
    first: MIDDLEWARE.updateCache,
    then: modifier,
    why: `${short(modifier)} adds to the Vary header on the way out, and UpdateCacheMiddleware must see that header to cache per cookie or language; placed after it, one visitor's cached page can be served to another`,
    outcome: always('misbehaves'),
  })),
  {
    first: MIDDLEWARE.gzip,
    then: MIDDLEWARE.conditionalGet,
    why: 'ConditionalGetMiddleware would compute the ETag on the uncompressed body, which GZipMiddleware then changes',
    outcome: always('misbehaves'),
  },
  ...[...varyModifiers, MIDDLEWARE.updateCache].map((modifier): OrderPair => ({
    first: modifier,
    then: MIDDLEWARE.fetchCache,
    why: `FetchFromCacheMiddleware must run after ${short(modifier)}, which changes the Vary header the cache key depends on; placed before it, cached pages ignore the visitor's cookie or language`,
    outcome: always('misbehaves'),
  })),
  {
    first: MIDDLEWARE.session,
    then: MIDDLEWARE.csrf,
    why: 'with CSRF_USE_SESSIONS the CSRF token lives in request.session, which SessionMiddleware sets',
    outcome: ({ csrfUsesSessions }) => (csrfUsesSessions ? 'fails' : undefined),
  },
  {
    first: MIDDLEWARE.session,
    then: MIDDLEWARE.common,
    why: 'with CSRF_USE_SESSIONS, CommonMiddleware can raise an error whose view needs the session-stored CSRF token',
    outcome: ({ csrfUsesSessions }) => (csrfUsesSessions ? 'misbehaves' : undefined),
  },
];

export { short as shortName };
