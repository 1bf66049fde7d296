import type { FileFacts, ProjectModel, SettingsModule } from './types';

/**
 * The project model as the files' facts make it, before any frontend links them across files: every
 * file's declarations gathered in one place. Cheap: no parsing happens here.
 */
export function gatherFacts(root: string, files: Map<string, FileFacts>, queryFunctions: readonly string[] = []): ProjectModel {
  const model: ProjectModel = {
    root,
    files,
    models: [],
    signals: [],
    middleware: [],
    settings: new Map(),
    sessions: [],
    queries: [],
    queryLoops: [],
    views: [],
    cookieWrites: [],
    signalSources: [],
    managerClasses: new Map(),
    perRowQueries: [],
    perRowLoads: [],
    columnUsages: [],
    databases: [],
    queryFunctions: [...queryFunctions],
    logins: [],
    loopCalls: [],
    foreignKeys: [],
    nest: [],
    fileContexts: new Map(),
  };
  for (const facts of files.values()) {
    model.models.push(...facts.models);
    model.signals.push(...facts.signals);
    model.middleware.push(...facts.middleware);
    model.sessions.push(...facts.sessions);
    model.queries.push(...(facts.queries ?? []));
    model.queryLoops.push(...(facts.queryLoops ?? []));
    model.views.push(...(facts.views ?? []));
    model.cookieWrites.push(...(facts.cookieWrites ?? []));
    model.signalSources.push(...(facts.signalSources ?? []));
    for (const manager of facts.managerClasses ?? []) model.managerClasses.set(manager.name, manager.calls);
    model.perRowQueries.push(...(facts.perRowQueries ?? []));
    model.perRowLoads.push(...(facts.perRowLoads ?? []));
    model.columnUsages.push(...(facts.columnUsages ?? []));
    model.databases.push(...(facts.databases ?? []));
    if (facts.settings) model.settings.set(facts.file, facts.settings as SettingsModule);
    model.logins.push(...(facts.logins ?? []));
    model.loopCalls.push(...(facts.loopCalls ?? []));
    model.foreignKeys.push(...(facts.foreignKeys ?? []));
    if (facts.nest) model.nest.push(facts.nest);
  }
  return model;
}
