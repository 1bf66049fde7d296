// Session fixation with Passport. Before passport 0.6.0, `req.login()` (which `passport.authenticate()`
// calls) stored the user in the session the visitor already had, under the same session ID: whoever
// planted that ID in the victim's browser is logged in with them. Since 0.6.0 (2022-05-20, the fix of
// CVE-2022-25896) `SessionManager.logIn` calls `req.session.regenerate()` itself before storing the user,
// and `keepSessionInfo: true` only copies the old session's data into the new session, whose ID is
// new. So a login is reported only where the project's package.json pins passport below 0.6.0 and the
// handler does not regenerate the session itself; an unknown version says nothing.
import { relative } from 'node:path';
import { declaredRange, onlyBelow } from '../../model/dependencies';
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { sessionFixation } from './checks/session-fixation';

const FIXED_IN = '0.6.0';
const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function checkSessionFixation(model: ProjectModel, report: Report): void {
  for (const site of model.logins) {
    if (site.regenerates || site.opaque) continue;
    const declared = declaredRange(model, site.location.file, 'passport');
    if (!declared || !onlyBelow(declared.range, FIXED_IN)) continue;
    const range = declared.range;
    report(sessionFixation, site.location, {
      message: 'message',
      data: { call: site.call, range, manifest: relative(model.root, declared.manifest) },
      related: [
        { location: site.handler, message: sessionFixation.text('handler') },
        { location: { file: declared.manifest, range: FILE_START }, message: sessionFixation.text('declared', { range }) },
      ],
    });
  }
}
