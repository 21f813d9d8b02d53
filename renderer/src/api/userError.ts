import { mixlabErrorOf } from '../../../shared/api';
import { ErrorCodes } from '../../../shared/errors';

/** An error as the user sees it: the stable code (for tests and support) and a sentence to act on. */
export interface UserError {
  code: string;
  message: string;
  /** Structured facts from the engine (e.g. `component` of a singular one), when it sent any. */
  details?: Record<string, unknown>;
}

/**
 * Turns anything a client call rejected with into a UserError. A refused window.mixlab call
 * arrives as the plain data the preload rejected with (Electron's contextBridge would reduce an
 * Error to its message), from which the code and details are rebuilt; page-side tests reject with
 * MixlabError itself. Anything else — an Error the bridge reduced to `Error(message)`, a bug — is
 * `internal` with its first line. Never shows a stack.
 */
export function toUserError(error: unknown): UserError {
  const coded = mixlabErrorOf(error);
  if (coded && coded.message.trim() !== '') {
    const out: UserError = { code: coded.code, message: firstLine(coded.message) };
    if (coded.details) out.details = coded.details;
    return out;
  }
  if (typeof error === 'object' && error !== null) {
    const { message } = error as { message?: unknown };
    if (typeof message === 'string' && message.trim() !== '')
      return { code: ErrorCodes.Internal, message: firstLine(message) };
  }
  if (typeof error === 'string' && error.trim() !== '')
    return { code: ErrorCodes.Internal, message: firstLine(error) };
  return { code: ErrorCodes.Internal, message: '' };
}

/** Stack traces start on the second line; a user message never needs more than the first. */
function firstLine(text: string): string {
  return text.split('\n', 1)[0].trim();
}

export function isCancelled(error: UserError): boolean {
  return error.code === ErrorCodes.Cancelled;
}
