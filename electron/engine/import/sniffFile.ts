/**
 * The first look at a file: its size, first bytes, extension, and what it is (delimited text or a
 * workbook), before anything is decoded. Refuses empty files, files beyond the size limit
 * (importLimits.ts), binary containers, and files named .xlsx that are not ZIP archives, with a reason.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { containerKind } from './detectEncoding';
import { rejectEmptyFile, rejectNotText, rejectXls } from './rejections';
import { rejectXlsxInvalid } from './xlsx/xlsxLimits';
import { IMPORT_LIMITS, rejectFileTooLarge } from '../../../shared/data/importLimits';
import { checkReadableFile } from '../../common/fileRefusal';
import { imageTypeOf, imageTypeOfExtension } from './image/imageHeader';

const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm'];

/** The first bytes, for a message: printable ASCII as text, the rest in hex. */
function firstBytes(sample: Uint8Array): string {
  const head = Array.from(sample.subarray(0, 8));
  return head.every((b) => b >= 0x20 && b < 0x7f)
    ? `"${String.fromCharCode(...head)}"`
    : head.map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** Bytes read up front for detection (encoding, delimiter, decimal, record length). */
export const SAMPLE_BYTES = 1 << 20;

export interface Sniffed {
  path: string;
  size: number;
  extension: string;
  /** 'image': an image signature, or a name that promises one (image/readImageFile.ts decides). */
  format: 'csv' | 'xlsx' | 'image';
  sample: Uint8Array;
  /** The sample is the whole file. */
  whole: boolean;
}

export async function sniffFile(file: string, sampleBytes = SAMPLE_BYTES): Promise<Sniffed> {
  // A folder, FIFO, device, link loop, missing or forbidden file: refused before any read can block.
  await checkReadableFile(file);
  const { size } = await stat(file);
  if (size === 0) throw rejectEmptyFile();
  // From the size alone, before reading: a 20 GB file is refused at once, whatever it holds.
  if (size > IMPORT_LIMITS.fileBytes) throw rejectFileTooLarge(size);
  const handle = await open(file, 'r');
  let sample: Uint8Array;
  try {
    const buffer = new Uint8Array(Math.min(size, sampleBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    sample = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const extension = path.extname(file).toLowerCase();
  if (imageTypeOf(sample) || imageTypeOfExtension(extension))
    return { path: file, size, extension, format: 'image', sample, whole: sample.length === size };
  const container = containerKind(sample);
  if (WORKBOOK_EXTENSIONS.includes(extension)) {
    if (container === 'zip')
      return { path: file, size, extension, format: 'xlsx', sample, whole: sample.length === size };
    // Named as a workbook but not one: refused, never read as text under a workbook's name.
    throw rejectXlsxInvalid(
      container === 'ole2'
        ? 'it is not a ZIP archive, as every .xlsx workbook is, but an OLE2 file: a password-protected workbook or an Excel 97-2003 (.xls) file renamed'
        : `it is not a ZIP archive, as every .xlsx workbook is (it starts with ${firstBytes(sample)})`,
    );
  }
  if (container === 'ole2' && extension === '.xls') throw rejectXls();
  if (container) throw rejectNotText(container);
  return { path: file, size, extension, format: 'csv', sample, whole: sample.length === size };
}
