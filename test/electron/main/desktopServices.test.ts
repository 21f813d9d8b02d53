import { describe, expect, it } from 'vitest';
import type { LaunchFile, MenuState } from '../../../shared/api';
import { createDesktopServices } from '../../../electron/main/desktopServices';

const state: MenuState = {
  hasDocument: false,
  canSave: false,
  canExport: false,
  dirty: false,
  recent: [],
  locale: 'en',
  themeMode: 'auto',
};

describe('desktop services', () => {
  it('hand the page’s menu state, its readiness and its close answer to the desktop shell', async () => {
    const seen: unknown[] = [];
    const files: LaunchFile[] = [{ path: '/d/a.csv', kind: 'data' }];
    const services = createDesktopServices({
      setMenuState: (s) => void seen.push(s),
      takeLaunchFiles: () => files.splice(0),
      closeWindow: (proceed) => void seen.push({ proceed }),
    });
    await expect(services.setMenuState(state)).resolves.toEqual({ accepted: true });
    await expect(services.takeLaunchFiles({})).resolves.toEqual({
      files: [{ path: '/d/a.csv', kind: 'data' }],
    });
    await expect(services.takeLaunchFiles({})).resolves.toEqual({ files: [] });
    await services.closeWindow({ proceed: false });
    expect(seen).toEqual([state, { proceed: false }]);
  });

  it('without a desktop (CLI, tests): accepted, no files', async () => {
    const services = createDesktopServices();
    await expect(services.setMenuState(state)).resolves.toEqual({ accepted: true });
    await expect(services.takeLaunchFiles({})).resolves.toEqual({ files: [] });
    await expect(services.closeWindow({ proceed: true })).resolves.toEqual({ accepted: true });
  });
});
