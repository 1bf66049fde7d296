import { defineCheck } from '../../check';

export const insecureBaseSetting = defineCheck({
  rule: 'insecure-session',
  name: 'insecure-base-setting',
  severity: 'info',
  summary: 'An insecure setting in a base settings module that the deployed module overrides.',
  stacks: ['django'],
  messages: {
    message: 'Overridden in {{where}}, so this applies only where this module is used directly: {{finding}}',
    related: 'the assignment in effect when Django uses {{where}}',
  },
  docs: {
    what: `An assignment in a base settings module (\`base.py\`) that another check of this rule would report, when the module
Django is pointed at (\`production.py\`, which star-imports the base) assigns the setting again. The message is that check's,
after where the override is; the quick fixes are that check's too. Not reported when the base is itself a module Django runs
(\`manage.py\` names it): then the other check reports it as it is.`,
    why: 'The value is not in effect in the deployment that overrides it, but it is wherever the base module is used directly (a management command, a test run, a second deployment), and the next module built on the base inherits it.',
    example:
      '```python\n# settings/base.py\nSESSION_COOKIE_SECURE = False\n# settings/production.py\nfrom .base import *\nSESSION_COOKIE_SECURE = True\n```',
    instead: 'Make the base module safe and relax the setting in the development module instead (`dev.py` is not checked).',
  },
});
