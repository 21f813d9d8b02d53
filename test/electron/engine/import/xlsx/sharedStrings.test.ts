import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newBudget } from '../../../../../electron/engine/import/xlsx/partStream';
import { readSharedStrings } from '../../../../../electron/engine/import/xlsx/sharedStrings';
import { XLSX_LIMITS } from '../../../../../electron/engine/import/xlsx/xlsxLimits';
import { ZipArchive } from '../../../../../electron/engine/import/xlsx/zipArchive';
import { EngineError } from '../../../../../shared/errors';
import { zip } from '../../../../support/zipWriter.mjs';

const tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-sst-'));
let n = 0;

async function strings(xml: string, limits = XLSX_LIMITS) {
  const bytes = zip([{ name: 'xl/sharedStrings.xml', data: xml }]);
  const file = path.join(tmp, `s${n++}.zip`);
  writeFileSync(file, bytes);
  const archive = await ZipArchive.open(file, bytes.length);
  return readSharedStrings(archive, archive.entries[0], newBudget(limits), new AbortController().signal);
}

async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

const sst = (items: string, uniqueCount = '') => `<sst xmlns="urn:x"${uniqueCount}>${items}</sst>`;

describe('readSharedStrings', () => {
  it('reads plain and rich-text strings, without phonetic guides', async () => {
    const got = await strings(
      sst(
        '<si><t>a &amp; b</t></si><si><r><t>ri</t></r><r><rPr/><t>ch</t></r><rPh><t>ルビ</t></rPh></si><si><t/></si>',
      ),
    );
    expect(got).toEqual(['a & b', 'rich', '']);
  });

  it('bounds the count (declared or counted), the characters, and one string', async () => {
    const limits = { ...XLSX_LIMITS, sharedStrings: 3, sharedStringChars: 10, cellChars: 6 };
    const four = '<si><t>a</t></si>'.repeat(4);
    expect((await refusal(strings(sst(four), limits))).details).toMatchObject({ limit: 'sharedStrings' });
    expect((await refusal(strings(sst('', ' uniqueCount="9"'), limits))).details).toMatchObject({
      limit: 'sharedStrings',
    });
    const eleven = '<si><t>abcd</t></si>'.repeat(2) + '<si><t>abc</t></si>';
    expect((await refusal(strings(sst(eleven), limits))).details).toMatchObject({
      limit: 'sharedStringChars',
    });
    expect((await refusal(strings(sst('<si><t>abcdefg</t></si>'), limits))).details).toMatchObject({
      limit: 'cell',
    });
  });
});
