import { defineCheck } from '../../check';

export const securityNotFirst = defineCheck({
  rule: 'middleware-order',
  name: 'security-not-first',
  severity: 'warning',
  summary: 'SecurityMiddleware below middleware that touch the request, with SECURE_SSL_REDIRECT on.',
  stacks: ['django'],
  messages: {
    message:
      "SecurityMiddleware comes after {{earlier}}: with SECURE_SSL_REDIRECT = True it should redirect plain-HTTP requests before any other middleware touches them (sessions, CSRF checks, user loading run on the insecure request first). Django's docs put it near the top.",
    fix: 'Move SecurityMiddleware to the top',
    related: '{{entry}} runs before it',
  },
  docs: {
    what: '`SecurityMiddleware` placed after Django middleware that read or change the request (sessions, CSRF, authentication, messages, locale, GZip, ConditionalGet) in a settings module where `SECURE_SSL_REDIRECT = True`. A fix moves it to the top of the list.',
    why: 'With SSL redirect on, SecurityMiddleware answers plain-HTTP requests with a redirect. Placed lower, the session is loaded, the user authenticated and the CSRF cookie handled on the insecure request before the redirect.',
    example:
      '```python\nSECURE_SSL_REDIRECT = True\nMIDDLEWARE = [\n    "django.contrib.sessions.middleware.SessionMiddleware",\n    "django.middleware.security.SecurityMiddleware",\n]\n```',
    instead:
      '```python\nMIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n]\n```',
  },
});
