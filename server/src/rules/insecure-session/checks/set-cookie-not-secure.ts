import { defineCheck } from '../../check';

export const setCookieNotSecure = defineCheck({
  rule: 'insecure-session',
  name: 'set-cookie-not-secure',
  severity: 'info',
  summary: 'A Django view that writes a cookie without secure=True.',
  stacks: ['django'],
  messages: {
    message:
      '{{method}}() writes the cookie "{{name}}" without secure=True (Django\'s defaults are False): without Secure it is also sent over plain HTTP, where it can be read or replaced.',
    fix: 'Add secure=True',
  },
  docs: {
    what: '`response.set_cookie()` (or `set_signed_cookie()`) in a Python file that is not a test, for a cookie whose name does not say it carries a credential (those are set-cookie-credential-flags), without `secure=True`: absent, or written as False, None or 0 (options passed as `**kwargs` are given the benefit of the doubt). HttpOnly is not asked of such cookies: scripts may need to read them. The fix adds `secure=True` when it is absent.',
    why: 'Without Secure the cookie is also sent over plain HTTP, where it can be read or replaced by anyone on the network.',
    example: '```python\nresponse.set_cookie("theme", "dark")\n```',
    instead: '```python\nresponse.set_cookie("theme", "dark", secure=True)\n```',
  },
});
