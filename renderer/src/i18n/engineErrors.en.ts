/**
 * What the user reads for an engine or main-process refusal, keyed by its stable `code`
 * (shared/errors.ts, electron/engine/import/rejections.ts, shared/data/importLimits.ts, the xlsx
 * reader, the project, model and export modules). The engine's own English sentence stays with the
 * error and is shown under this text as its details, for support; the facts it carries in `details`
 * are interpolated here (lib/errorText.ts formats them). Codes the fit and the project dialog already
 * explain (fitError.*, project.refused.*) are not repeated. Data, not logic: one table per language.
 */
const engineErrors = {
  /** For a code this table does not know: the engine's sentence follows as the details. */
  fallback: 'The operation could not be completed.',
  // Transport and engine
  bad_message: 'The request was not understood. Try again; if it keeps failing, report the details below.',
  unknown_kind: 'The request was not understood. Try again; if it keeps failing, report the details below.',
  invalid_payload: 'The computing engine refused the request as invalid.',
  cancelled: 'Cancelled.',
  engine_crashed:
    'The computing engine stopped unexpectedly and was restarted. Your data, settings and earlier results are kept; try again.',
  engine_out_of_memory:
    'The computing engine ran out of memory and was restarted. Try fewer rows or columns, or fewer clusters (K).',
  engine_unavailable: 'The computing engine is not running. If this persists, restart Mixture Lab.',
  unknown_dataset:
    'The data is no longer in memory (it was closed, or the engine restarted). Open the file again.',
  internal: 'An unexpected error occurred. Please try again.',
  unavailable: 'This is not available in this window.',
  drop_unsupported: 'This window cannot read the location of dropped files. Use “Open file…” instead.',
  // Import refusals
  empty_file: 'The file is empty (0 bytes). Check that the export finished, then export again.',
  no_data_rows:
    'The file has a header line ({columns}) but no data rows. Export the data again, including its rows.',
  not_text: {
    zip: 'This file is not delimited text: it is a ZIP container, most likely an Excel workbook (.xlsx) saved under a text-file name. Open it with the .xlsx extension, or save it from Excel as CSV.',
    ole2: 'This file is not delimited text: it is an Excel 97-2003 workbook (.xls) or another Office binary file. Save it from Excel or LibreOffice as .xlsx or CSV.',
    gzip: 'This file is not delimited text: it is gzip-compressed. Decompress it first.',
    pdf: 'This file is not delimited text: it is a PDF document, not a table. Export the table as CSV.',
    binary:
      'This file is not delimited text: it holds binary data (NUL or control bytes). Choose a CSV, TSV or .xlsx file, or check that the export finished writing.',
  },
  undecodable:
    'The file is not valid {encoding}. Choose another encoding, or leave it on automatic detection.',
  unsupported_format:
    'Excel 97-2003 workbooks (.xls) cannot be read. Open the file in Excel or LibreOffice and save it as .xlsx or CSV.',
  unknown_sheet: 'The workbook has no sheet of that name. Its sheets: {sheets}.',
  bad_option: 'An import setting is not valid for this file.',
  unterminated_quote: {
    open: 'A quote (") opens a field on line {line} and is never closed, so everything after it would become one cell. Close or remove that quote, then import again.',
    closed:
      'A quote (") opens a field on line {line}, and the quote that ends it on line {closeLine} is followed by more text, so these lines would become one cell. Fix the quotes on those lines, then import again.',
  },
  file_too_large:
    'The file is {size}; Mixture Lab imports files of up to {limit}, because the whole table is held in memory. Split the file, or export only the rows and columns you need.',
  record_too_long:
    'A record is longer than {limit}, the limit for one record. The file is probably not a table, or a quote (") opened there is never closed.',
  too_many_columns:
    'The header has {columns} columns; Mixture Lab reads files of up to {limit} columns. Keep only the columns you need and import again.',
  too_many_cells:
    'The table does not fit in memory: {columns} columns make more than {limit} cells. Import fewer columns or a sample of the rows.',
  xlsx_invalid:
    'This workbook cannot be read: it is damaged, truncated or not a workbook. Open it in Excel or LibreOffice and save it again, or export the sheet as CSV.',
  xlsx_too_large:
    'This workbook is refused: it inflates far beyond the limits for one workbook (a decompression bomb, or damaged). Open it in Excel or LibreOffice and save it again, or export the sheet as CSV.',
  xlsx_dtd:
    'This workbook cannot be read: a part declares a document type (DTD), which Excel and LibreOffice never write. Open it in Excel or LibreOffice and save it again, or export the sheet as CSV.',
  file_not_found: 'The file was not found: it was moved, renamed or deleted.',
  // Saving, exporting and models
  save_failed: 'The file was not saved ({reason}). The previous file, if any, is unchanged.',
  saveReason: {
    EACCES: 'permission denied',
    EPERM: 'the operation is not permitted',
    EROFS: 'the disk or folder is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exhausted',
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'the name is a folder',
    EBUSY: 'the file is in use by another program',
    EMFILE: 'too many files are open',
    EIO: 'an input/output error occurred',
    EXDEV: 'the temporary file landed on another disk',
    unknown: 'the system refused to write it',
  },
  path_not_granted:
    'Mixture Lab writes only to a file chosen in a Save or Export dialog. Use Save As… or Export… and pick the file there.',
  data_unreadable: 'The project cannot be saved: its data file cannot be read.',
  embed_too_large: 'The data file is too large to embed in the project; save without embedding.',
  no_embedded_data: 'This project does not contain its data.',
  export_too_large:
    'An Excel sheet holds at most 1,048,576 rows and 16,384 columns, fewer than this export needs. Export as CSV instead.',
  export_unencodable: {
    line: 'Line {line} holds “{character}”, which GBK cannot represent. Export as UTF-8 instead.',
    any: 'The text cannot be represented in GBK. Export as UTF-8 instead.',
  },
  model_corrupt: 'The model file is damaged: it is not valid JSON.',
  model_foreign: 'This is not a Mixture Lab model file.',
  model_too_new: 'This model file was made by a newer version of Mixture Lab. Update the app to use it.',
  model_invalid: 'The model file is incomplete or inconsistent.',
  model_columns_missing: 'The file lacks columns the model needs: {columns}.',
  model_column_not_numeric: 'Columns the model needs are not numeric in this file.',
  model_columns_unknown:
    'This model does not say which columns of the dataset it uses; its columns are matched by name.',
  // Background model
  no_frames: 'The folder holds no PNG, JPEG, BMP or WebP frame. Choose the folder the frames are in.',
  frame_mismatch:
    'A frame does not match the first: every frame of a sequence must have the same size, and colour frames cannot follow a grey one.',
  background_run_unknown: 'The results of this run are no longer kept. Run the model again.',
};

export type EngineErrorMessages = typeof engineErrors;
export default engineErrors;
