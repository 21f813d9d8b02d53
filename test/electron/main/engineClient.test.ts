import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EngineClient,
  type EngineClientOptions,
  type EngineCrash,
} from '../../../electron/main/engineClient';
import { nodeEngineSpawner, type NodeEngineSpawnerOptions } from '../../../electron/main/nodeEngineSpawner';
import { type FromEngineMessage } from '../../../shared/protocol';
import { ErrorCodes, type EngineError } from '../../../shared/errors';
import { enginePath } from '../../support/paths';

const clients: EngineClient[] = [];
function newClient(options: EngineClientOptions = {}, spawn: NodeEngineSpawnerOptions = {}): EngineClient {
  const client = new EngineClient(nodeEngineSpawner(enginePath, spawn), options);
  clients.push(client);
  return client;
}
afterEach(() => {
  while (clients.length) clients.pop()!.dispose();
});

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return (err as EngineError).code;
  }
};

describe('engine process lifecycle (real child process)', () => {
  it('answers a request with its result', async () => {
    const client = newClient();
    const hello = await client.call('hello', {});
    expect(hello.pid).toBe(client.pid);
    expect(hello.pid).not.toBe(process.pid);
    expect(hello.threads).toBeGreaterThanOrEqual(1);
  });

  it('streams progress, throttled, before the result', async () => {
    const client = newClient();
    const seen: number[] = [];
    const result = await client.call(
      'diagnostics.work',
      { ms: 900, steps: 9 },
      { onProgress: (p) => seen.push(p.step) },
    );
    expect(result.steps).toBe(9);
    // Work reports every 100 ms; the engine forwards at most one message per 100 ms, plus the final one.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(9);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('cancels a running request by id and keeps serving', async () => {
    const client = newClient();
    const controller = new AbortController();
    const started = performance.now();
    const running = client.call(
      'diagnostics.work',
      { ms: 20_000, steps: 200 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 300);
    expect(await codeOf(running)).toBe(ErrorCodes.Cancelled);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await client.call('hello', {})).pid).toBe(client.pid);
  });

  it('fails the request in flight when the engine is killed, then restarts a working engine', async () => {
    const client = newClient();
    await client.start();
    const firstPid = client.pid!;
    const crashes: EngineCrash[] = [];
    client.onCrash((c) => crashes.push(c));
    const running = client.call('diagnostics.work', { ms: 20_000, steps: 200 });
    const other = client.call('diagnostics.work', { ms: 20_000, steps: 200 });
    setTimeout(() => process.kill(firstPid, 'SIGKILL'), 200);

    const err = (await running.catch((e: unknown) => e)) as EngineError;
    expect(err.code).toBe(ErrorCodes.EngineCrashed);
    expect(err.message).toMatch(/stopped unexpectedly.*restarted/);
    expect(await codeOf(other)).toBe(ErrorCodes.EngineCrashed);
    expect(crashes).toHaveLength(1);
    expect(crashes[0]).toMatchObject({
      signal: 'SIGKILL',
      reason: 'killed',
      failedRequests: 2,
      restarted: true,
    });

    const hello = await client.call('hello', {});
    expect(hello.pid).not.toBe(firstPid);
  });

  it('reports an engine that exits on its own mid-request the same way', async () => {
    const client = newClient();
    const running = client.call('diagnostics.work', { ms: 400, steps: 4, crash: true });
    const err = (await running.catch((e: unknown) => e)) as EngineError;
    expect(err.code).toBe(ErrorCodes.EngineCrashed);
    expect(err.message).toMatch(/exited with code 70/);
    expect((await client.call('hello', {})).threads).toBeGreaterThan(0);
  });

  it('says the engine ran out of memory when its V8 heap is exhausted mid-import, and restarts it', async () => {
    // A 48 MB heap starts the engine but cannot hold the parse of a 400 000-row file with a text
    // column: V8 prints "JavaScript heap out of memory" and aborts (SIGABRT), as a real OOM does.
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-oom-'));
    try {
      const file = path.join(dir, 'big.csv');
      const rows = ['id,a,b,label,c,e'];
      for (let i = 0; i < 400_000; i++)
        rows.push(`${i},${Math.sin(i)},${Math.cos(i)},site${i % 1000},${i * 2},${Math.sin(7 * i)}`);
      writeFileSync(file, rows.join('\n'));
      const output: string[] = [];
      const lifecycle: string[] = [];
      const client = newClient(
        { log: (level, message) => lifecycle.push(`${level} ${message}`) },
        { execArgv: ['--max-old-space-size=48'], output: (_stream, line) => output.push(line) },
      );
      const crashes: EngineCrash[] = [];
      client.onCrash((c) => crashes.push(c));
      await client.start();

      const err = (await client
        .call('dataset.import', { path: file })
        .catch((e: unknown) => e)) as EngineError;
      expect(err.code).toBe(ErrorCodes.EngineOutOfMemory);
      expect(err.message).toMatch(/ran out of memory/);
      expect(err.message).toMatch(/restarted/);
      expect(err.message).toMatch(/fewer rows or columns, or fewer clusters/);
      expect(err.message).not.toMatch(/\n|FATAL|node::/); // plain words, no V8 report or stack
      expect(err.details).toMatchObject({ reason: 'out-of-memory' });
      expect(crashes).toEqual([expect.objectContaining({ reason: 'out-of-memory', restarted: true })]);
      // The engine's own last words went to the output sink (engine.log in the app).
      expect(output.some((line) => /JavaScript heap out of memory/.test(line))).toBe(true);
      expect(lifecycle.some((l) => /^error engine process .*\(out-of-memory\).*restarting/.test(l))).toBe(
        true,
      );

      expect((await client.call('hello', {})).threads).toBeGreaterThan(0);
      expect(lifecycle.filter((l) => /^info engine ready/.test(l))).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops restarting after repeated crashes (no crash loop)', async () => {
    const client = newClient({ maxRestarts: 1 });
    const crashes: EngineCrash[] = [];
    client.onCrash((c) => crashes.push(c));
    await codeOf(client.call('diagnostics.work', { ms: 100, steps: 2, crash: true }));
    await codeOf(client.call('diagnostics.work', { ms: 100, steps: 2, crash: true }));
    expect(crashes.map((c) => c.restarted)).toEqual([true, false]);
    expect(crashes[1].message).toMatch(/keeps stopping/);
  });

  it('rejects unknown kinds and invalid payloads with specific codes', async () => {
    const client = newClient();
    expect(await codeOf(client.call('no.such.kind' as 'hello', {}))).toBe(ErrorCodes.UnknownKind);
    const err = (await client
      .call('diagnostics.work', { ms: -5, steps: 1 })
      .catch((e: unknown) => e)) as EngineError;
    expect(err.code).toBe(ErrorCodes.InvalidPayload);
    expect(err.message).toMatch(/ms/);
  });
});

describe('engine process: malformed messages', () => {
  it('answers a malformed message with bad_message and keeps serving', async () => {
    const channel = nodeEngineSpawner(enginePath)();
    const received: FromEngineMessage[] = [];
    const next = () =>
      new Promise<FromEngineMessage>((resolve) => {
        const poll = setInterval(() => {
          const m = received.shift();
          if (m) {
            clearInterval(poll);
            resolve(m);
          }
        }, 5);
      });
    channel.onMessage((m) => received.push(m as FromEngineMessage));
    try {
      expect(await next()).toMatchObject({ type: 'ready' });
      channel.post({ nonsense: true } as never);
      expect(await next()).toMatchObject({ type: 'error', id: -1, error: { code: ErrorCodes.BadMessage } });
      channel.post({ type: 'request', id: 7, kind: 'hello' } as never);
      expect(await next()).toMatchObject({
        type: 'error',
        id: 7,
        error: { code: ErrorCodes.InvalidPayload },
      });
      channel.post({ type: 'request', id: 8, kind: 'hello', payload: {} });
      expect(await next()).toMatchObject({ type: 'result', id: 8 });
    } finally {
      channel.kill();
    }
  });
});
