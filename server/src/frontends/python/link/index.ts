// The Python frontend's project-wide link phase: what one Django file cannot know about itself.
import { djangoModels } from '../../../model/django/relations';
import type { ProjectModel } from '../../../model/types';
import { linkDeferredLoops } from './handoffs';
import { inheritAbstractFields } from './inheritance';
import { linkReceivers } from './receivers';
import { linkSerializedLoops } from './serialized-loops';
import { linkTemplateLoops } from './templates';

export function linkPython(model: ProjectModel): void {
  model.models = inheritAbstractFields(model.models);
  model.signals = linkReceivers(model.signals, model.files);
  model.queryLoops.push(...linkTemplateLoops(model.files), ...linkDeferredLoops(model.files));
  if (model.models.some((m) => m.stack === 'django')) model.queryLoops.push(...linkSerializedLoops(model.files, djangoModels(model)));
}
