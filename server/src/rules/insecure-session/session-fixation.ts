// Session fixation with Passport. Before passport 0.6.0, `req.login()` (which `passport.authenticate()`
// calls) stored the user in the session the visitor already had, under the same session ID: whoever
// planted that ID in the victim's browser is logged in with them. Since 0.6.0 (2022-05-20, the fix of
// CVE-2022-25896) `SessionManager.logIn` calls `req.session.regenerate()` itself before storing the user,
// and `keepSessionInfo: true` only copies the old session's data into the new session, whose ID is
// new. So a login is reported only where the project's package.json pins passport below 0.6.0 and the
// handler does not regenerate the session itself; an unknown version says nothing.
//
// The root cause is the pinned version: one upgrade of one package.json fixes every login it governs. So
// each such package.json gives one finding, at its first login, with the other logins as related places.
import { relative } from 'node:path';
import { declaredRange, onlyBelow, type DeclaredRange } from '../../model/dependencies';
import type { LoginSite, ProjectModel } from '../../model/types';
import type { RelatedPlace, Report } from '../rule';
import { sessionFixation } from './checks/session-fixation';

const FIXED_IN = '0.6.0';
const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function checkSessionFixation(model: ProjectModel, report: Report): void {
  const byManifest = new Map<string, { declared: DeclaredRange; sites: LoginSite[] }>();
  for (const site of model.logins) {
    if (site.regenerates || site.opaque) continue;
    const declared = declaredRange(model, site.location.file, 'passport');
    if (!declared || !onlyBelow(declared.range, FIXED_IN)) continue;
    const group = byManifest.get(declared.manifest) ?? { declared, sites: [] };
    group.sites.push(site);
    byManifest.set(declared.manifest, group);
  }
  for (const { declared, sites } of byManifest.values()) {
    const [first, ...others] = [...sites].sort(byPlace);
    const range = declared.range;
    const related: RelatedPlace[] = [
      { location: first.handler, message: sessionFixation.text('handler') },
      { location: { file: declared.manifest, range: FILE_START }, message: sessionFixation.text('declared', { range }) },
      ...others.map((site) => ({ location: site.location, message: sessionFixation.text('alsoLogsIn', { call: site.call }) })),
    ];
    report(sessionFixation, first.location, {
      message: 'message',
      data: {
        call: first.call,
        range,
        manifest: relative(model.root, declared.manifest),
        others:
          others.length === 0
            ? ''
            : sessionFixation.text('others', { count: others.length, logins: others.length === 1 ? 'login' : 'logins' }),
      },
      related,
    });
  }
}

function byPlace(a: LoginSite, b: LoginSite): number {
  return (
    a.location.file.localeCompare(b.location.file) ||
    a.location.range.start.line - b.location.range.start.line ||
    a.location.range.start.character - b.location.range.start.character
  );
}
