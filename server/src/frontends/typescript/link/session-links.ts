// Session options imported from another file of the project (`app.use(session(sessionOptions))` with
// `export const sessionOptions = {...}` in config.ts): the options are read, judged and fixed where they
// are written.
import { resolveModule } from './modules';
import type { FileFacts, SessionConfig } from '../../../model/types';

export function linkSessionOptions(sessions: readonly SessionConfig[], files: ReadonlyMap<string, FileFacts>): SessionConfig[] {
  return sessions.map((session) => {
    const imported = session.optionsImport;
    if (!imported) return session;
    const file = resolveModule(session.file, imported.module, files);
    const exported = file ? files.get(file)?.exportedOptions?.find((options) => options.name === imported.name) : undefined;
    if (!exported) return session;
    return { ...session, options: exported.value, optionsArgument: { location: exported.value.location, isLiteral: true } };
  });
}
