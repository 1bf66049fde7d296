// The project model: every file's facts gathered, then each frontend's project-wide link phase, then what
// needs every language at once (the database each model lives in).
import { FRONTENDS } from '../frontends';
import { linkModelDatabases } from '../model/model-databases';
import { gatherFacts } from '../model/project';
import type { FileFacts, ProjectModel } from '../model/types';

export interface ProjectOptions {
  queryFunctions?: readonly string[];
  /** The files in a context (tests, migrations, seeds, scripts): see contexts.ts. */
  fileContexts?: ProjectModel['fileContexts'];
}

export function buildProjectModel(root: string, files: Map<string, FileFacts>, options: ProjectOptions = {}): ProjectModel {
  const model = gatherFacts(root, files, options.queryFunctions);
  if (options.fileContexts) model.fileContexts = options.fileContexts;
  for (const frontend of FRONTENDS) frontend.link?.(model);
  model.models = linkModelDatabases(model.models, files, model.settings.values(), model.prismaSchemas ?? []);
  return model;
}
