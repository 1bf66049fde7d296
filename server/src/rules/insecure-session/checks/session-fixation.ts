import { defineCheck } from '../../check';

export const sessionFixation = defineCheck({
  rule: 'insecure-session',
  name: 'session-fixation',
  severity: 'warning',
  summary: 'A Passport login that keeps the session ID, with passport pinned below 0.6.0.',
  stacks: ['express', 'nest'],
  messages: {
    message:
      'Session fixation: {{call}} logs the user in without `req.session.regenerate()`, and passport {{range}} ({{manifest}}) ' +
      'keeps the session ID the visitor had before logging in. Whoever planted that ID in their browser (a crafted link, a shared ' +
      'computer, a cookie set from a subdomain) is then logged in as them. Upgrade passport to 0.6 or later, which regenerates ' +
      'the session in req.login(), or call req.session.regenerate() before logging the user in.',
    handler: 'the login handler',
    declared: 'passport {{range}} is declared here',
  },
  docs: {
    what: `A login (\`req.login()\`/\`req.logIn()\`, \`passport.authenticate()\` on a POST route, \`super.logIn()\` in a NestJS
\`AuthGuard\`) in a handler that never calls \`req.session.regenerate()\`, when the package.json that governs the file pins
passport below 0.6.0. Since 0.6.0 \`req.login()\` regenerates the session itself (also with \`keepSessionInfo: true\`, which only
copies the old data into the new session), so newer or unknown versions are not reported, nor are logins with
\`session: false\` or handlers that hand the request to code the file does not show.`,
    why: 'Before passport 0.6.0 (CVE-2022-25896) the user was stored in the session the visitor already had, under the same ID: whoever planted that ID in the victim\'s browser (a crafted link, a shared computer, a cookie set from a subdomain) is logged in with them.',
    example: "```ts\n// package.json: \"passport\": \"^0.5.3\"\napp.post('/login', passport.authenticate('local'), (req, res) => res.redirect('/'));\n```",
    instead: "Upgrade passport to 0.6 or later, or regenerate the session before logging in:\n\n```ts\nreq.session.regenerate((err) => {\n  if (err) return next(err);\n  req.login(user, next);\n});\n```",
  },
});
