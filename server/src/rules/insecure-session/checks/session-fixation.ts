import { defineCheck } from '../../check';

export const sessionFixation = defineCheck({
  rule: 'insecure-session',
  name: 'session-fixation',
  severity: 'warning',
  summary: 'Passport pinned below 0.6.0 with logins that keep the session ID (one finding per package.json).',
  stacks: ['express', 'nest'],
  messages: {
    message:
      'Session fixation: {{call}}{{others}} logs the user in without regenerating the session, and passport {{range}} ' +
      '({{manifest}}) keeps the session ID the visitor had before: whoever planted it in their browser (a crafted link, a ' +
      'subdomain cookie) is logged in as them. Upgrade passport to 0.6 or later, whose req.login() regenerates the session.',
    others: ' (and {{count}} more {{logins}})',
    handler: 'the login handler',
    alsoLogsIn: '{{call}} also logs the user in here',
    declared: 'passport {{range}} is declared here',
  },
  docs: {
    what: `A login (\`req.login()\`/\`req.logIn()\`, \`passport.authenticate()\` on a POST route, \`super.logIn()\` in a NestJS
\`AuthGuard\`) in a handler that never calls \`req.session.regenerate()\`, when the package.json that governs the file pins
passport below 0.6.0. One upgrade fixes every login that package.json governs, so there is one finding per package.json, at its
first login, with the others as related places. Since 0.6.0 \`req.login()\` regenerates the session itself (also with \`keepSessionInfo: true\`, which only
copies the old data into the new session), so newer or unknown versions are not reported, nor are logins with
\`session: false\` or handlers that hand the request to code the file does not show.`,
    why: "Before passport 0.6.0 (CVE-2022-25896) the user was stored in the session the visitor already had, under the same ID: whoever planted that ID in the victim's browser (a crafted link, a shared computer, a cookie set from a subdomain) is logged in with them.",
    example:
      "```ts\n// package.json: \"passport\": \"^0.5.3\"\napp.post('/login', passport.authenticate('local'), (req, res) => res.redirect('/'));\n```",
    instead:
      'Upgrade passport to 0.6 or later, or regenerate the session before logging in:\n\n```ts\nreq.session.regenerate((err) => {\n  if (err) return next(err);\n  req.login(user, next);\n});\n```',
  },
});
