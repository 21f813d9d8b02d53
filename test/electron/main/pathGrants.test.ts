import { describe, expect, it } from 'vitest';
import { PATH_NOT_GRANTED, PathGrants } from '../../../electron/main/pathGrants';

describe('PathGrants: main writes only where the user chose', () => {
  it('allows a path granted by the Save dialog and nothing beside it', () => {
    const grants = new PathGrants({ platform: 'linux' });
    expect(grants.mayWrite('/home/ana/geyser.mixlab')).toBe(false);
    grants.grantWrite('/home/ana/geyser.mixlab');
    expect(grants.mayWrite('/home/ana/geyser.mixlab')).toBe(true);
    expect(grants.mayWrite('/home/ana/geyser.mixlab.bak')).toBe(false);
    expect(grants.mayWrite('/home/ana/.bashrc')).toBe(false);
    expect(grants.mayWrite('/home/ana')).toBe(false);
  });

  it('compares resolved paths, so dot segments neither sneak past nor break a real match', () => {
    const grants = new PathGrants({ platform: 'linux' });
    grants.grantWrite('/home/ana/out/labels.csv');
    expect(grants.mayWrite('/home/ana/out/x/../labels.csv')).toBe(true);
    expect(grants.mayWrite('/home/ana/out/../.bashrc')).toBe(false);
    expect(grants.mayWrite('/home/ana/out/labels.csv/../../.profile')).toBe(false);
    expect(grants.mayWrite('labels.csv')).toBe(false);
    expect(grants.mayWrite('')).toBe(false);
  });

  it('is case-sensitive on Linux and case-insensitive on Windows, with Windows path rules', () => {
    const linux = new PathGrants({ platform: 'linux' });
    linux.grantWrite('/data/A.csv');
    expect(linux.mayWrite('/data/a.csv')).toBe(false);
    const win = new PathGrants({ platform: 'win32' });
    win.grantWrite('C:\\Users\\Ana\\A.csv');
    expect(win.mayWrite('c:\\users\\ana\\a.CSV')).toBe(true);
    expect(win.mayWrite('C:/Users/Ana/A.csv')).toBe(true);
    expect(win.mayWrite('C:\\Users\\Ana\\B.csv')).toBe(false);
    expect(win.mayWrite('\\\\server\\share\\A.csv')).toBe(false);
  });

  it('allows files inside a writable folder, not the folder’s neighbours', () => {
    const grants = new PathGrants({ platform: 'linux', writableFolders: ['/cfg/app/autosave'] });
    expect(grants.mayWrite('/cfg/app/autosave/autosave.mixlab')).toBe(true);
    expect(grants.mayWrite('/cfg/app/autosave-evil/x.mixlab')).toBe(false);
    expect(grants.mayWrite('/cfg/app/autosave/../Preferences')).toBe(false);
    expect(grants.mayWrite('/cfg/app/autosave')).toBe(false);
  });

  it('refuses with a stable code and a message naming the file and what to do', () => {
    const grants = new PathGrants({ platform: 'linux' });
    let error: unknown;
    try {
      grants.checkWrite('/etc/cron.d/job', 'save the project');
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({
      code: PATH_NOT_GRANTED,
      message:
        'Mixture Lab did not save the project: "job" was not chosen in a Save dialog. Use Save As… or Export… and pick the file there.',
    });
  });

  it('keeps at most 10 000 grants, dropping the oldest first', () => {
    const grants = new PathGrants({ platform: 'linux' });
    for (let i = 0; i <= 10_000; i++) grants.grantWrite(`/out/f${i}.csv`);
    expect(grants.mayWrite('/out/f0.csv')).toBe(false);
    expect(grants.mayWrite('/out/f1.csv')).toBe(true);
    expect(grants.mayWrite('/out/f10000.csv')).toBe(true);
  });
});

describe('PathGrants: a folder chosen in the export-folder dialog', () => {
  it('makes the files directly inside it writable, not the folder’s subfolders, parent or neighbours', () => {
    const grants = new PathGrants({ platform: 'linux' });
    expect(grants.mayWrite('/home/ana/masks/frame1.png')).toBe(false);
    grants.grantFolder('/home/ana/masks');
    expect(grants.mayWrite('/home/ana/masks/frame1.png')).toBe(true);
    expect(grants.mayWrite('/home/ana/masks/x/../frame2.png')).toBe(true);
    expect(grants.mayWrite('/home/ana/masks/sub/frame1.png')).toBe(false);
    expect(grants.mayWrite('/home/ana/masks/../.bashrc')).toBe(false);
    expect(grants.mayWrite('/home/ana/masks')).toBe(false);
    expect(grants.mayWrite('/home/ana/masks2/frame1.png')).toBe(false);
  });

  it('grants nothing at the root beyond its direct files', () => {
    const grants = new PathGrants({ platform: 'linux' });
    grants.grantFolder('/');
    expect(grants.mayWrite('/frame1.png')).toBe(true);
    expect(grants.mayWrite('/etc/passwd')).toBe(false);
  });
});
