// SECRET_KEY and DEBUG (security.W009, W018), and the session storage choices Django does not check:
// the pickle serializer and the signed-cookie engine.
import type { NewValue } from '../../model/fix-plans';
import { debugEnabled } from './checks/debug-enabled';
import { hardCodedSecret } from './checks/hard-coded-secret';
import { pickleSerializer } from './checks/pickle-serializer';
import { signedCookieEngine } from './checks/signed-cookie-engine';
import type { DjangoContext } from './django-context';
import { replacePlan } from './plans';
import { isTruthy, knownValue } from '../../model/django/setting-values';

/** Django's W009 test (`core/checks/security/base.py`). */
export function isWeakSecret(secret: string): boolean {
  return secret.length < 50 || new Set(secret).size < 5 || secret.startsWith('django-insecure-');
}

export function checkSecretKey(context: DjangoContext): void {
  const assignment = context.get('SECRET_KEY');
  const known = knownValue(assignment?.value);
  if (!assignment || !known || known.value.kind !== 'string' || !isWeakSecret(known.value.value)) return;
  // An empty key is a placeholder, not a secret: Django refuses to run with it ("The SECRET_KEY setting
  // must not be empty", django/conf/__init__.py), so no deployment signs anything with it.
  if (known.value.value === '') return;
  const weakness = weaknessOf(known.value.value);
  if (known.env) {
    const fix = replacePlan(hardCodedSecret.text('fixFallback'), assignment.value, { kind: 'env', name: known.env });
    return context.report(hardCodedSecret, assignment.location, {
      message: 'djangoFallback',
      data: { env: known.env, weakness },
      fixes: [fix],
    });
  }
  const fix = replacePlan(hardCodedSecret.text('fixDjango'), assignment.value, { kind: 'env', name: 'DJANGO_SECRET_KEY' });
  context.report(hardCodedSecret, assignment.location, { message: 'djangoLiteral', data: { weakness }, fixes: [fix] });
}

/** Which part of the W009 test a weak key fails, for the message. */
function weaknessOf(secret: string): string {
  if (secret.startsWith('django-insecure-')) return hardCodedSecret.text('djangoInsecurePrefix');
  if (secret.length < 50) return hardCodedSecret.text('djangoShort', { length: secret.length });
  return hardCodedSecret.text('djangoRepetitive');
}

export function checkDebug(context: DjangoContext): void {
  const assignment = context.get('DEBUG');
  const known = knownValue(assignment?.value);
  if (!assignment || !known || !isTruthy(known)) return;
  if (known.env) {
    // The default keeps the type it is written with: `"False"` for a string read, `False` otherwise.
    const off: NewValue = known.value.kind === 'string' ? { kind: 'string', value: 'False' } : { kind: 'bool', value: false };
    const fix = replacePlan(debugEnabled.text('fixDefault'), known.value, off);
    return context.report(debugEnabled, assignment.location, { message: 'default', data: { env: known.env }, fixes: [fix] });
  }
  const fix = replacePlan(debugEnabled.text('fixLiteral'), assignment.value, { kind: 'env', name: 'DJANGO_DEBUG', flag: true });
  context.report(debugEnabled, assignment.location, { message: 'literal', fixes: [fix] });
}

const PICKLE = /(^|\.)PickleSerializer$/;
const JSON_SERIALIZER = 'django.contrib.sessions.serializers.JSONSerializer';
const SIGNED_COOKIES = 'django.contrib.sessions.backends.signed_cookies';

export function checkSessionStorage(context: DjangoContext): void {
  const serializer = context.get('SESSION_SERIALIZER');
  const serializerValue = knownValue(serializer?.value);
  if (serializer && serializerValue?.value.kind === 'string' && PICKLE.test(serializerValue.value.value)) {
    const fix = replacePlan(pickleSerializer.text('fix'), serializerValue.value, { kind: 'string', value: JSON_SERIALIZER });
    context.report(pickleSerializer, serializer.location, { message: 'message', fixes: [fix] });
  }
  const engine = context.get('SESSION_ENGINE');
  const engineValue = knownValue(engine?.value);
  if (engine && engineValue?.value.kind === 'string' && engineValue.value.value === SIGNED_COOKIES) {
    context.report(signedCookieEngine, engine.location);
  }
}
