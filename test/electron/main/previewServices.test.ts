import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PreviewResult } from '../../../shared/data/types';
import { fixturesDir } from '../../support/paths';
import { realEngineRouter } from '../../support/services';

// previewDataset over the IPC router as the app wires it, with the engine as a separate process.
const { engine, route } = realEngineRouter();
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
