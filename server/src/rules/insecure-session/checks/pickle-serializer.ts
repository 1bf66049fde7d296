import { defineCheck } from '../../check';

export const pickleSerializer = defineCheck({
  rule: 'insecure-session',
  name: 'pickle-serializer',
  severity: 'error',
  summary: "Django's PickleSerializer for sessions: remote code execution once SECRET_KEY leaks.",
  stacks: ['django'],
  messages: {
    message:
      'SESSION_SERIALIZER is the PickleSerializer: anyone who learns SECRET_KEY can make the server unpickle a crafted session, which runs their code (Django deprecated it in 4.1 for this remote code execution risk and removed it in 5.0).',
    fix: 'Use the JSONSerializer',
  },
  docs: {
    what: "`SESSION_SERIALIZER` naming a `PickleSerializer` (Django's own or any module's class of that name), as a literal or as the default of an environment read. The fix names the JSONSerializer.",
    why: 'Sessions signed with SECRET_KEY are unpickled on every request: whoever learns the key (a leak, a hard-coded one) can craft a session that runs their code on the server. Django deprecated the serializer in 4.1 and removed it in 5.0.',
    example: '```python\nSESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"\n```',
    instead: '```python\nSESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"\n```',
  },
});
