/**
 * Everything about a workbook except its sheets' cells: the ZIP directory, where the workbook part
 * is (package relationships, else the usual `xl/workbook.xml`), its worksheets in order and their
 * parts, whether dates count from 1904, which cell styles are dates, and the shared strings. A part
 * the workbook names but the archive lacks refuses it as damaged; chart sheets and dialog sheets are
 * not listed (they hold no cells).
 */
import { ZipArchive } from './zipArchive';
import { readPart, type InflateBudget } from './partStream';
import { readSharedStrings } from './sharedStrings';
import {
  RELATIONSHIP,
  parseDateStyles,
  parseRelationships,
  parseWorkbook,
  partText,
  relationshipOfType,
  type Relationship,
} from './workbookParts';
import { rejectXlsxInvalid, type XlsxLimits } from './xlsxLimits';

export interface WorkbookSheet {
  name: string;
  /** The worksheet part (`xl/worksheets/sheet1.xml`). */
  part: string;
}

export interface Workbook {
  archive: ZipArchive;
  budget: InflateBudget;
  limits: XlsxLimits;
  sheets: WorkbookSheet[];
  date1904: boolean;
  dateStyles: boolean[];
  sharedStrings: string[];
}

export async function openWorkbook(
  path: string,
  size: number,
  budget: InflateBudget,
  signal: AbortSignal,
): Promise<Workbook> {
  const { limits } = budget;
  const archive = await ZipArchive.open(path, size);
  const text = async (part: string): Promise<string | null> => {
    const entry = archive.entry(part);
    return entry ? partText(await readPart(archive, entry, budget, signal), entry.name) : null;
  };
  const relsOf = async (part: string): Promise<Map<string, Relationship>> => {
    const slash = part.lastIndexOf('/');
    const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    const rels = await text(relsPart);
    return rels === null ? new Map() : parseRelationships(rels, relsPart, limits);
  };

  const packageRels = await relsOf('');
  const workbookPart =
    relationshipOfType(packageRels, RELATIONSHIP.officeDocument)?.target ?? 'xl/workbook.xml';
  const workbookText = await text(workbookPart);
  if (workbookText === null)
    throw rejectXlsxInvalid(
      archive.entries.length === 0
        ? 'the ZIP archive is empty'
        : `it is a ZIP archive without a workbook part (${workbookPart}): not an Excel workbook, or a damaged one`,
    );
  const info = parseWorkbook(workbookText, workbookPart, limits);
  const rels = await relsOf(workbookPart);
  const sheets: WorkbookSheet[] = [];
  for (const sheet of info.sheets) {
    const rel = rels.get(sheet.relationshipId);
    if (!rel) throw rejectXlsxInvalid(`its sheet "${sheet.name}" has no part`);
    if (!rel.type.endsWith(RELATIONSHIP.worksheet)) continue;
    if (!archive.entry(rel.target))
      throw rejectXlsxInvalid(`the part ${rel.target} of its sheet "${sheet.name}" is missing`, {
        part: rel.target,
      });
    sheets.push({ name: sheet.name, part: rel.target });
  }
  if (sheets.length === 0) throw rejectXlsxInvalid('it has no worksheet');

  const stylesPart = relationshipOfType(rels, RELATIONSHIP.styles)?.target;
  const stylesText = stylesPart ? await text(stylesPart) : null;
  const dateStyles = stylesText === null ? [] : parseDateStyles(stylesText, stylesPart!, limits);

  const stringsPart = relationshipOfType(rels, RELATIONSHIP.sharedStrings)?.target;
  const stringsEntry = stringsPart ? archive.entry(stringsPart) : null;
  const sharedStrings = stringsEntry ? await readSharedStrings(archive, stringsEntry, budget, signal) : [];

  return { archive, budget, limits, sheets, date1904: info.date1904, dateStyles, sharedStrings };
}
