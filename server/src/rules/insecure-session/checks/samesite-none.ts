import { defineCheck } from '../../check';

export const sameSiteNone = defineCheck({
  rule: 'insecure-session',
  name: 'samesite-none',
  severity: 'warning',
  summary: "A session or CSRF cookie sent with cross-site requests: SameSite None without Secure, or Django's SameSite turned off.",
  stacks: ['django', 'express'],
  messages: {
    djangoFalse:
      '{{prefix}}_COOKIE_SAMESITE = False drops the SameSite flag: the browser sends the {{cookie}} cookie on cross-site requests, which opens the door to CSRF. Use "Lax" (Django\'s default) or "Strict".',
    djangoNone:
      '{{prefix}}_COOKIE_SAMESITE = "None" without {{prefix}}_COOKIE_SECURE = True: browsers reject a SameSite=None cookie that is not Secure, and where they accept it, every cross-site request carries the {{cookie}} cookie.',
    /** `cookie` of the Django messages, by prefix. */
    SESSION: 'session',
    CSRF: 'CSRF',
    express:
      "`sameSite: 'none'` on a cookie that is not `secure`: browsers reject SameSite=None cookies without Secure, and where " +
      "they are sent, every cross-site request carries the session (CSRF). Use 'lax' or 'strict', or make the cookie secure.",
    fixDjango: 'Set {{prefix}}_COOKIE_SAMESITE = "Lax"',
    fixLax: "Set sameSite to 'lax'",
    fixSecure: 'Set cookie.secure to true',
  },
  docs: {
    what: `- Django: \`SESSION_COOKIE_SAMESITE\` or \`CSRF_COOKIE_SAMESITE\` set to \`False\` (no SameSite attribute at all), or to
  \`"None"\` while the matching \`*_COOKIE_SECURE\` is not True. \`"None"\` with a secure cookie, or a Secure setting that cannot be
  read, is left alone: a cross-site cookie is sometimes the point (an embedded app).
- express-session: \`cookie.sameSite: 'none'\` on a cookie that is not \`secure\`. Besides \`'lax'\`, a second fix (not the
  preferred one) makes the cookie secure instead.`,
    why: 'Browsers reject a SameSite=None cookie that is not Secure, so the setting breaks the session where it is meant to work; where a browser accepts it, or where SameSite is off, every request another site triggers carries the cookie, which is what a CSRF attack needs.',
    example:
      '```python\nSESSION_COOKIE_SAMESITE = "None"\n```\n\n```ts\napp.use(session({ secret, cookie: { sameSite: \'none\' } }));\n```',
    instead:
      '```python\nSESSION_COOKIE_SAMESITE = "Lax"\n```\n\n```ts\napp.use(session({ secret, cookie: { sameSite: \'lax\', secure: true } }));\n```',
  },
});
