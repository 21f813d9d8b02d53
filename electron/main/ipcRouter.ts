/**
 * The one entry for every window.mixlab call: checks the method name and parses the argument with
 * its schema, runs the service, and wraps the outcome in an Envelope (errors as {code, message},
 * never a stack). The sender check happens before this, in the transport (see ipc.ts).
 */
import { MIXLAB_METHODS, type Envelope, type MixlabMethod } from '../../shared/api';
import { apiArgSchemas } from '../../shared/apiSchemas';
import { EngineError, ErrorCodes, type EngineErrorInfo } from '../../shared/errors';
import type { MixlabServices } from './services';

export type IpcRouter = (method: unknown, arg: unknown) => Promise<Envelope<unknown>>;

const isMethod = (m: unknown): m is MixlabMethod =>
  typeof m === 'string' && (MIXLAB_METHODS as readonly string[]).includes(m);

export function createIpcRouter(services: MixlabServices, log: (line: string) => void = () => {}): IpcRouter {
  return async (method, arg) => {
    if (!isMethod(method)) {
      return fail({
        code: ErrorCodes.UnknownKind,
        message: `Unknown request "${String(method).slice(0, 60)}".`,
      });
    }
    const parsed = apiArgSchemas[method].safeParse(arg);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'argument';
      return fail({
        code: ErrorCodes.InvalidPayload,
        message: `Invalid ${method} request: ${where}: ${issue?.message}.`,
      });
    }
    try {
      const run = services[method] as (a: unknown) => Promise<unknown>;
      return { ok: true, value: await run(parsed.data) };
    } catch (err) {
      if (err instanceof EngineError) return fail(err.toInfo());
      log(`ipc ${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fail({
        code: ErrorCodes.Internal,
        message: `Something went wrong (${method}): ${(err as Error)?.message ?? err}`,
      });
    }
  };
}

const fail = (error: EngineErrorInfo): Envelope<never> => ({ ok: false, error });
