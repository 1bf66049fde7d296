import { effectiveSettings } from '../../model/django/settings-resolution';
import type { MiddlewareChain, ProjectModel, SettingAssignment } from '../../model/types';
import { isTruthy, knownValue } from '../../model/django/setting-values';
import type { Report } from '../rule';
import { dependencyOrder } from './checks/dependency-order';
import { documentedOrder } from './checks/documented-order';
import { type OrderConditions, ORDER_PAIRS, shortName } from './django-pairs';
import { moveEntryPlan } from './move-plans';

/** Entries that come before a middleware they depend on: an error where Django breaks, else the documented order. */
export function checkOrderPairs(model: ProjectModel, chain: MiddlewareChain, report: Report): void {
  const conditions = conditionsFor(model, chain);
  const position = new Map<string, number>();
  chain.entries.forEach((entry, index) => {
    if (!position.has(entry.name)) position.set(entry.name, index);
  });
  for (const pair of ORDER_PAIRS) {
    const first = position.get(pair.first);
    const then = position.get(pair.then);
    if (first === undefined || then === undefined || first < then) continue;
    const outcome = pair.outcome(conditions);
    if (!outcome) continue;
    const early = chain.entries[then];
    const needed = chain.entries[first];
    const names = { first: shortName(pair.first), then: shortName(pair.then) };
    const related = [{ location: needed.location, message: dependencyOrder.text('relatedDjango', names) }];
    const fix = moveEntryPlan(
      chain,
      needed,
      early,
      'before',
      dependencyOrder.text('djangoFix', { entry: names.first, anchor: names.then }),
    );
    if (outcome === 'fails') {
      const runtime = pair.runtimeError ? dependencyOrder.text('djangoRuntime', { error: pair.runtimeError }) : '';
      report(dependencyOrder, early.location, { message: 'django', data: { ...names, why: pair.why, runtime }, fixes: [fix], related });
    } else {
      report(documentedOrder, early.location, { message: 'django', data: { ...names, why: pair.why }, fixes: [fix], related });
    }
  }
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
