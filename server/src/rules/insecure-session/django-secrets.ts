// SECRET_KEY and DEBUG (security.W009, W018), and the session storage choices Django does not check:
// the pickle serializer and the signed-cookie engine.
import type { Finding } from '../../model/types';
import { type DjangoContext, settingsFinding } from './django-context';
import { replaceValue } from './django-fixes';
import { isTruthy, knownValue } from '../../model/django/setting-values';

/** Django's W009 test (`core/checks/security/base.py`). */
export function isWeakSecret(secret: string): boolean {
  return secret.length < 50 || new Set(secret).size < 5 || secret.startsWith('django-insecure-');
}

export function checkSecretKey(context: DjangoContext): Finding[] {
  const assignment = context.get('SECRET_KEY');
  const known = knownValue(assignment?.value);
  if (!assignment || !known || known.value.kind !== 'string' || !isWeakSecret(known.value.value)) return [];
  const why = 'whoever reads it can forge session cookies, password-reset links and CSRF tokens';
  const weakness = 'has less than 50 characters, less than 5 unique characters, or the django-insecure- prefix';
  if (known.env) {
    return [
      settingsFinding(context, {
        severity: 'error',
        message: `SECRET_KEY falls back to a hard-coded key when ${known.env} is not set, and that key ${weakness}: ${why} (Django security.W009).`,
        location: assignment.location,
        fixes: [replaceValue(context.model, 'Remove the hard-coded fallback', assignment.value, `os.environ[${JSON.stringify(known.env)}]`, true)],
      }),
    ];
  }
  return [
    settingsFinding(context, {
      severity: 'error',
      message: `SECRET_KEY is a literal in the source that ${weakness}: ${why}. Read it from the environment (Django security.W009).`,
      location: assignment.location,
      fixes: [replaceValue(context.model, 'Read SECRET_KEY from the environment', assignment.value, 'os.environ["DJANGO_SECRET_KEY"]', true)],
    }),
  ];
}

export function checkDebug(context: DjangoContext): Finding[] {
  const assignment = context.get('DEBUG');
  const known = knownValue(assignment?.value);
  if (!assignment || !known || !isTruthy(known)) return [];
  const why = 'error pages show settings, source and SQL to every visitor, and Django keeps every query in memory';
  if (known.env) {
    return [
      settingsFinding(context, {
        severity: 'warning',
        message: `DEBUG defaults to True when ${known.env} is not set: a deployment that forgets the variable runs in debug mode, where ${why} (Django security.W018).`,
        location: assignment.location,
        fixes: [replaceValue(context.model, 'Default DEBUG to False', known.value, known.value.kind === 'string' ? '"False"' : 'False')],
      }),
    ];
  }
  return [
    settingsFinding(context, {
      severity: 'warning',
      message: `DEBUG = True in a settings module used for deployment: ${why} (Django security.W018).`,
      location: assignment.location,
      fixes: [replaceValue(context.model, 'Read DEBUG from the environment', assignment.value, 'os.environ.get("DJANGO_DEBUG") == "1"', true)],
    }),
  ];
}

const PICKLE = /(^|\.)PickleSerializer$/;
const JSON_SERIALIZER = 'django.contrib.sessions.serializers.JSONSerializer';
const SIGNED_COOKIES = 'django.contrib.sessions.backends.signed_cookies';

export function checkSessionStorage(context: DjangoContext): Finding[] {
  const findings: Finding[] = [];
  const serializer = context.get('SESSION_SERIALIZER');
  const serializerValue = knownValue(serializer?.value);
  if (serializer && serializerValue?.value.kind === 'string' && PICKLE.test(serializerValue.value.value)) {
    findings.push(
      settingsFinding(context, {
        severity: 'error',
        message:
          'SESSION_SERIALIZER is the PickleSerializer: anyone who learns SECRET_KEY can make the server unpickle a crafted session, which runs their code (Django deprecated it in 4.1 for this remote code execution risk and removed it in 5.0).',
        location: serializer.location,
        fixes: [replaceValue(context.model, 'Use the JSONSerializer', serializerValue.value, JSON.stringify(JSON_SERIALIZER))],
      }),
    );
  }
  const engine = context.get('SESSION_ENGINE');
  const engineValue = knownValue(engine?.value);
  if (engine && engineValue?.value.kind === 'string' && engineValue.value.value === SIGNED_COOKIES) {
    findings.push(
      settingsFinding(context, {
        severity: 'info',
        message:
          'SESSION_ENGINE stores the whole session in a signed cookie: the client can read it (signed, not encrypted), logging out does not revoke it, and a stolen cookie can be replayed until it expires.',
        location: engine.location,
      }),
    );
  }
  return findings;
}
