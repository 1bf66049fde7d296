import { defineCheck } from '../../check';

const WHY = 'error pages show settings, source and SQL to every visitor, and Django keeps every query in memory';

export const debugEnabled = defineCheck({
  rule: 'insecure-session',
  name: 'debug-enabled',
  severity: 'warning',
  summary: 'DEBUG = True, or a True default, in a settings module used for deployment (Django security.W018).',
  stacks: ['django'],
  messages: {
    literal: `DEBUG = True in a settings module used for deployment: ${WHY} (Django security.W018).`,
    default: `DEBUG defaults to True when {{env}} is not set: a deployment that forgets the variable runs in debug mode, where ${WHY} (Django security.W018).`,
    fixLiteral: 'Read DEBUG from the environment',
    fixDefault: 'Default DEBUG to False',
  },
  docs: {
    what: `\`DEBUG\` set to a truthy literal in a settings module Django can be pointed at, or read from the environment with a
truthy default (\`os.environ.get("DEBUG", "True")\`, \`env.bool("DEBUG", default=True)\`). Modules named for development or tests
(\`dev.py\`, \`local.py\`, \`settings_test.py\`) are not checked: debug mode is what they are for. A value read from the
environment without a default is left alone.`,
    why: 'In debug mode every error page shows the settings, the source around the failing line and the SQL it ran, to every visitor; Django also keeps every query in memory.',
    example: '```python\nDEBUG = True\n```',
    instead: '```python\nDEBUG = os.environ.get("DJANGO_DEBUG") == "1"\n```',
  },
});
