import type { Rule } from './rule';
import { insecureSession } from './insecure-session';
import { middlewareOrder } from './middleware-order';
import { missingIndex } from './missing-index';
import { nPlusOne } from './n-plus-one';

/** Every rule Stackscope knows, in the order they are documented. */
export const RULES: readonly Rule[] = [nPlusOne, missingIndex, insecureSession, middlewareOrder];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
