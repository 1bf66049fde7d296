import { defineCheck } from '../../check';

export const csrfExemptView = defineCheck({
  rule: 'insecure-session',
  name: 'csrf-exempt-view',
  severity: 'warning',
  summary: 'A Django view exempt from CSRF protection that changes state.',
  stacks: ['django'],
  messages: {
    message:
      '`{{view}}` is exempt from CSRF protection and changes state ({{changes}}): any site a logged-in user visits can make their browser send it a request with their session cookie. Keep CSRF protection, or authenticate the caller another way (a signed webhook, a token header) and do not rely on the session.',
  },
  docs: {
    what: 'A Django view marked `@csrf_exempt` (or a class with `@method_decorator(csrf_exempt, ...)`) that changes state: it compares `request.method` with POST, PUT, PATCH or DELETE, calls an ORM write (`.save()`, `.create()`, `.update()`, `.delete()`, `.add()`...), or has a `post`/`put`/`patch`/`delete` handler. Read-only exempt views and views in test files are not reported. No fix: what replaces the CSRF token depends on who calls the view.',
    why: 'Without the CSRF check, any page a logged-in user visits can make their browser post to the view, and the browser attaches the session cookie: the request runs as the user.',
    example: '```python\n@csrf_exempt\ndef update_profile(request):\n    if request.method == "POST":\n        request.user.profile.save()\n```',
    instead: 'Drop `@csrf_exempt` and send the token from the client; for a webhook, verify its signature and do not rely on the session.',
  },
});
