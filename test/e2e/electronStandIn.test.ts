/**
 * The e2e stand-ins for ipcRenderer and webUtils answer as Electron's do (docs/api/ipc-renderer.md,
 * docs/api/structures/ipc-renderer-event.md, docs/api/web-utils.md, and lib/renderer/api/
 * ipc-renderer.ts for the text of an invoke's rejection), run here in Node over a fake window.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/api';
import { encodeWire } from './wire';

type StandIn = typeof import('./electronStandIn');
const page = {} as {
  __mixlabInvoke: (method: string, arg: unknown) => Promise<unknown>;
  __mixlabDispatch: (event: unknown) => void;
  __mixlabDroppedPaths?: Record<string, string>;
};
let standIn: StandIn;

beforeAll(async () => {
  (globalThis as { window?: unknown }).window = page;
  standIn = await import('./electronStandIn');
});

describe('ipcRenderer stand-in', () => {
  it('rejects an invoke whose handler fails with a new Error naming the channel, the cause as text', async () => {
    page.__mixlabInvoke = async () => {
      throw new Error('engine gone');
    };
    const failure = await standIn.ipcRenderer.invoke(INVOKE_CHANNEL, 'fit', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(
      `Error invoking remote method '${INVOKE_CHANNEL}': Error: engine gone`,
    );
  });

  it('rejects an invoke on a channel nobody handles, as Electron does', async () => {
    const failure = (await standIn.ipcRenderer.invoke('other', 'fit', {}).catch((e: unknown) => e)) as Error;
    expect(failure.message).toBe(
      "Error invoking remote method 'other': Error: No handler registered for 'other'",
    );
  });

  it('passes an answer through the wire encoding, typed arrays intact', async () => {
    page.__mixlabInvoke = async () => encodeWire({ ok: true, value: Float64Array.of(1.5, 2) });
    const answer = (await standIn.ipcRenderer.invoke(INVOKE_CHANNEL, 'fit', {})) as { value: Float64Array };
    expect(answer.value).toBeInstanceOf(Float64Array);
    expect(Array.from(answer.value)).toEqual([1.5, 2]);
  });

  it('calls listeners with an IpcRendererEvent (sender: the ipcRenderer, ports) and returns itself', () => {
    const seen: unknown[][] = [];
    const listener = (...args: unknown[]) => void seen.push(args);
    expect(standIn.ipcRenderer.on(EVENT_CHANNEL, listener)).toBe(standIn.ipcRenderer);
    expect(standIn.ipcRenderer.on('elsewhere', listener)).toBe(standIn.ipcRenderer);
    page.__mixlabDispatch(encodeWire({ type: 'theme', theme: 'dark' }));
    expect(seen).toEqual([
      [
        { sender: standIn.ipcRenderer, ports: [] },
        { type: 'theme', theme: 'dark' },
      ],
    ]);
    expect(standIn.ipcRenderer.removeListener(EVENT_CHANNEL, listener)).toBe(standIn.ipcRenderer);
    page.__mixlabDispatch(encodeWire({ type: 'theme', theme: 'light' }));
    expect(seen).toHaveLength(1);
  });
});

describe('webUtils stand-in', () => {
  it('answers the path of a dropped file, an empty string for a file without one, and throws for a non-File', () => {
    page.__mixlabDroppedPaths = { 'iris.csv': '/data/iris.csv' };
    expect(standIn.webUtils.getPathForFile(new File(['x'], 'iris.csv'))).toBe('/data/iris.csv');
    expect(standIn.webUtils.getPathForFile(new File(['x'], 'made-in-script.csv'))).toBe('');
    expect(() => standIn.webUtils.getPathForFile({ name: 'iris.csv' } as unknown as File)).toThrow(TypeError);
  });
});
