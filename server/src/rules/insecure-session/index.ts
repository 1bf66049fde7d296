import type { Rule } from '../rule';

export const insecureSession: Rule = {
  id: 'insecure-session',
  summary: 'Session and CSRF cookies, secrets and stores that an attacker can exploit.',
  docs: 'TODO',
  defaultSeverity: 'warning',
  check: () => [],
};
