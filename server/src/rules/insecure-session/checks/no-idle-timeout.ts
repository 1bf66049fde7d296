import { defineCheck } from '../../check';

export const noIdleTimeout = defineCheck({
  rule: 'insecure-session',
  name: 'no-idle-timeout',
  severity: 'info',
  summary: 'Django sessions that stay valid for more than a day whether or not the user is active.',
  stacks: ['django'],
  messages: {
    message:
      'Sessions stay valid for {{days}} days after they were last saved, whether or not the user is active ({{age}}, no SESSION_SAVE_EVERY_REQUEST): a session left open on a shared computer stays usable. For an idle timeout, set a shorter SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST = True.',
    /** `age`: the setting as written, or Django's default. */
    written: 'SESSION_COOKIE_AGE',
    defaulted: 'SESSION_COOKIE_AGE defaults to two weeks',
  },
  docs: {
    what: `A \`SESSION_COOKIE_AGE\` over one day (Django's default is two weeks) without \`SESSION_SAVE_EVERY_REQUEST = True\` or
\`SESSION_EXPIRE_AT_BROWSER_CLOSE = True\`, where sessions may be in use. Reported on \`SESSION_COOKIE_AGE\`, or on the session
middleware when the age is Django's default; not when an age cannot be read or a star import cannot be followed. No fix:
the right timeout is the app's choice.`,
    why: 'Without a sliding expiry a session is valid for its whole age however long the user is away: a session left open on a shared computer, or a stolen cookie, stays usable for weeks.',
    example: '```python\nSESSION_COOKIE_AGE = 60 * 60 * 24 * 30\n```',
    instead: '```python\nSESSION_COOKIE_AGE = 60 * 60 * 8\nSESSION_SAVE_EVERY_REQUEST = True\n```',
  },
});
