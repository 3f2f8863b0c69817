/**
 * Every string the clerk reads. Plain Chinese, no English, no jargon (表头 and 合计, not header/footer).
 * Components import `t` and never spell a user-facing string themselves.
 */
import type { FileRefusal } from '../core/import/reasons';
import type { ImportWarning, SkipReason } from '../core/import/types';

export const t = {
  appName: '台账看板',
  nav: {
    import: '导入',
    ledger: '台账',
    dashboard: '看板',
    summary: '总结',
    report: '报告',
    data: '数据',
  },
  period: {
    label: '统计期间',
    all: '全部',
    year: (y: number) => `${y}年`,
  },
  welcome: {
    title: '欢迎使用台账看板',
    lines: [
      '把平时记的Excel/WPS台账导入进来，台账看板自动算出走访、培训、提案、资金等各项合计，画出图表，写好工作总结里的统计段落。',
      '数据只保存在这台电脑的这个浏览器里，不上传到任何地方；请定期在“数据”页备份。',
    ],
    importButton: '导入Excel台账',
    demoButton: '载入示例数据',
  },
  demo: {
    badge: '示例',
    banner: '当前显示的是示例数据，仅供熟悉功能。',
    remove: '删除示例数据',
    loaded: (n: number) => `已载入示例数据 ${n} 条`,
    removed: '示例数据已删除',
    already: '示例数据已经载入过了',
  },
  import: {
    title: '导入台账',
    drop: '把Excel/WPS台账拖到这里，或点击选择文件',
    choose: '选择文件',
    hint: '支持 .xlsx、.xls、.et、.ods、.csv、.txt，可一次选择多个文件。第一行（或标题下面一行）应为表头，如：日期、类别、委员、地点、人数、户数、金额（万元）。',
    reading: (name: string) => `正在读取 ${name}……`,
    phase: { load: '正在打开文件', parse: '正在解析表格', analyse: '正在识别表头和数据' },
    cancelFile: '取消',
    headerRows: '表头行',
    headerRowsTo: '至',
    apply: '应用',
    shape: {
      rows: '每行一条记录',
      wide: '月份横排的统计表（按月拆分）',
      stats: '多类别统计表（每列一个类别）',
    },
    includeTable: '导入此表',
    hiddenSheet: '这是隐藏的工作表，默认不导入',
    hiddenRows: (n: number) => `表中有 ${n} 行被隐藏`,
    includeHidden: '也导入隐藏行',
    mappingSaved: '已按上次保存的对应关系识别',
    mappingUser: '已按您的修改重新识别',
    lowConfidence: '请核对',
    columnCategory: '该列类别',
    customMeasure: '自定义指标名称（如：吨、间）',
    duplicates: (n: number) => `有 ${n} 条记录与已导入或其他文件中的记录完全相同，可能重复`,
    confirm: '确认导入',
    cancel: '取消',
    cancelAll: '取消导入',
    tableOf: (file: string, sheet: string) => `${file} › ${sheet}`,
    headerAt: (row: number) => `表头在第 ${row} 行`,
    verdict: (records: number, skipped: number) => `将导入 ${records} 条记录；跳过 ${skipped} 行`,
    skippedDetail: (parts: string[]) => (parts.length ? `：${parts.join('、')}` : ''),
    roleHeader: '用途',
    category: '类别',
    chooseCategory: '请选择本表的类别',
    categoryFrom: {
      column: '取自“类别”列',
      header: '取自表头',
      sheet: '取自工作表名称',
      title: '取自表格标题',
      file: '取自文件名',
      user: '您选择的',
      none: '未能识别',
    },
    done: (tables: number, records: number) => `已导入 ${tables} 个表、${records} 条记录`,
    undo: '撤销',
    undone: '已撤销这次导入',
    sheetSkipped: {
      empty: '空白工作表',
      hidden: '隐藏的工作表',
      'no-header': '未找到表头',
      notes: '说明文字，不是台账',
    },
    noRecords: '没有可导入的记录',
    sampleTitle: '文件前几行',
    dataRow: '数据',
    moreWarnings: (n: number) => `…… 另有 ${n} 条提示`,
    refusedFile: (name: string) => `${name}：`,
  },
  skip: {
    blank: '空行',
    title: '标题',
    unit: '单位',
    header: '表头',
    lanci: '栏次',
    group: '分组',
    total: '合计',
    subtotal: '小计',
    footer: '表尾',
    hidden: '隐藏行',
    'empty-values': '无数据',
  } satisfies Record<SkipReason, string>,
  role: {
    date: '日期',
    category: '类别',
    members: '委员',
    place: '地点',
    subject: '事项',
    status: '办理状态',
    satisfaction: '满意度',
    note: '备注',
    unit: '填报单位',
    ignore: '忽略',
    item: '项目（行名称）',
    itemUnit: '计量单位',
    rowTotal: '行合计（只核对）',
    month: (m: number, quarter: boolean) => (quarter ? `第${'一二三四'[(m - 1) / 3] ?? ''}季度` : `${m}月`),
    custom: '自定义指标…',
    measure: {
      count: '期数/次数',
      people: '人数/人次',
      households: '户数',
      items: '份数/件数',
      amountYuan: '金额(元)',
      amountWan: '金额(万元)',
    },
  },
  refusal: {
    empty: '文件是空的，没有任何内容。',
    'lock-file': '这是Excel/WPS打开文件时生成的临时文件（文件名以“~$”开头），不是台账。请选择原文件。',
    encrypted: '文件设置了打开密码，无法读取。请在Excel/WPS中取消密码后另存，再导入。',
    'not-spreadsheet': '这不是表格文件。请选择Excel、WPS表格或CSV文件。',
    unreadable: '文件已损坏或格式无法识别，无法读取。请在Excel/WPS中打开后另存为.xlsx再导入。',
    'no-table': '文件中没有找到带表头的台账表格。请确认第一行(或标题下面一行)是日期、委员、人数等表头。',
    duplicate: '这个文件已经导入过，没有重复导入。如需重新导入，请先在“数据”页撤销上次的导入。',
  } satisfies Record<FileRefusal, string>,
  warning: (w: ImportWarning): string => {
    switch (w.kind) {
      case 'bad-date':
        return `第 ${w.row} 行日期无法识别：“${w.text}”`;
      case 'bad-number':
        return `第 ${w.row} 行“${w.column}”不是数字：“${w.text}”，已留空`;
      case 'error-cell':
        return `第 ${w.row} 行“${w.column}”是错误值 ${w.text}，已留空`;
      case 'assumed-yuan':
        return `“${w.column}”未注明单位，按“元”计算`;
      case 'duplicate-role':
        return `“${w.column}”与前面的列用途相同，已忽略`;
      case 'no-category':
        return '表中没有“类别”列，文件名和工作表名也看不出类别，请选择';
      case 'approximate':
        return `第 ${w.row} 行“${w.column}”是约数“${w.text}”，按数字计入，请核对`;
      case 'no-year':
        return '标题、工作表名和文件名中都没有年份，日期无法确定年份';
      case 'total-mismatch':
        return `第 ${w.row} 行合计的“${w.column}”为 ${w.stated}，按明细计算为 ${w.computed}`;
      case 'error-total':
        return `第 ${w.row} 行合计的“${w.column}”是错误值 ${w.text}，台账自身的合计公式已损坏`;
      case 'possible-duplicates':
        return `有 ${w.count} 条记录与已导入的记录完全相同，可能重复（例如月报和季报都记了同一件事）`;
    }
  },
  dashboard: {
    title: '看板',
    totals: '汇总',
    unitCaption: '单位：次、人次、户、份、万元',
    category: '类别',
    records: '记录数',
    answered: '已答复',
    done: '已办结',
    satisfied: '满意',
    monthlyChart: (period: string) => `${period}各月活动次数`,
    month: (m: number) => `${m}月`,
    tooltipCount: (label: string, n: number) => `${label}：${n} 次`,
    noData: '所选期间没有数据。',
    yoy: (pct: string, up: boolean) => `同比${up ? '增长' : '下降'}${pct}%`,
  },
  ledger: {
    title: '台账记录',
    count: (n: number) => `共 ${n} 条`,
    columns: {
      date: '日期',
      category: '类别',
      members: '委员',
      place: '地点',
      subject: '事项',
      status: '办理状态',
      source: '来源',
    },
    source: (file: string, sheet: string, row: number) => `${file} · ${sheet} · 第 ${row} 行`,
    prev: '上一页',
    next: '下一页',
    page: (p: number, total: number) => `第 ${p} / ${total} 页`,
  },
  summary: {
    title: '统计段落',
    copy: '复制文字',
    copied: '已复制到剪贴板',
    copyFailed: '浏览器不允许自动复制，请选中文字后按 Ctrl+C。',
    empty: '所选期间没有数据，无法生成统计段落。',
    hint: '数字均按台账精确统计；悬停数字可查看来源。',
    figureTitle: (category: string, measure: string) => `${category}·${measure}：按台账记录合计`,
    figureMeasure: {
      count: '次数',
      people: '人次',
      households: '户数',
      items: '份数',
      amount: '金额',
      answered: '已答复件数',
      done: '已办结件数',
      satisfied: '满意件数',
      rate: '办结率',
    } as Record<string, string>,
  },
  report: {
    title: (unit: string, period: string) => `${unit}${period}工作情况统计`,
    defaultUnit: '政协',
    print: '打印',
    titleLabel: '报告标题',
    periodLine: (period: string, made: string) => `统计期间：${period}    制表日期：${made}`,
  },
  data: {
    title: '数据管理',
    storageNote: '数据只保存在这台电脑的这个浏览器里。清理浏览器数据、重装系统都会让数据丢失。',
    batches: '导入记录',
    file: '文件',
    time: '导入时间',
    imported: '导入条数',
    skipped: '跳过行数',
    actions: '操作',
    undoBatch: '撤销',
    confirm: '确定',
    confirmUndo: (file: string, n: number) => `确定撤销“${file}”的导入吗？将删除其中 ${n} 条记录。`,
    noBatches: '还没有导入任何台账。',
    records: (n: number) => `共有记录 ${n} 条`,
  },
  errors: {
    generic: '操作没有完成，请重试。如果一直出现，请刷新页面。',
    quota: '电脑磁盘空间不足，数据没有保存。请清理磁盘后重试。',
    storageBlocked: '浏览器禁止了本地存储，数据无法保存。请不要使用“无痕/隐私”模式打开。',
  },
  common: {
    mainMenu: '主菜单',
    close: '关闭',
    loading: '正在加载……',
  },
} as const;
