// The import wizard that products and sales share.

export const imports = {
  steps: {
    upload: '上传文件',
    mapping: '对应列',
    check: '检查数据',
    done: '完成',
  },
  drop: '点击或把文件拖到这里',
  dropHint:
    '支持收银系统导出的 CSV（UTF-8 或 GBK 编码，自动识别）和 Excel（.xlsx）文件，第一行须为表头',
  reading: '正在读取文件…',
  file: '文件',
  format: '格式',
  rows: '数据行数',
  encodings: {
    'utf-8': 'UTF-8 编码',
    gbk: 'GBK 编码（已自动转换）',
  },
  notInFile: '文件中没有此列',
  mapRequired: '请为所有带 * 的字段选择一列',
  checkRows: '检查数据',
  errors: '错误',
  allGood: '全部数据检查通过，可以导入',
  nothingToImport: '数据没有问题，但没有需要导入的内容',
  commitGood: '只导入没有错误的 {{count}} 行',
  skippingErrors: '发现 {{count}} 处错误：有错误的行会被跳过，只导入其余 {{good}} 行',
  rowIssue: '{{field}}：{{problem}}',
  rowIssuesJoin: '；',
  rowsPreview: '逐行预览',
  row: '行号',
  field: '字段',
  problem: '问题',
  bad: '有错误',
  finish: '完成',
  progress: {
    reading: '正在读取文件…',
    checking: '正在逐行检查…',
    writing: '正在写入（{{done}} / {{total}}）…',
    done: '完成',
    failed: '未完成',
  },
};
