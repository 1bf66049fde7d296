import { defineCheck } from '../../check';

export const adminMissingMiddleware = defineCheck({
  rule: 'middleware-order',
  name: 'admin-missing-middleware',
  severity: 'error',
  summary: 'The admin is installed but MIDDLEWARE lacks the session, authentication or message middleware (Django admin.E408–E410).',
  stacks: ['django'],
  messages: {
    message: 'MIDDLEWARE has no {{name}}: {{why}} (Django {{id}}).',
    'admin.E410': 'the admin needs it to log users in',
    'admin.E408': 'the admin needs request.user',
    'admin.E409': 'the admin shows its confirmations as messages',
    fix: 'Add {{name}} to MIDDLEWARE',
    fixWithFlag: 'Add {{name}} to MIDDLEWARE and set {{flag}} = True',
  },
  docs: {
    what: '`django.contrib.admin` in `INSTALLED_APPS` while `MIDDLEWARE` has no `SessionMiddleware` (admin.E410), `AuthenticationMiddleware` (admin.E408) or `MessageMiddleware` (admin.E409), or a subclass. A fix inserts it where `startproject` puts it.',
    why: 'Django refuses to start (`manage.py check` fails with these errors): the admin logs users in through the session and shows messages.',
    example: '```python\nINSTALLED_APPS = ["django.contrib.admin", ...]\nMIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\n```',
    instead:
      '```python\nMIDDLEWARE = [\n    "django.contrib.sessions.middleware.SessionMiddleware",\n    "django.middleware.common.CommonMiddleware",\n    "django.contrib.auth.middleware.AuthenticationMiddleware",\n    "django.contrib.messages.middleware.MessageMiddleware",\n]\n```',
  },
});
