// The quick fix of the missing-index checks that offer one: an index on the model's columns, in the form its ORM
// reads (the frontend that owns the model's file writes it).
import type { FixPlan } from '../../model/fix-plans';
import type { ModelDecl } from '../../model/types';

export function indexPlan(title: string, model: ModelDecl, fields: string[], form?: 'options' | 'field-option'): FixPlan {
  return {
    title,
    // An index in the model's options is the fix to apply; a field option (db_index=True) is the alternative.
    ...(form === 'field-option' ? {} : { preferred: true }),
    changes: [{ kind: 'add-model-index', model, fields, ...(form ? { form } : {}) }],
  };
}
