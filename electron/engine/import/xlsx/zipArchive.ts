/**
 * The directory of a ZIP archive (PKWARE APPNOTE 6.3.x, sections 4.3.6-4.3.16), read from the end of
 * the file: the end-of-central-directory record, then the central directory, then each part's local
 * header when the part is opened. Every offset and length is checked against the file before it is
 * used, so a truncated or forged archive is refused with a reason instead of reading past its end.
 *
 * Not supported, refused as `xlsx_invalid`: ZIP64 (workbooks over 4 GB, which the 4 GB file limit
 * refuses anyway), archives split over several disks, encrypted parts, and compression methods other
 * than stored (0) and deflate (8) — Excel, LibreOffice and every common writer use deflate.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { rejectXlsxInvalid } from './xlsxLimits';

export interface ZipEntry {
  /** The part's name as stored (`xl/worksheets/sheet1.xml`). */
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  crc32: number;
  compressedSize: number;
  /** The inflated size the directory declares (checked while inflating). */
  size: number;
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
/** A directory of 65 535 entries with names of a few hundred bytes fits easily. */
const MAX_DIRECTORY_BYTES = 16 * 2 ** 20;

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  /** Use `ZipArchive.open`. */
  constructor(
    readonly path: string,
    readonly size: number,
    readonly entries: ZipEntry[],
    /** Where the central directory starts: every part's data lies before it. */
    private readonly directoryOffset: number,
  ) {
    // OPC part names compare case-insensitively (ECMA-376 Part 2, 9.1.1.1).
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  static async open(path: string, size: number): Promise<ZipArchive> {
    const handle = await open(path, 'r');
    try {
      return await readDirectory(handle, path, size);
    } finally {
      await handle.close();
    }
  }

  /** The entry named `name` (leading `/` ignored, case-insensitive), or null. */
  entry(name: string): ZipEntry | null {
    return this.byName.get(name.replace(/^\/+/, '').toLowerCase()) ?? null;
  }

  /** File offset of the entry's data, from its local header (checked against the directory). */
  async dataOffset(entry: ZipEntry): Promise<number> {
    const handle = await open(this.path, 'r');
    try {
      const head = await readAt(handle, entry.localOffset, LOCAL_BYTES, this.size);
      if (head === null || head.readUInt32LE(0) !== LOCAL_SIGNATURE)
        throw rejectXlsxInvalid(`the local header of ${entry.name} is missing or damaged`);
      const start = entry.localOffset + LOCAL_BYTES + head.readUInt16LE(26) + head.readUInt16LE(28);
      if (start + entry.compressedSize > this.directoryOffset)
        throw rejectXlsxInvalid(`the file is truncated: the data of ${entry.name} runs past its end`, {
          part: entry.name,
        });
      return start;
    } finally {
      await handle.close();
    }
  }
}

async function readAt(
  handle: FileHandle,
  offset: number,
  length: number,
  size: number,
): Promise<Buffer | null> {
  if (offset < 0 || offset + length > size) return null;
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, offset);
  return bytesRead === length ? buf : null;
}

async function readDirectory(handle: FileHandle, path: string, size: number): Promise<ZipArchive> {
  // The end record is the last 22 bytes plus a comment of at most 65 535 bytes.
  const tailLength = Math.min(size, EOCD_BYTES + 0xffff);
  const tail = (await readAt(handle, size - tailLength, tailLength, size))!;
  let at = -1;
  for (let i = tail.length - EOCD_BYTES; i >= 0; i--) {
    if (
      tail.readUInt32LE(i) === EOCD_SIGNATURE &&
      i + EOCD_BYTES + tail.readUInt16LE(i + 20) <= tail.length
    ) {
      at = i;
      break;
    }
  }
  if (at < 0)
    throw rejectXlsxInvalid(
      'it is not a complete ZIP archive (the directory at its end is missing: the file is truncated or damaged)',
    );
  const disk = tail.readUInt16LE(at + 4);
  const directoryDisk = tail.readUInt16LE(at + 6);
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    throw rejectXlsxInvalid('it is a ZIP64 archive, which is used only for files over 4 GB');
  if (disk !== 0 || directoryDisk !== 0)
    throw rejectXlsxInvalid('it is one part of a ZIP archive split over several files');
  const eocdOffset = size - tailLength + at;
  if (directoryOffset + directorySize > eocdOffset || directorySize > MAX_DIRECTORY_BYTES)
    throw rejectXlsxInvalid('its ZIP directory lies outside the file (the file is truncated or damaged)');
  const dir = (await readAt(handle, directoryOffset, directorySize, size))!;
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_BYTES > dir.length || dir.readUInt32LE(p) !== CENTRAL_SIGNATURE)
      throw rejectXlsxInvalid('its ZIP directory is damaged');
    const flags = dir.readUInt16LE(p + 8);
    const method = dir.readUInt16LE(p + 10);
    const nameLength = dir.readUInt16LE(p + 28);
    const next = p + CENTRAL_BYTES + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    if (next > dir.length) throw rejectXlsxInvalid('its ZIP directory is damaged');
    const name = dir.toString('utf8', p + CENTRAL_BYTES, p + CENTRAL_BYTES + nameLength);
    const entry: ZipEntry = {
      name,
      method,
      crc32: dir.readUInt32LE(p + 16),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      localOffset: dir.readUInt32LE(p + 42),
    };
    if (flags & 1) throw rejectXlsxInvalid(`its part ${name} is encrypted`, { part: name });
    if (method !== 0 && method !== 8)
      throw rejectXlsxInvalid(
        `its part ${name} uses ZIP compression method ${method} (only deflate is read)`,
        {
          part: name,
        },
      );
    if (method === 0 && entry.compressedSize !== entry.size)
      throw rejectXlsxInvalid(`the sizes of its stored part ${name} disagree`, { part: name });
    if (entry.localOffset + LOCAL_BYTES > directoryOffset)
      throw rejectXlsxInvalid(`the file is truncated or damaged: ${name} lies outside it`, { part: name });
    entries.push(entry);
    p = next;
  }
  return new ZipArchive(path, size, entries, directoryOffset);
}
