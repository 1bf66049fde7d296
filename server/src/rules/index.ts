import type { Check } from './check';
import type { Rule } from './rule';
import { insecureSession } from './insecure-session';
import { middlewareOrder } from './middleware-order';
import { missingIndex } from './missing-index';
import { nPlusOne } from './n-plus-one';

/** Every rule Stackscope knows, in the order they are documented. */
export const RULES: readonly Rule[] = [nPlusOne, missingIndex, insecureSession, middlewareOrder];

/** Every check, rule by rule, in the order each rule lists them. */
export const CHECKS: readonly Check[] = RULES.flatMap((rule) => rule.checks);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

export function checkById(id: string): Check | undefined {
  return CHECKS.find((check) => check.id === id);
}

/** The checks a selector names: a rule id names all of its checks, a check id itself; unknown ids name none. */
export function checksSelected(selector: string): readonly Check[] {
  const rule = ruleById(selector);
  if (rule) return rule.checks;
  const check = checkById(selector);
  return check ? [check] : [];
}
