/**
 * Feeds scanned records into a TableBuilder: the first record is the header, the rest are data rows
 * (cut to the header's width; ColumnBuilder types each cell from its range of the chunk string).
 */
import type { TableBuilder } from '../../../shared/data/tableBuilder';
import { FIELD_PLAIN, fieldText, recordTexts, type RecordSink } from './csvScanner';

export function tableSink(
  builder: TableBuilder,
  maxRows = Infinity,
  onRow?: (cells: string[]) => void,
): RecordSink {
  return {
    record(buf, starts, ends, flags, n, values, formats) {
      if (!builder.header) {
        builder.setHeader(recordTexts(buf, starts, ends, flags, n));
        return maxRows > 0;
      }
      builder.beginRecord();
      const cols = builder.columns;
      const m = Math.min(n, cols.length);
      for (let i = 0; i < m; i++) {
        if (formats[i] >= 0) cols[i].addNumber(values[i], formats[i]);
        else if (flags[i] === FIELD_PLAIN) cols[i].add(buf, starts[i], ends[i]);
        else {
          const text = fieldText(buf, starts[i], ends[i], flags[i]);
          cols[i].add(text, 0, text.length);
        }
      }
      builder.endRecord(n);
      if (onRow) onRow(recordTexts(buf, starts, ends, flags, m));
      return builder.rows < maxRows;
    },
  };
}
