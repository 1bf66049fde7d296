import { effectiveSettings } from '../../model/django/settings-resolution';
import type { Finding, MiddlewareChain, ProjectModel, SettingAssignment } from '../../model/types';
import { isTruthy, knownValue } from '../../model/django/setting-values';
import { moveAbove } from './django-edits';
import { type OrderConditions, ORDER_PAIRS, shortName } from './django-pairs';

/** Entries that come before a middleware they depend on. */
export function checkOrderPairs(model: ProjectModel, chain: MiddlewareChain): Finding[] {
  const conditions = conditionsFor(model, chain);
  const position = new Map<string, number>();
  chain.entries.forEach((entry, index) => {
    if (!position.has(entry.name)) position.set(entry.name, index);
  });
  const findings: Finding[] = [];
  for (const pair of ORDER_PAIRS) {
    const first = position.get(pair.first);
    const then = position.get(pair.then);
    if (first === undefined || then === undefined || first < then) continue;
    const severity = pair.severity(conditions);
    if (!severity) continue;
    const early = chain.entries[then];
    const needed = chain.entries[first];
    const runtime = pair.runtimeError ? ` Every request fails with ImproperlyConfigured: "${pair.runtimeError}"` : '';
    const fix = moveAbove(model, chain, needed, early);
    findings.push({
      rule: 'middleware-order',
      severity,
      file: early.location.file,
      range: early.location.range,
      message: `${shortName(pair.then)} comes before ${shortName(pair.first)}: ${pair.why}.${runtime}`,
      fixes: fix ? [fix] : [],
      related: [{ location: needed.location, message: `${shortName(pair.first)} is here; it must come before ${shortName(pair.then)}` }],
    });
  }
  return findings;
}

/** CSRF_USE_SESSIONS and MESSAGE_STORAGE as seen by the settings module that defines this MIDDLEWARE. */
function conditionsFor(model: ProjectModel, chain: MiddlewareChain): OrderConditions {
  const lookup = settingsLookup(model, chain.file);
  const csrf = lookup('CSRF_USE_SESSIONS');
  const csrfKnown = csrf ? knownValue(csrf.value) : undefined;
  const storage = lookup('MESSAGE_STORAGE');
  const storageKnown = storage ? knownValue(storage.value) : undefined;
  return {
    csrfUsesSessions: !csrf ? false : csrfKnown ? isTruthy(csrfKnown) : undefined,
    // The default FallbackStorage and SessionStorage both need the session; CookieStorage does not.
    messagesUseSession: !storage
      ? true
      : storageKnown?.value.kind === 'string'
        ? !storageKnown.value.value.endsWith('CookieStorage')
        : undefined,
  };
}

export function settingsLookup(model: ProjectModel, file: string): (name: string) => SettingAssignment | undefined {
  const effective = effectiveSettings(model).find((settings) => settings.values.get('MIDDLEWARE')?.location.file === file);
  if (effective) return (name) => effective.values.get(name);
  const own = model.settings.get(file);
  return (name) => own?.assignments.get(name);
}
