/**
 * A model file from disk, for the app (File → Apply model) and `mixlab apply` / `mixlab sample`
 * alike: a regular readable file within the model file limits (jsonLimits.ts), then parsed and
 * validated in full (shared/project/modelFile.ts). `cannotRead` words a refusal of the path the way
 * the caller speaks (the CLI echoes what the user typed).
 */
import path from 'node:path';
import type { LabelModel } from '../../shared/export/labelModel';
import { MODEL_FILE_LIMITS } from '../../shared/project/jsonLimits';
import { parseModelFile } from '../../shared/project/modelFile';
import { cannotRead as appWords, type FileProblem } from './fileRefusal';
import { readJsonFileText } from './jsonFile';

export async function readModelFile(
  file: string,
  cannotRead: (problem: FileProblem) => string = (p) => appWords(path.basename(file), p),
): Promise<LabelModel> {
  const text = await readJsonFileText(file, MODEL_FILE_LIMITS, {
    cannotRead,
    what: `The model file "${path.basename(file)}"`,
  });
  return parseModelFile(text);
}
