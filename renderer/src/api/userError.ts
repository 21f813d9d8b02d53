import { ErrorCodes } from '../../../shared/errors';

/** An error as the user sees it: the stable code (for tests and support) and a sentence to act on. */
export interface UserError {
  code: string;
  message: string;
  /** Structured facts from the engine (e.g. `component` of a singular one), when it sent any. */
  details?: Record<string, unknown>;
}

/**
 * Turns anything a client call rejected with into a UserError. Errors may arrive as MixlabError or,
 * after crossing Electron's contextBridge (which copies only an Error's message and own fields), as a
 * plain object with `code` and `message`; both are read by shape. Never shows a stack.
 */
export function toUserError(error: unknown): UserError {
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof message === 'string' && message.trim() !== '') {
      const out: UserError = {
        code: typeof code === 'string' ? code : ErrorCodes.Internal,
        message: firstLine(message),
      };
      if (typeof details === 'object' && details !== null && !Array.isArray(details))
        out.details = details as Record<string, unknown>;
      return out;
    }
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
