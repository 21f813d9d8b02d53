import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../../electron/main/engineClient';
import { nodeEngineSpawner } from '../../../electron/main/nodeEngineSpawner';
import { createIpcRouter } from '../../../electron/main/ipcRouter';
import { createServices } from '../../../electron/main/services';
import type { PreviewResult } from '../../../shared/data/types';
import { enginePath, fixturesDir } from '../../support/paths';

// previewDataset over the IPC router as the app wires it, with the engine as a separate process.
const engine = new EngineClient(nodeEngineSpawner(enginePath));
const route = createIpcRouter(
  createServices({
    engine,
    dialogs: { chooseDataFile: async () => null },
    samplesDir: '/nowhere',
    appInfo: () => ({
      name: 'Mixture Lab',
      version: '0.1.0-test',
      platform: 'linux',
      locale: 'en',
      prefersDark: false,
    }),
    emit: () => {},
  }),
);
afterAll(() => engine.dispose());

const gbk = path.join(fixturesDir, 'csv', '10_gbk_chinese.csv');

describe('previewDataset service', () => {
  it('previews a file by its absolute path with detected settings, and with an override', async () => {
    const detected = await route('previewDataset', { options: { path: gbk } });
    expect(detected.ok).toBe(true);
    const preview = (detected as { value: PreviewResult }).value;
    expect(preview.encoding).toMatch(/^(gbk|gb18030)$/i);
    expect(preview.header).toContain('年收入');
    expect(preview.rows.length).toBeGreaterThan(0);

    const overridden = await route('previewDataset', { options: { path: gbk, encoding: 'windows-1252' } });
    expect(overridden.ok && (overridden.value as PreviewResult).encoding).toBe('windows-1252');
  });

  it('refuses a relative path and unknown option keys before the engine sees them', async () => {
    const relative = await route('previewDataset', { options: { path: 'data/x.csv' } });
    expect(relative.ok ? null : relative.error.code).toBe('invalid_payload');
    const extra = await route('previewDataset', { options: { path: gbk, evil: true } });
    expect(extra.ok).toBe(false);
  });

  it('passes an engine rejection through with its code', async () => {
    const empty = await route('previewDataset', {
      options: { path: path.join(fixturesDir, 'csv', '15_empty.csv') },
    });
    expect(empty.ok ? null : empty.error.code).toBe('empty_file');
  });
});
