import { defineCheck } from '../../check';

export const sharedCookieDomain = defineCheck({
  rule: 'insecure-session',
  name: 'shared-cookie-domain',
  severity: 'info',
  summary: 'SESSION_COOKIE_DOMAIN, which shares the session cookie with every subdomain.',
  stacks: ['django'],
  messages: {
    message:
      'SESSION_COOKIE_DOMAIN = "{{value}}" sends the session cookie to every subdomain of {{domain}}: a compromised or user-controlled subdomain can read it or plant a session (session fixation). Leave it None unless subdomains must share the login.',
  },
  docs: {
    what: 'A non-empty string `SESSION_COOKIE_DOMAIN` where the sessions app or middleware may be installed. `None` (the default) and values read from the environment without a literal default are left alone. No fix: sharing the login with subdomains may be intended.',
    why: 'A Domain attribute sends the cookie to every subdomain: one that is compromised, or that hosts user content, can read the session or plant one of its own in the browser (session fixation).',
    example: '```python\nSESSION_COOKIE_DOMAIN = ".example.com"\n```',
    instead: '```python\nSESSION_COOKIE_DOMAIN = None\n```',
  },
});
