import type { Rule } from '../rule';

export const middlewareOrder: Rule = {
  id: 'middleware-order',
  summary: 'Middleware registered in an order that breaks a documented rule.',
  docs: 'TODO',
  defaultSeverity: 'error',
  check: () => [],
};
