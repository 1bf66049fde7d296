// The project model: every file's facts gathered, then each frontend's project-wide link phase, then what
// needs every language at once (the database each model lives in).
import { FRONTENDS } from '../frontends';
import { linkModelDatabases } from '../model/model-databases';
import { gatherFacts } from '../model/project';
import type { FileFacts, ProjectModel } from '../model/types';

export function buildProjectModel(root: string, files: Map<string, FileFacts>, queryFunctions: readonly string[] = []): ProjectModel {
  const model = gatherFacts(root, files, queryFunctions);
  for (const frontend of FRONTENDS) frontend.link?.(model);
  model.models = linkModelDatabases(model.models, files, model.settings.values(), model.prismaSchemas ?? []);
  return model;
}
