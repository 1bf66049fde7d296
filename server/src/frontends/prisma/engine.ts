// Prisma's own schema engine (@prisma/prisma-schema-wasm: the validator behind `prisma validate` and
// the Prisma VS Code extension), asked for the DMMF of a whole schema: which field is a relation and
// which scalars hold its foreign key, which type is an enum, and every index, as Prisma itself
// resolves them. It knows nothing of positions, and rejects a schema with any error, so the tolerant
// parser (parser.ts) stays the source of positions and of the last good model; the engine only
// confirms or corrects its facts. The 6.x engine is the one that still accepts `url` in a datasource.
// The wasm (3 MB) is compiled on first use, synchronously; if it cannot load, the parser's facts stand.
import type { Location } from '../../model/types';

type Wasm = { get_dmmf(params: string): string; lint(input: string): string };

export interface EngineField {
  /** `scalar`, `enum`, `object` (a relation or a composite type), `unsupported`. */
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  relationName?: string;
  relationFromFields: string[];
  relationToFields: string[];
}

export interface EngineIndex {
  /** `id`, `unique`, `normal` (`@@index`), `fulltext`. */
  type: string;
  fields: string[];
  /** Declared on the field (`@id`, `@unique`) rather than on the model (`@@id([...])`). */
  onField: boolean;
}

export interface EngineModel {
  fields: Map<string, EngineField>;
  indexes: EngineIndex[];
}

export type EngineResult =
  | { status: 'validated'; models: Map<string, EngineModel> }
  | { status: 'rejected'; message: string; file?: string; start?: number; end?: number }
  | { status: 'unavailable'; message: string };

let wasm: Wasm | null | undefined;
let loadError = '';

/** Tests replace the engine to see what happens when it cannot load (`null`), or restore it (`undefined`). */
export function setEngineForTests(engine: Wasm | null | undefined): void {
  wasm = engine;
  loadError = engine === null ? 'disabled' : '';
  results.clear();
}

function engine(): Wasm | null {
  if (wasm === undefined) {
    try {
      // Required here, not imported: the wasm is compiled when first needed, not when the server starts.
      wasm = require('@prisma/prisma-schema-wasm') as Wasm;
    } catch (error) {
      wasm = null;
      loadError = (error as Error).message;
    }
  }
  return wasm;
}

/** One result per distinct schema text: a rebuild of the project model after a TypeScript edit does not re-run the engine. */
const results = new Map<string, EngineResult>();
const REMEMBERED = 16;

/** The DMMF of a schema given as its files (`[name, text]`), or why there is none. */
export function runEngine(files: readonly (readonly [string, string])[]): EngineResult {
  const key = JSON.stringify(files);
  const known = results.get(key);
  if (known) return known;
  const result = compute(files);
  if (results.size >= REMEMBERED) results.delete(results.keys().next().value as string);
  results.set(key, result);
  return result;
}

function compute(files: readonly (readonly [string, string])[]): EngineResult {
  const loaded = engine();
  if (!loaded) return { status: 'unavailable', message: `Prisma's schema engine could not be loaded: ${loadError}` };
  try {
    return { status: 'validated', models: modelsOf(JSON.parse(loaded.get_dmmf(JSON.stringify({ prismaSchema: files, noColor: true })))) };
  } catch (error) {
    return rejection(loaded, files, error);
  }
}

/** The engine's first error, with its span from `lint` (which, unlike get_dmmf, reports where). */
function rejection(loaded: Wasm, files: readonly (readonly [string, string])[], error: unknown): EngineResult {
  try {
    const diagnostics = JSON.parse(loaded.lint(JSON.stringify(files))) as {
      file_name: string;
      start: number;
      end: number;
      text: string;
      is_warning: boolean;
    }[];
    const first = diagnostics.find((d) => !d.is_warning);
    if (first) return { status: 'rejected', message: first.text, file: first.file_name, start: first.start, end: first.end };
  } catch {
    // The message of get_dmmf's error is enough.
  }
  const raw = error instanceof Error ? error.message : String(error);
  let message = raw;
  try {
    message = (JSON.parse(raw) as { message?: string }).message ?? raw;
  } catch {
    // Not the engine's JSON error: a panic or a load failure, as it is.
  }
  return { status: 'rejected', message: message.split('\n')[0].replace(/^error: /, '') };
}

interface Dmmf {
  datamodel: {
    models: {
      name: string;
      fields: (Omit<EngineField, 'relationFromFields' | 'relationToFields' | 'relationName'> & {
        name: string;
        relationName?: string | null;
        relationFromFields?: string[];
        relationToFields?: string[];
      })[];
    }[];
    indexes?: { model: string; type: string; isDefinedOnField: boolean; fields: { name: string }[] }[];
  };
}

function modelsOf(dmmf: Dmmf): Map<string, EngineModel> {
  const models = new Map<string, EngineModel>();
  for (const model of dmmf.datamodel.models) {
    const fields = new Map<string, EngineField>();
    for (const field of model.fields) {
      fields.set(field.name, {
        kind: field.kind,
        type: field.type,
        isList: field.isList,
        isRequired: field.isRequired,
        isId: field.isId,
        isUnique: field.isUnique,
        ...(field.relationName ? { relationName: field.relationName } : {}),
        relationFromFields: field.relationFromFields ?? [],
        relationToFields: field.relationToFields ?? [],
      });
    }
    models.set(model.name, { fields, indexes: [] });
  }
  for (const index of dmmf.datamodel.indexes ?? []) {
    models.get(index.model)?.indexes.push({ type: index.type, fields: index.fields.map((f) => f.name), onField: index.isDefinedOnField });
  }
  return models;
}

/**
 * The engine's `lint` spans are offsets into one file's text. Not UTF-8 bytes, as the Rust parser
 * counts them: the wasm build hands back JavaScript string (UTF-16) offsets, checked with text that
 * has accents and emoji before the error. So they index the text as it is.
 */
export function spanLocation(file: string, text: string, start: number, end: number): Location {
  const position = (offset: number) => {
    const lines = text.slice(0, Math.max(0, Math.min(offset, text.length))).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  return { file, range: { start: position(start), end: position(end) } };
}
