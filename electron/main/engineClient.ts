/**
 * The main process's handle on the engine process: starts it, routes requests and progress, fails
 * the requests in flight when it dies, and starts a fresh one. Transport-agnostic: an
 * `EngineSpawner` makes the process (Electron utilityProcess in the app, child_process.fork in
 * tests), so this lifecycle is tested in plain Node exactly as it runs in the app.
 */
import {
  parseFromEngineMessage,
  type EngineExitReason,
  type EngineKind,
  type PayloadOf,
  type ResultOf,
  type ToEngineMessage,
} from '../../shared/protocol';
import { EngineError, ErrorCodes } from '../../shared/errors';
import type { CallOptions, EngineCaller } from '../engine/engineCaller';
import { RequestTracker } from '../engine/requestTracker';
import { crashMessage, describeExit, exitDetail, exitReason, type EngineExit } from './engineExit';

/** One running engine process, as the client sees it. */
export interface EngineChannel {
  post(message: ToEngineMessage): void;
  onMessage(listener: (raw: unknown) => void): void;
  /** Called once when the process is gone, for whatever reason, with what is known about why. */
  onExit(listener: (exit: EngineExit) => void): void;
  kill(): void;
  readonly pid: number | undefined;
}

export type EngineSpawner = () => EngineChannel;

export interface EngineCrash {
  code: number | null;
  signal: string | null;
  reason: EngineExitReason;
  /** The technical cause ("signal SIGKILL", "exit code 70") for a details line. */
  detail: string;
  /** Requests that were failed because of the crash. */
  failedRequests: number;
  restarted: boolean;
  message: string;
}

export interface EngineClientOptions {
  /** Give up restarting after this many crashes within `restartWindowMs` (a crash loop). */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** How long to wait for the engine's `ready` message. */
  startTimeoutMs?: number;
  /** Lifecycle lines (start, ready, crash, restart) for the main log. */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export class EngineClient implements EngineCaller {
  private channel: EngineChannel | null = null;
  private tracker: RequestTracker | null = null;
  private ready: Promise<void> | null = null;
  private started = 0;
  private disposed = false;
  private crashTimes: number[] = [];
  private readonly crashListeners = new Set<(crash: EngineCrash) => void>();

  constructor(
    private readonly spawn: EngineSpawner,
    private readonly options: EngineClientOptions = {},
  ) {}

  /**
   * Counts engine processes started so far. State the engine held (datasets) belongs to one
   * generation; after a restart the services reload what they need.
   */
  get generation(): number {
    return this.started;
  }

  /** Process id of the running engine, if any (tests kill it to simulate a crash). */
  get pid(): number | undefined {
    return this.channel?.pid;
  }

  onCrash(listener: (crash: EngineCrash) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  /** Starts the engine if it is not running and resolves when it is ready for requests. */
  start(): Promise<void> {
    if (this.disposed)
      return Promise.reject(new EngineError(ErrorCodes.EngineUnavailable, 'The engine was shut down.'));
    if (this.ready) return this.ready;
    let channel: EngineChannel;
    const startedAt = Date.now();
    try {
      channel = this.spawn();
      this.started++;
      this.log('info', `engine process started (pid ${channel.pid}, generation ${this.started})`);
    } catch (err) {
      this.log('error', `engine process could not be started: ${(err as Error).message}`);
      return Promise.reject(
        new EngineError(
          ErrorCodes.EngineUnavailable,
          `The computing engine could not be started: ${(err as Error).message}`,
        ),
      );
    }
    const tracker = new RequestTracker((message) => channel.post(message));
    this.channel = channel;
    this.tracker = tracker;
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new EngineError(ErrorCodes.EngineUnavailable, 'The computing engine did not start in time.'));
        channel.kill();
      }, this.options.startTimeoutMs ?? 15_000);
      channel.onMessage((raw) => {
        const message = parseFromEngineMessage(raw);
        if (!message) return; // Not ours to trust; the engine never sends such a thing.
        if (message.type === 'ready') {
          clearTimeout(timer);
          this.log('info', `engine ready (pid ${message.pid}) after ${Date.now() - startedAt} ms`);
          resolve();
          return;
        }
        tracker.receive(message);
      });
      channel.onExit((exit) => {
        clearTimeout(timer);
        // Once ready, this rejection is a no-op; before it, the caller learns why the start failed.
        reject(
          new EngineError(
            ErrorCodes.EngineUnavailable,
            `The computing engine stopped while starting (it ${describeExit(exit)}).`,
          ),
        );
        this.handleExit(channel, exit);
      });
    });
    // A start failure must not surface as an unhandled rejection when nobody awaits it yet.
    this.ready.catch(() => undefined);
    return this.ready;
  }

  async call<K extends EngineKind>(
    kind: K,
    payload: PayloadOf<K>,
    options?: CallOptions<K>,
  ): Promise<ResultOf<K>> {
    await this.start();
    const tracker = this.tracker;
    if (!tracker) throw new EngineError(ErrorCodes.EngineUnavailable, 'The computing engine is not running.');
    return tracker.call(kind, payload, options);
  }

  /** Stops the engine for good (app quit). Requests in flight fail with engine_unavailable. */
  dispose(): void {
    this.disposed = true;
    this.tracker?.failAll(new EngineError(ErrorCodes.EngineUnavailable, 'The application is closing.'));
    this.channel?.kill();
    this.channel = null;
    this.tracker = null;
    this.ready = null;
  }

  private handleExit(channel: EngineChannel, exit: EngineExit): void {
    if (channel !== this.channel) return; // An old process we already replaced.
    const tracker = this.tracker;
    this.channel = null;
    this.tracker = null;
    this.ready = null;
    if (this.disposed) {
      this.log('info', `engine process ${describeExit(exit)} (application closing)`);
      return;
    }

    const now = Date.now();
    const windowMs = this.options.restartWindowMs ?? 60_000;
    this.crashTimes = this.crashTimes.filter((t) => now - t < windowMs).concat(now);
    const restart = this.crashTimes.length <= (this.options.maxRestarts ?? 3);

    const { code, signal } = exit;
    const reason = exitReason(exit);
    const message = crashMessage(exit, restart);
    const errorCode = reason === 'out-of-memory' ? ErrorCodes.EngineOutOfMemory : ErrorCodes.EngineCrashed;
    const failedRequests =
      tracker?.failAll(new EngineError(errorCode, message, { code, signal, reason })) ?? 0;
    this.log(
      'error',
      `engine process ${describeExit(exit)} (${reason}); ${failedRequests} request(s) failed; ` +
        (restart ? 'restarting' : 'not restarting (crash loop)'),
    );
    if (restart) this.start().catch(() => undefined);
    for (const listener of this.crashListeners)
      listener({
        code,
        signal,
        reason,
        detail: exitDetail(exit),
        failedRequests,
        restarted: restart,
        message,
      });
  }

  private log(level: 'info' | 'warn' | 'error', message: string): void {
    try {
      this.options.log?.(level, message);
    } catch {
      // A failing logger must not change the engine's lifecycle.
    }
  }
}
