/**
 * The engine's message loop, independent of how messages travel (utilityProcess, child_process,
 * or in-process for the CLI): parse, dispatch to the handler for the request's kind, stream
 * progress (throttled), deliver the result or a coded error, and honour cancel by id.
 */
import { parseToEngineMessage, type EngineKind, type FromEngineMessage } from '../../shared/protocol';
import { EngineError, ErrorCodes, cancelledError, type EngineErrorInfo } from '../../shared/errors';
import { handlers } from './handlers';
import { splitTransfer, type HandlerContext } from './handlers/handler';
import { DatasetStore } from './datasetStore';

/** How the core talks to its caller. */
export interface EngineTransport {
  send(message: FromEngineMessage, transfer?: ArrayBuffer[]): void;
  onMessage(listener: (raw: unknown) => void): void;
}

export interface EngineCoreOptions {
  /** Minimum milliseconds between two progress messages of one request (the last one always goes). */
  progressIntervalMs?: number;
}

export class EngineCore {
  private readonly inFlight = new Map<number, AbortController>();
  readonly store = new DatasetStore();

  constructor(
    private readonly transport: EngineTransport,
    private readonly options: EngineCoreOptions = {},
  ) {
    transport.onMessage((raw) => this.receive(raw));
  }

  private receive(raw: unknown): void {
    const msg = parseToEngineMessage(raw);
    if (!('type' in msg)) {
      // A malformed message cannot be answered by id when it has none; answer id -1 so the caller
      // can log it, and keep serving.
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
      this.transport.send({ type: 'error', id, error: msg });
      return;
    }
    if (msg.type === 'cancel') {
      this.inFlight.get(msg.id)?.abort();
      return;
    }
    void this.run(msg.id, msg.kind, msg.payload);
  }

  private async run(id: number, kind: EngineKind, payload: unknown): Promise<void> {
    const entry = Object.prototype.hasOwnProperty.call(handlers, kind) ? handlers[kind] : undefined;
    if (!entry) {
      this.transport.send({
        type: 'error',
        id,
        error: { code: ErrorCodes.UnknownKind, message: `The engine has no request kind "${String(kind)}".` },
      });
      return;
    }
    const parsed = entry.schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'payload';
      this.transport.send({
        type: 'error',
        id,
        error: {
          code: ErrorCodes.InvalidPayload,
          message: `Invalid ${kind} request: ${where}: ${issue?.message ?? 'invalid'}.`,
        },
      });
      return;
    }
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    const interval = this.options.progressIntervalMs ?? 100;
    let lastSent = -Infinity;
    const ctx: HandlerContext = {
      signal: controller.signal,
      store: this.store,
      progress: (progress, force = false) => {
        const now = performance.now();
        if (!force && now - lastSent < interval) return;
        lastSent = now;
        this.transport.send({ type: 'progress', id, progress });
      },
    };
    try {
      const { result, transfer } = splitTransfer(await entry.run(parsed.data as never, ctx));
      if (controller.signal.aborted) throw cancelledError();
      this.transport.send({ type: 'result', id, result }, transfer);
    } catch (err) {
      this.transport.send({ type: 'error', id, error: toErrorInfo(err, controller.signal.aborted) });
    } finally {
      this.inFlight.delete(id);
    }
  }
}

function toErrorInfo(err: unknown, aborted: boolean): EngineErrorInfo {
  if (err instanceof EngineError) return err.toInfo();
  if (aborted) return cancelledError().toInfo();
  const text = err instanceof Error ? err.message : String(err);
  return { code: ErrorCodes.Internal, message: `Unexpected engine error: ${text}` };
}
