import { describe, expect, it } from 'vitest';
import {
  LaunchQueue,
  filesFromArgv,
  launchFileKind,
  readForwardedLaunch,
} from '../../../electron/main/launchFiles';

const linux = { defaultApp: false, cwd: '/home/ana/work', platform: 'linux' as const };

describe('launchFileKind', () => {
  it.each([
    ['a.mixlab', 'project'],
    ['A.MIXLAB', 'project'],
    ['a.csv', 'data'],
    ['a.TSV', 'data'],
    ['notes.txt', 'data'],
    ['book.xlsx', 'data'],
    ['book.xls', null],
    ['model.json', null],
    ['archive.csv.gz', null],
    ['mixlab', null],
  ])('%s → %s', (file, kind) => {
    expect(launchFileKind(file)).toBe(kind);
  });

  it.each(['photo.png', 'photo.JPG', 'scan.jpeg', 'old.bmp', 'web.webp', 'walk.gif'])(
    'an image, %s, opens as data (its pixels)',
    (file) => expect(launchFileKind(file)).toBe('data'),
  );
});

describe('filesFromArgv', () => {
  it('packaged: skips the executable and keeps the files given after it', () => {
    expect(filesFromArgv(['/opt/Mixture Lab/mixture-lab', '/data/geyser.csv'], linux)).toEqual([
      { path: '/data/geyser.csv', kind: 'data' },
    ]);
  });

  it('development: skips electron and the app path ("electron . file")', () => {
    const argv = ['/repo/node_modules/electron/dist/electron', '.', 'analysis.mixlab'];
    expect(filesFromArgv(argv, { ...linux, defaultApp: true })).toEqual([
      { path: '/home/ana/work/analysis.mixlab', kind: 'project' },
    ]);
  });

  it('development with flags before the app path', () => {
    const argv = ['electron', '--inspect=9229', '--enable-logging', '/repo', 'b.xlsx'];
    expect(filesFromArgv(argv, { ...linux, defaultApp: true })).toEqual([
      { path: '/home/ana/work/b.xlsx', kind: 'data' },
    ]);
  });

  it('skips flags Chromium and macOS add (--switches, -psn_…)', () => {
    const argv = [
      'mixture-lab',
      '--allow-file-access-from-files',
      '--original-process-start-time=13370000000000000',
      '-psn_0_1234567',
      'x.csv',
    ];
    expect(filesFromArgv(argv, linux)).toEqual([{ path: '/home/ana/work/x.csv', kind: 'data' }]);
  });

  it('resolves relative paths against the given working directory (the second instance’s)', () => {
    expect(filesFromArgv(['mixture-lab', '../shared/iris.csv', './p.mixlab'], linux)).toEqual([
      { path: '/home/ana/shared/iris.csv', kind: 'data' },
      { path: '/home/ana/work/p.mixlab', kind: 'project' },
    ]);
  });

  it('ignores files whose extension the app does not open, and duplicates', () => {
    const argv = ['mixture-lab', 'a.json', 'b.csv', 'c.exe', '/home/ana/work/b.csv', 'README'];
    expect(filesFromArgv(argv, linux)).toEqual([{ path: '/home/ana/work/b.csv', kind: 'data' }]);
  });

  it('turns file:// URLs (a Linux desktop entry’s %U) into paths; other URLs are ignored', () => {
    const argv = ['mixture-lab', 'file:///home/ana/My%20Data/t%C3%A9st.csv', 'https://example.com/a.csv'];
    expect(filesFromArgv(argv, linux)).toEqual([{ path: '/home/ana/My Data/tést.csv', kind: 'data' }]);
  });

  it('Windows: drive paths stay, relative ones resolve against the cwd with backslashes', () => {
    const win = { defaultApp: false, cwd: 'C:\\Users\\ana\\Documents', platform: 'win32' as const };
    const argv = ['C:\\Program Files\\Mixture Lab\\Mixture Lab.exe', 'D:\\data\\a.csv', 'p.mixlab'];
    expect(filesFromArgv(argv, win)).toEqual([
      { path: 'D:\\data\\a.csv', kind: 'data' },
      { path: 'C:\\Users\\ana\\Documents\\p.mixlab', kind: 'project' },
    ]);
  });

  it('an argv with no files gives none', () => {
    expect(filesFromArgv(['mixture-lab'], linux)).toEqual([]);
    expect(filesFromArgv(['electron', '.'], { ...linux, defaultApp: true })).toEqual([]);
  });
});

describe('LaunchQueue', () => {
  const a = { path: '/a.csv', kind: 'data' as const };
  const b = { path: '/b.mixlab', kind: 'project' as const };

  it('holds files until the page asks, then passes new ones straight through', () => {
    const queue = new LaunchQueue();
    expect(queue.offer([a])).toEqual([]);
    expect(queue.offer([b, a])).toEqual([]);
    expect(queue.takePending()).toEqual([a, b]);
    expect(queue.takePending()).toEqual([]);
    expect(queue.offer([a])).toEqual([a]);
  });

  it('queues again while the page reloads', () => {
    const queue = new LaunchQueue();
    expect(queue.pageReady).toBe(false);
    queue.takePending();
    expect(queue.pageReady).toBe(true);
    queue.notReady();
    expect(queue.pageReady).toBe(false);
    expect(queue.offer([b])).toEqual([]);
    expect(queue.takePending()).toEqual([b]);
  });
});

describe('readForwardedLaunch', () => {
  it('accepts the argv and cwd a second instance sends', () => {
    expect(readForwardedLaunch({ argv: ['x', 'a.csv'], cwd: '/tmp' })).toEqual({
      argv: ['x', 'a.csv'],
      cwd: '/tmp',
    });
  });

  it.each([
    null,
    'x',
    { argv: 'a.csv', cwd: '/' },
    { argv: [1], cwd: '/' },
    { argv: [] },
    { argv: [], cwd: '' },
  ])('refuses malformed data %#', (data) => {
    expect(readForwardedLaunch(data)).toBeNull();
  });
});
