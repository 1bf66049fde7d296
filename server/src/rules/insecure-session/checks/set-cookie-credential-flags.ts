import { defineCheck } from '../../check';

export const setCookieCredentialFlags = defineCheck({
  rule: 'insecure-session',
  name: 'set-cookie-credential-flags',
  severity: 'warning',
  summary: 'A Django view that writes a session-like cookie without secure=True or httponly=True.',
  stacks: ['django'],
  messages: {
    message: "{{method}}() writes {{cookie}} without {{missing}}=True (Django's defaults are False): {{why}}.",
    /** `cookie`: the cookie's name when it is a literal. */
    named: 'the cookie "{{name}}"',
    unnamed: 'this cookie',
    /** `why`: one clause per missing flag, joined with `; `. */
    secure: 'without Secure it is also sent over plain HTTP, where it can be read or replaced',
    httponly: 'without HttpOnly any script on the page (one XSS bug) can read it',
    /** `flags` of the fix title: each flag it adds, joined with `, `. */
    flag: '{{name}}=True',
    fix: 'Add {{flags}}',
  },
  docs: {
    what: `\`response.set_cookie()\` (or \`set_signed_cookie()\`) in a Python file that is not a test, for a cookie whose name says it
carries an identity or a credential (session, token, auth, jwt, sid, login, remember, user, csrf, secret, key) or whose name
cannot be read, without \`secure=True\` or \`httponly=True\`: absent (Django's default is False), or written as False, None or 0.
Options passed as \`**kwargs\` are given the benefit of the doubt. The fix adds the absent flags; a flag written as False is left
for the author to change. Other cookies without Secure are set-cookie-not-secure.`,
    why: 'Without Secure the cookie is also sent over plain HTTP, where it can be read or replaced; without HttpOnly any script on the page, through one XSS bug, can read the credential it carries.',
    example: '```python\nresponse.set_cookie("auth_token", token)\n```',
    instead: '```python\nresponse.set_cookie("auth_token", token, secure=True, httponly=True, samesite="Lax")\n```',
  },
});
