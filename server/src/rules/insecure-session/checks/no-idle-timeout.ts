import { defineCheck } from '../../check';

export const noIdleTimeout = defineCheck({
  rule: 'insecure-session',
  name: 'no-idle-timeout',
  severity: 'info',
  summary: 'Django sessions that stay valid for more than a day whether or not the user is active.',
  stacks: ['django'],
  messages: {
    message:
      'Sessions stay valid for {{days}} days after they were last saved, whether or not the user is active (SESSION_COOKIE_AGE, no SESSION_SAVE_EVERY_REQUEST): a session left open on a shared computer stays usable. For an idle timeout, set a shorter SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST = True.',
  },
  docs: {
    what: `A \`SESSION_COOKIE_AGE\` written over one day without \`SESSION_SAVE_EVERY_REQUEST = True\` or
\`SESSION_EXPIRE_AT_BROWSER_CLOSE = True\`, where sessions may be in use. Reported on \`SESSION_COOKIE_AGE\`; not when the
age is Django's two-week default (Django does not question it, and nearly every project runs it), cannot be read, or a star
import cannot be followed. No fix: the right timeout is the app's choice.`,
    why: 'Without a sliding expiry a session is valid for its whole age however long the user is away: a session left open on a shared computer, or a stolen cookie, stays usable for weeks.',
    example: '```python\nSESSION_COOKIE_AGE = 60 * 60 * 24 * 30\n```',
    instead: '```python\nSESSION_COOKIE_AGE = 60 * 60 * 8\nSESSION_SAVE_EVERY_REQUEST = True\n```',
  },
});
