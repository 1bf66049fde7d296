import { defineCheck } from '../../check';

export const fallbackNotLast = defineCheck({
  rule: 'middleware-order',
  name: 'fallback-not-last',
  severity: 'info',
  summary: "A flatpage or redirect fallback middleware above Django's own middleware.",
  stacks: ['django'],
  messages: {
    message:
      '{{entry}} is a last resort for 404 responses and belongs at the bottom of MIDDLEWARE; {{after}} come after it and see its responses.',
  },
  docs: {
    what: '`FlatpageFallbackMiddleware` or `RedirectFallbackMiddleware` followed by Django middleware in `MIDDLEWARE`.',
    why: "The fallbacks replace a 404 response with a flat page or a redirect. Django's docs put them at the bottom so that the middleware above them (which run after them on the response) see the final response.",
    example:
      '```python\nMIDDLEWARE = [\n    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",\n    "django.middleware.common.CommonMiddleware",\n]\n```',
    instead:
      '```python\nMIDDLEWARE = [\n    "django.middleware.common.CommonMiddleware",\n    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",\n]\n```',
  },
});
