/**
 * The import choices a command line may override, shared by `mixlab inspect` and `mixlab fit`:
 * `--header yes|no` (is the first line the header? default: decided from the file, firstLine.ts) and
 * `--total-rows exclude|keep` (summary rows, totalRows.ts; default exclude); for an image,
 * `--colour-space rgb|lab|both` and `--xy` (its pixel columns, importImage.ts). And the notes a fit
 * prints about what the import decided, so a decision that changes the data is never silent.
 */
import type { DatasetSummary, ImportOptions } from '../../shared/data/types';
import { ArgumentError } from './args';

export const IMPORT_FLAGS_SPEC = {
  header: 'string',
  'total-rows': 'string',
  'colour-space': 'string',
  xy: 'flag',
} as const;

export const IMPORT_FLAGS_USAGE = `  --header yes|no             whether the first line is the header (default: decided from the file:
                              a first line of numbers like the rows below is data)
  --total-rows exclude|keep   summary rows ("Total" over the column sums): left out (default) or kept
  --colour-space rgb|lab|both an image's colour columns: r, g, b (default), CIELAB L*, a*, b*, or both
  --xy                        an image's pixel coordinates as columns x, y`;

export function importFlags(o: {
  header?: string;
  'total-rows'?: string;
  'colour-space'?: string;
  xy?: boolean;
}): Pick<ImportOptions, 'header' | 'totalRows' | 'image'> {
  const out: Pick<ImportOptions, 'header' | 'totalRows' | 'image'> = {};
  const colour = o['colour-space'];
  if (colour !== undefined && colour !== 'rgb' && colour !== 'lab' && colour !== 'both')
    throw new ArgumentError(`--colour-space must be rgb, lab or both (got "${colour}")`);
  if (colour !== undefined || o.xy === true)
    out.image = {
      ...(colour !== undefined ? { colour } : {}),
      ...(o.xy === true ? { xy: true } : {}),
    };
  if (o.header !== undefined) {
    if (o.header !== 'yes' && o.header !== 'no')
      throw new ArgumentError(`--header must be yes or no (got "${o.header}")`);
    out.header = o.header === 'yes';
  }
  if (o['total-rows'] !== undefined) {
    if (o['total-rows'] !== 'exclude' && o['total-rows'] !== 'keep')
      throw new ArgumentError(`--total-rows must be exclude or keep (got "${o['total-rows']}")`);
    out.totalRows = o['total-rows'];
  }
  return out;
}

/** Rows the import left out as summary rows (1-based), in order. */
export function excludedTotalRows(summary: DatasetSummary): number[] {
  return summary.errors.filter((e) => e.kind === 'total_row' && e.excluded === true).map((e) => e.row);
}

/** Lines for stderr about what the import decided that changes the data (none for most files). */
export function importNotes(
  summary: DatasetSummary,
  options: Pick<ImportOptions, 'header' | 'totalRows'>,
): string[] {
  const notes: string[] = [];
  if (!summary.header && options.header === undefined)
    notes.push(
      'note: the first line holds only numbers like the rows below, so it is read as data and the columns are named "Column 1", "Column 2", …; --header yes reads it as the header.\n',
    );
  const totals = summary.errors.filter((e) => e.kind === 'total_row' && e.excluded === true);
  if (totals.length > 0) {
    const shown = totals
      .slice(0, 3)
      .map((e) => `row ${e.row} "${String(e.label)}"`)
      .join(', ');
    const more = totals.length > 3 ? ` and ${totals.length - 3} more` : '';
    notes.push(
      `note: left out ${totals.length} summary row${totals.length === 1 ? '' : 's'} (${shown}${more}): ${totals.length === 1 ? 'its numbers are' : 'their numbers are'} the sums of the rows above; --total-rows keep keeps them.\n`,
    );
  }
  return notes;
}
