// A minimal ZIP writer (PKWARE APPNOTE 4.3: local headers, data, central directory, end record) for
// building workbooks in tests and in the hostile-fixture generator — including broken ones: a part
// may carry its own compressed bytes, a false declared size or CRC, or be left out of the directory.
// Plain JavaScript so that test/fixtures/hostile/generate.mjs runs under bare Node; typed by
// zipWriter.d.mts.
import { crc32, deflateRawSync, constants } from 'node:zlib';

/** @param {Buffer} b @param {number} v @param {number} at */
const u16 = (b, v, at) => b.writeUInt16LE(v, at);
/** @param {Buffer} b @param {number} v @param {number} at */
const u32 = (b, v, at) => b.writeUInt32LE(v >>> 0, at);

/**
 * @param {import('./zipWriter.d.mts').ZipPart[]} parts
 * @returns {Buffer}
 */
export function zip(parts) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const part of parts) {
    const data =
      typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : (part.data ?? Buffer.alloc(0));
    const method = part.method ?? 8;
    const body = part.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const name = Buffer.from(part.name, 'utf8');
    const crc = part.crc ?? crc32(data);
    const size = part.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    u32(local, 0x04034b50, 0);
    u16(local, 20, 4);
    u16(local, 0, 6);
    u16(local, method, 8);
    u32(local, crc, 14);
    u32(local, body.length, 18);
    u32(local, size, 22);
    u16(local, name.length, 26);
    const central = Buffer.alloc(46);
    u32(central, 0x02014b50, 0);
    u16(central, 20, 4);
    u16(central, 20, 6);
    u16(central, part.flags ?? 0, 8);
    u16(central, method, 10);
    u32(central, crc, 16);
    u32(central, body.length, 20);
    u32(central, size, 24);
    u16(central, name.length, 28);
    u32(central, offset, 42);
    locals.push(local, name, body);
    if (!part.unlisted) centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  u32(end, 0x06054b50, 0);
  u16(end, centrals.length / 2, 8);
  u16(end, centrals.length / 2, 10);
  u32(end, directory.length, 12);
  u32(end, offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Raw deflate of `unit` repeated `times`, without ever holding the repetition: each copy is a
 * separately compressed, sync-flushed block (its back-references stay inside it), followed by an
 * empty final block. 1 MB of repeated cells deflates to about 1 KB, so 500 copies make a
 * 500 MB part in ~0.5 MB — a decompression bomb built in milliseconds.
 * @param {Buffer} unit @param {number} times
 */
export function repeatedDeflate(unit, times) {
  const block = deflateRawSync(unit, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const out = Buffer.alloc(block.length * times + 2);
  for (let i = 0; i < times; i++) block.copy(out, i * block.length);
  // BFINAL = 1, BTYPE = 01 (fixed Huffman), end-of-block: the bits 1, 01, 0000000.
  out[out.length - 2] = 0x03;
  out[out.length - 1] = 0x00;
  return out;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The parts of a minimal workbook of one sheet named "Data": `sheetData` is the inner XML of
 * <sheetData>; `sharedStrings` (optional) the strings of xl/sharedStrings.xml; `styles` (optional)
 * the whole xl/styles.xml.
 * @param {{ sheetData?: string, sheetXml?: string, sharedStrings?: string[], sharedStringsXml?: string, styles?: string }} o
 * @returns {import('./zipWriter.d.mts').ZipPart[]}
 */
export function workbookParts(o) {
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  const parts = [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: PACKAGE_RELS },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data:
        o.sheetXml ??
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${o.sheetData ?? ''}</sheetData></worksheet>`,
    },
  ];
  if (o.sharedStrings || o.sharedStringsXml) {
    rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    const items = (o.sharedStrings ?? []).map((s) => `<si><t>${s}</t></si>`).join('');
    parts.push({
      name: 'xl/sharedStrings.xml',
      data:
        o.sharedStringsXml ??
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${o.sharedStrings.length}" uniqueCount="${o.sharedStrings.length}">${items}</sst>`,
    });
  }
  if (o.styles) {
    rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
    parts.push({ name: 'xl/styles.xml', data: o.styles });
  }
  parts.push({
    name: 'xl/_rels/workbook.xml.rels',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  });
  return parts;
}
