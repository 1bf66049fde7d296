import { defineCheck } from '../../check';

export const signedCookieEngine = defineCheck({
  rule: 'insecure-session',
  name: 'signed-cookie-engine',
  severity: 'info',
  summary: "Django's signed_cookies session engine: sessions the client can read and the server cannot revoke.",
  stacks: ['django'],
  messages: {
    message:
      'SESSION_ENGINE stores the whole session in a signed cookie: the client can read it (signed, not encrypted), logging out does not revoke it, and a stolen cookie can be replayed until it expires.',
  },
  docs: {
    what: '`SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"`, as a literal or as the default of an environment read. No fix: moving to a server-side engine needs a database or cache.',
    why: 'The session data travels in the cookie, signed but not encrypted, so the client reads everything stored in it; the server keeps nothing, so logging out cannot revoke a copy, and a stolen cookie works until it expires.',
    example: '```python\nSESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"\n```',
    instead: '```python\nSESSION_ENGINE = "django.contrib.sessions.backends.db"  # or cache / cached_db\n```',
  },
});
