// What a Django middleware class is, for the explorer and for rules that reason about roles.
const ROLES: Record<string, string> = {
  SecurityMiddleware: 'security',
  SessionMiddleware: 'session',
  CommonMiddleware: 'common',
  CsrfViewMiddleware: 'csrf',
  AuthenticationMiddleware: 'auth',
  LoginRequiredMiddleware: 'login-required',
  RemoteUserMiddleware: 'remote-user',
  PersistentRemoteUserMiddleware: 'remote-user',
  MessageMiddleware: 'messages',
  XFrameOptionsMiddleware: 'clickjacking',
  LocaleMiddleware: 'locale',
  GZipMiddleware: 'gzip',
  ConditionalGetMiddleware: 'conditional-get',
  UpdateCacheMiddleware: 'cache-update',
  FetchFromCacheMiddleware: 'cache-fetch',
  CacheMiddleware: 'cache',
  ContentSecurityPolicyMiddleware: 'csp',
  FlatpageFallbackMiddleware: 'fallback',
  RedirectFallbackMiddleware: 'fallback',
};

const THIRD_PARTY: Record<string, string> = {
  'whitenoise.middleware.WhiteNoiseMiddleware': 'static',
  'corsheaders.middleware.CorsMiddleware': 'cors',
  'debug_toolbar.middleware.DebugToolbarMiddleware': 'debug-toolbar',
};

export function djangoMiddlewareRole(path: string): string | undefined {
  if (path in THIRD_PARTY) return THIRD_PARTY[path];
  // Django's own classes only: a project's `shop.middleware.SessionMiddleware` is something else.
  if (!path.startsWith('django.')) return undefined;
  return ROLES[path.slice(path.lastIndexOf('.') + 1)];
}
