/**
 * The main-side services as tests build them: the app's createServices with stand-in dialogs and
 * app info, over a given engine caller — or over a REAL engine process behind the IPC router, as
 * the app wires it (the caller disposes `engine` after its tests).
 */
import { EngineClient } from '../../electron/main/engineClient';
import { nodeEngineSpawner } from '../../electron/main/nodeEngineSpawner';
import { createIpcRouter, type IpcRouter } from '../../electron/main/ipcRouter';
import { createServices, type MixlabServices, type ServiceDeps } from '../../electron/main/services';
import { enginePath } from './paths';

export const testAppInfo: ServiceDeps['appInfo'] = () => ({
  name: 'Mixture Lab',
  version: 't',
  platform: 'linux',
  locale: 'en',
  prefersDark: false,
});

/** Services over `engine`; the data-file dialog answers `chosen`; anything else in `extra`. */
export function testServices(
  engine: ServiceDeps['engine'],
  chosen: string | null = null,
  extra: Partial<ServiceDeps> = {},
): MixlabServices {
  return createServices({
    engine,
    dialogs: { chooseDataFile: async () => chosen },
    samplesDir: '/nowhere',
    appInfo: testAppInfo,
    emit: () => {},
    ...extra,
  });
}

/** The IPC router over services over a real engine process (out/engine/engine.cjs). */
export function realEngineRouter(): { engine: EngineClient; route: IpcRouter } {
  const engine = new EngineClient(nodeEngineSpawner(enginePath));
  return { engine, route: createIpcRouter(testServices(engine)) };
}
