/**
 * Reading a `.mixlab` file's text: JSON → our format? → not too new → migrated → validated. Each
 * refusal is an EngineError with a stable code (the renderer translates by code) and an English
 * message that says exactly what is wrong:
 *
 *   project_corrupt   not JSON, or cut off (where parsing stopped)
 *   project_foreign   JSON, but not a Mixture Lab project (a model file is named as such)
 *   project_too_new   made by a newer Mixture Lab (format N; this version reads up to M)
 *   project_invalid   a field fails the schema (its path and why), sizes beyond the caps included
 */
import { EngineError } from '../errors';
import { parseJsonText, stringifyJson } from './jsonText';
import { MIGRATIONS, migrate, oldestReadableVersion, type Migration } from './migrations';
import { PROJECT_FORMAT, PROJECT_VERSION, projectSchema, type MixlabProject } from './schema';
import { issueText, MODEL_FORMAT } from './modelFile';

export const ProjectCodes = {
  Corrupt: 'project_corrupt',
  Foreign: 'project_foreign',
  TooNew: 'project_too_new',
  Invalid: 'project_invalid',
} as const;

export function parseProject(
  text: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): MixlabProject {
  const json = parseJsonText(text);
  if (!json.ok) {
    throw new EngineError(
      ProjectCodes.Corrupt,
      json.truncated
        ? `The project file is incomplete: it ends at ${json.where} in the middle of the data (it was probably cut off while being written or copied).`
        : `The project file is damaged: it is not valid JSON (parsing stopped at ${json.where}).`,
      { where: json.where, truncated: json.truncated },
    );
  }
  const doc = json.value;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw foreign('it holds JSON, but not an object');
  }
  const format = (doc as Record<string, unknown>).format;
  if (format !== PROJECT_FORMAT) {
    throw foreign(
      format === MODEL_FORMAT
        ? 'it is a model file; use "Apply model" to open it'
        : 'it holds JSON of another kind',
    );
  }
  const version = (doc as Record<string, unknown>).version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new EngineError(ProjectCodes.Invalid, 'The project file has no valid format version.');
  }
  if (version > PROJECT_VERSION) {
    throw new EngineError(
      ProjectCodes.TooNew,
      `This project was made by a newer Mixture Lab (format ${version}); this version reads up to ${PROJECT_VERSION}. Update Mixture Lab to open it.`,
      { version, supported: PROJECT_VERSION },
    );
  }
  const oldest = oldestReadableVersion(migrations);
  if (version < oldest) {
    throw new EngineError(
      ProjectCodes.Invalid,
      `This project uses format ${version}, older than any this version can read (${oldest} to ${PROJECT_VERSION}).`,
    );
  }
  const current = migrate(doc as Record<string, unknown>, migrations);
  const parsed = projectSchema.safeParse(current);
  if (!parsed.success) {
    throw new EngineError(
      ProjectCodes.Invalid,
      `The project file is invalid: ${issueText(parsed.error.issues[0])}.`,
    );
  }
  return parsed.data;
}

function foreign(why: string): EngineError {
  return new EngineError(ProjectCodes.Foreign, `This is not a Mixture Lab project file (${why}).`);
}

/** The file's text: pretty enough to diff, typed arrays as number arrays (exact). */
export function serializeProject(project: MixlabProject): string {
  return stringifyJson(project, 1) + '\n';
}
