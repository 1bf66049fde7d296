import type { SessionConfig, Value } from '../../model/types';
import type { Report } from '../rule';
import { hardCodedSecret } from './checks/hard-coded-secret';
import { missingSecret } from './checks/missing-secret';
import { optionOf } from './express-options';
import { addEntryPlan, envSecretPlan, replacePlan } from './plans';

const SECRET_VARIABLE = 'SESSION_SECRET';
const SECRET_ENV = { kind: 'env', name: SECRET_VARIABLE } as const;

/** The `secret` option: missing (express-session throws on every request), a literal, or a literal fallback. */
export function checkSecret(session: SessionConfig, report: Report): void {
  const options = session.options;
  if (!options) return report(missingSecret, session.call, { message: 'express' });
  const title = missingSecret.text('fix');
  const secret = optionOf(options, 'secret');
  if (secret.state === 'unknown') return;
  if (secret.state === 'absent') {
    return report(missingSecret, options.location, { message: 'express', fixes: [addEntryPlan(title, options, 'secret', SECRET_ENV)] });
  }
  const value = secret.value;
  if (value.kind === 'none') {
    return report(missingSecret, value.location, { message: 'express', fixes: [replacePlan(title, value, SECRET_ENV)] });
  }
  if (isLiteralSecret(value)) {
    const fix = envSecretPlan(hardCodedSecret.text('fixEnv', { option: 'secret', variable: SECRET_VARIABLE }), value, SECRET_VARIABLE);
    return report(hardCodedSecret, value.location, { message: 'express', fixes: [fix] });
  }
  if (value.kind === 'env' && value.fallback && isLiteralSecret(value.fallback)) {
    const variable = value.name ? hardCodedSecret.text('namedVariable', { name: value.name }) : hardCodedSecret.text('unnamedVariable');
    const fixes = value.name ? [replacePlan(hardCodedSecret.text('fixFallback'), value, { kind: 'env', name: value.name })] : [];
    report(hardCodedSecret, value.fallback.location, { message: 'expressFallback', data: { variable }, fixes });
  }
}

export function isLiteralSecret(value: Value): boolean {
  if (value.kind === 'string') return true;
  return value.kind === 'list' && value.items.length > 0 && value.items.some((item) => item.kind === 'string');
}
