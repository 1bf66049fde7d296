import { defineCheck } from '../../check';

export const csrfExemptView = defineCheck({
  rule: 'insecure-session',
  name: 'csrf-exempt-view',
  severity: 'warning',
  summary: 'A Django view exempt from CSRF protection that changes state and knows its caller by the session.',
  stacks: ['django'],
  messages: {
    message:
      '`{{view}}` is exempt from CSRF protection, changes state ({{changes}}) and knows its caller by the session ({{session}}): any site a logged-in user visits can make their browser send it a request that runs as that user. Keep CSRF protection, or authenticate the caller another way (a signed webhook, a token header) and do not rely on the session.',
  },
  docs: {
    what: 'A Django view marked `@csrf_exempt` (or a class with `@method_decorator(csrf_exempt, ...)`) that changes state (it compares `request.method` with POST, PUT, PATCH or DELETE, calls an ORM write (`.save()`, `.create()`, `.update()`, `.delete()`, `.add()`...), or has a `post`/`put`/`patch`/`delete` handler), and that knows its caller by the session cookie: it reads `request.user`, `request.session` or `request.COOKIES`, calls `login(request, ...)`/`logout(request)`, or is guarded by `@login_required`, `@permission_required`, `@user_passes_test`, `@staff_member_required` or `LoginRequiredMixin`-style mixins. Exempt views that authenticate otherwise (an API key header, a signed token in the URL, a webhook signature) are not reported: a forged cross-site request cannot supply those, and CSRF rides only on the cookies a browser sends by itself. Read-only exempt views and views in test files are not reported either. No fix: what replaces the CSRF token depends on who calls the view.',
    why: 'Without the CSRF check, any page a logged-in user visits can make their browser post to the view, and the browser attaches the session cookie: the request runs as the user.',
    example:
      '```python\n@csrf_exempt\ndef update_profile(request):\n    if request.method == "POST":\n        request.user.profile.save()\n```',
    instead: 'Drop `@csrf_exempt` and send the token from the client; for a webhook, verify its signature and do not rely on the session.',
  },
});
