import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  containerKind,
  detectEncoding,
  isValidUtf8,
  looksBinary,
} from '../../../../electron/engine/import/detectEncoding';
import { csvDir } from './sidecar';

const bytes = (s: string, enc: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(s, enc));

describe('detectEncoding', () => {
  it('reads byte order marks', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), true)).toEqual({
      encoding: 'utf-8',
      bom: true,
    });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), true)).toEqual({
      encoding: 'utf-16le',
      bom: true,
    });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]), true)).toEqual({
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    expect(detectEncoding(bytes('id,name\r\n1,Zoë\r\n', 'utf16le'), true).encoding).toBe('utf-16le');
    expect(detectEncoding(bytes('id,name\r\n1,Zoë\r\n', 'utf16le').reverse(), true).encoding).toBe(
      'utf-16be',
    );
  });

  it('takes valid UTF-8 as UTF-8, allowing a sequence cut at the end of a sample', () => {
    const b = bytes('名前,Büro\n');
    expect(detectEncoding(b, true).encoding).toBe('utf-8');
    expect(isValidUtf8(b.subarray(0, 2), true)).toBe(true);
    expect(isValidUtf8(b.subarray(0, 2), false)).toBe(false);
    expect(isValidUtf8(new Uint8Array([0xc0, 0xaf]), false)).toBe(false); // overlong '/'
  });

  it('tells GBK Chinese from Windows-1252 Latin text', () => {
    expect(
      detectEncoding(new Uint8Array(readFileSync(path.join(csvDir, '10_gbk_chinese.csv'))), true).encoding,
    ).toBe('gbk');
    expect(
      detectEncoding(bytes('name,city\nMüller,Köln\nJosé,Málaga\nFrançois,Besançon\n', 'latin1'), true)
        .encoding,
    ).toBe('windows-1252');
  });

  it('spots containers and binary data', () => {
    expect(containerKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('zip');
    expect(containerKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole2');
    expect(containerKind(bytes('a,b\n'))).toBeNull();
    expect(looksBinary(new Uint8Array([0x61, 0, 0x62]))).toBe(true);
    expect(looksBinary(bytes('a\tb\r\n1\t2\r\n'))).toBe(false);
  });
});
