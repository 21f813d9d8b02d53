import type { EngineErrorMessages } from './engineErrors.en';

/**
 * 引擎与主进程拒绝操作时显示的文字，按错误代码索引（与 engineErrors.en.ts 键完全一致）。
 * The engine's English sentence is shown under these as the details, for support.
 */
const engineErrors: EngineErrorMessages = {
  fallback: '操作未能完成。',
  bad_message: '无法识别该请求。请重试；如果仍然失败，请报告下方的详细信息。',
  unknown_kind: '无法识别该请求。请重试；如果仍然失败，请报告下方的详细信息。',
  invalid_payload: '计算引擎认为该请求无效，已拒绝。',
  cancelled: '已取消。',
  engine_crashed: '计算引擎意外停止，已自动重启。数据、设置和之前的结果均已保留；请重试。',
  engine_out_of_memory: '计算引擎内存不足，已自动重启。请减少行数、列数或聚类数（K）。',
  engine_unavailable: '计算引擎未运行。如果问题持续，请重新启动 Mixture Lab。',
  unknown_dataset: '数据已不在内存中（文件已关闭，或引擎已重启）。请重新打开文件。',
  internal: '发生意外错误，请重试。',
  unavailable: '此窗口中无法使用此功能。',
  drop_unsupported: '此窗口无法读取拖入文件的位置，请使用“打开文件…”。',
  empty_file: '文件是空的（0 字节）。请确认导出已经完成，然后重新导出。',
  no_data_rows: '文件有表头（{columns}），但没有数据行。请重新导出数据，并包含数据行。',
  not_text: {
    zip: '此文件不是分隔文本：它是 ZIP 容器，很可能是以文本文件名保存的 Excel 工作簿（.xlsx）。请以 .xlsx 扩展名打开，或在 Excel 中另存为 CSV。',
    ole2: '此文件不是分隔文本：它是 Excel 97-2003 工作簿（.xls）或其他 Office 二进制文件。请在 Excel 或 LibreOffice 中另存为 .xlsx 或 CSV。',
    gzip: '此文件不是分隔文本：它经过 gzip 压缩。请先解压。',
    pdf: '此文件不是分隔文本：它是 PDF 文档，不是表格。请将表格导出为 CSV。',
    binary:
      '此文件不是分隔文本：其中含有二进制数据（NUL 或控制字节）。请选择 CSV、TSV 或 .xlsx 文件，或确认导出已经写完。',
  },
  undecodable: '文件不是有效的 {encoding} 编码。请选择其他编码，或保持自动检测。',
  unsupported_format:
    '无法读取 Excel 97-2003 工作簿（.xls）。请在 Excel 或 LibreOffice 中打开并另存为 .xlsx 或 CSV。',
  unknown_sheet: '工作簿中没有该名称的工作表。现有工作表：{sheets}。',
  bad_option: '某项导入设置不适用于此文件。',
  unterminated_quote: {
    open: '第 {line} 行有一个引号（"）开始了一个字段但从未闭合，其后的所有内容都会变成一个单元格。请闭合或删除该引号后重新导入。',
    closed:
      '第 {line} 行有一个引号（"）开始了一个字段，而第 {closeLine} 行结束它的引号后面还有其他文字，这些行会变成一个单元格。请修正这些行中的引号后重新导入。',
  },
  file_too_large:
    '文件大小为 {size}；Mixture Lab 最多导入 {limit} 的文件，因为整个表格都保存在内存中。请拆分文件，或只导出需要的行和列。',
  record_too_long:
    '某条记录超过了 {limit}（单条记录的上限）。该文件可能不是表格，或其中的引号（"）从未闭合。',
  too_many_columns: '表头有 {columns} 列；Mixture Lab 最多读取 {limit} 列。请只保留需要的列后重新导入。',
  too_many_cells: '表格无法装入内存：{columns} 列使单元格总数超过 {limit}。请导入更少的列，或只导入部分行。',
  xlsx_invalid:
    '无法读取此工作簿：它已损坏、不完整或不是工作簿。请在 Excel 或 LibreOffice 中打开并重新保存，或将工作表导出为 CSV。',
  xlsx_too_large:
    '已拒绝此工作簿：解压后远超单个工作簿的上限（可能是解压炸弹或文件损坏）。请在 Excel 或 LibreOffice 中打开并重新保存，或将工作表导出为 CSV。',
  xlsx_dtd:
    '无法读取此工作簿：其中某个部分声明了文档类型（DTD），Excel 和 LibreOffice 从不写入 DTD。请在 Excel 或 LibreOffice 中打开并重新保存，或将工作表导出为 CSV。',
  file_not_found: '找不到该文件：它可能被移动、重命名或删除了。',
  save_failed: '文件未保存（{reason}）。原有文件（如有）保持不变。',
  saveReason: {
    EACCES: '没有权限',
    EPERM: '不允许此操作',
    EROFS: '磁盘或文件夹为只读',
    ENOSPC: '磁盘已满',
    EDQUOT: '磁盘配额已用完',
    ENOENT: '文件夹不存在',
    ENOTDIR: '路径中的某一部分不是文件夹',
    EISDIR: '该名称是一个文件夹',
    EBUSY: '文件正被其他程序使用',
    EMFILE: '打开的文件过多',
    EIO: '发生输入/输出错误',
    EXDEV: '临时文件位于另一块磁盘上',
    unknown: '系统拒绝写入',
  },
  path_not_granted:
    'Mixture Lab 只写入在“保存”或“导出”对话框中选择的文件。请使用“另存为…”或“导出…”并在其中选择文件。',
  data_unreadable: '无法保存项目：无法读取其数据文件。',
  embed_too_large: '数据文件太大，无法嵌入项目；请不嵌入数据保存。',
  no_embedded_data: '此项目不包含其数据。',
  export_too_large: 'Excel 工作表最多容纳 1,048,576 行和 16,384 列，少于此次导出所需。请改为导出 CSV。',
  export_unencodable: {
    line: '第 {line} 行含有“{character}”，GBK 无法表示。请改为导出 UTF-8。',
    any: '文本中有 GBK 无法表示的字符。请改为导出 UTF-8。',
  },
  model_corrupt: '模型文件已损坏：它不是有效的 JSON。',
  model_foreign: '这不是 Mixture Lab 模型文件。',
  model_too_new: '此模型文件由更新版本的 Mixture Lab 生成。请更新应用后再使用。',
  model_invalid: '模型文件不完整或内容不一致。',
  model_columns_missing: '文件缺少模型所需的列：{columns}。',
  model_column_not_numeric: '模型所需的某些列在此文件中不是数值列。',
  model_columns_unknown: '此模型没有说明它使用数据集中的哪些列；将按列名匹配。',
  // 背景模型
  no_frames: '该文件夹中没有 PNG、JPEG、BMP 或 WebP 帧。请选择帧所在的文件夹。',
  frame_mismatch: '有一帧与第一帧不一致：序列中的所有帧必须尺寸相同，且灰度帧之后不能出现彩色帧。',
  background_run_unknown: '此次运行的结果已不再保留。请重新运行模型。',
};

export default engineErrors;
