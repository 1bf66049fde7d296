// Session fixation with Passport. Before passport 0.6.0, `req.login()` (which `passport.authenticate()`
// calls) stored the user in the session the visitor already had, under the same session ID: whoever
// planted that ID in the victim's browser is logged in with them. Since 0.6.0 (2022-05-20, the fix of
// CVE-2022-25896) `SessionManager.logIn` calls `req.session.regenerate()` itself before storing the user,
// and `keepSessionInfo: true` only copies the old session's data into the new session, whose ID is
// new. So a login is reported only where the project's package.json pins passport below 0.6.0 and the
// handler does not regenerate the session itself; an unknown version says nothing.
import { relative } from 'node:path';
import { declaredRange, onlyBelow } from '../../model/dependencies';
import type { Finding, LoginSite, ProjectModel } from '../../model/types';

const FIXED_IN = '0.6.0';

export function checkSessionFixation(model: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  for (const facts of model.files.values()) {
    for (const site of facts.logins ?? []) {
      if (site.regenerates || site.opaque) continue;
      const declared = declaredRange(model, site.location.file, 'passport');
      if (!declared || !onlyBelow(declared.range, FIXED_IN)) continue;
      findings.push(finding(site, declared.range, relative(model.root, declared.manifest), declared.manifest));
    }
  }
  return findings;
}

function finding(site: LoginSite, range: string, manifestName: string, manifest: string): Finding {
  return {
    rule: 'insecure-session',
    severity: 'warning',
    file: site.location.file,
    range: site.location.range,
    message:
      `Session fixation: ${site.call} logs the user in without \`req.session.regenerate()\`, and passport ${range} (${manifestName}) ` +
      'keeps the session ID the visitor had before logging in. Whoever planted that ID in their browser (a crafted link, a shared ' +
      'computer, a cookie set from a subdomain) is then logged in as them. Upgrade passport to 0.6 or later, which regenerates ' +
      'the session in req.login(), or call req.session.regenerate() before logging the user in.',
    fixes: [],
    related: [
      { location: site.handler, message: 'the login handler' },
      { location: { file: manifest, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: `passport ${range} is declared here` },
    ],
  };
}
