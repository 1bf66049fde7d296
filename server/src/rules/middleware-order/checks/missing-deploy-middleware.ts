import { defineCheck } from '../../check';

export const missingDeployMiddleware = defineCheck({
  rule: 'middleware-order',
  name: 'missing-deploy-middleware',
  severity: 'warning',
  summary:
    'MIDDLEWARE of a deployed settings module lacks SecurityMiddleware, XFrameOptionsMiddleware or CsrfViewMiddleware (Django security.W001–W003).',
  stacks: ['django'],
  messages: {
    message: 'MIDDLEWARE has no {{name}}: {{why}} (Django {{id}}).',
    'security.W001':
      'SECURE_HSTS_SECONDS, SECURE_CONTENT_TYPE_NOSNIFF, SECURE_REFERRER_POLICY, SECURE_CROSS_ORIGIN_OPENER_POLICY and SECURE_SSL_REDIRECT have no effect without it',
    'security.W002': 'pages are not served with an X-Frame-Options header, so other sites can frame them (clickjacking)',
    'security.W003': 'no view is protected against cross-site request forgery',
    fix: 'Add {{name}} to MIDDLEWARE',
    fixWithFlag: 'Add {{name}} to MIDDLEWARE and set {{flag}} = True',
  },
  docs: {
    what: "The `MIDDLEWARE` of a settings module used for deployment (not a development or test module) without one of the middleware Django's `check --deploy` requires: `SecurityMiddleware` (security.W001), `XFrameOptionsMiddleware` (W002), `CsrfViewMiddleware` (W003). Membership is by exact dotted path, except that a project class of the same name is accepted. A fix inserts it where `startproject` puts it.",
    why: 'Without them the security settings do nothing, pages can be framed by other sites, and no form is protected against CSRF; Django reports these only under `check --deploy`, which many projects never run.',
    example:
      '```python\nMIDDLEWARE = [\n    "django.contrib.sessions.middleware.SessionMiddleware",\n    "django.middleware.common.CommonMiddleware",\n]\n```',
    instead:
      '```python\nMIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n    "django.middleware.common.CommonMiddleware",\n    "django.middleware.csrf.CsrfViewMiddleware",\n    "django.middleware.clickjacking.XFrameOptionsMiddleware",\n]\n```',
  },
});
