// The two national layouts of the annual report (政府信息公开工作年度报告格式):
// every printed label, every column and row, in order. The single source of truth
// for the model, the validator and the renderers. Labels are exact, full-width
// punctuation as printed (domain-reference §B.2–§B.6).
//   '2021' = 国办公开办函〔2021〕30号 (reports for 2021 onward)
//   '2019' = 国办公开办函〔2019〕60号 (reports for 2019–2020)

export type ReportFormat = '2019' | '2021';
export const REPORT_FORMATS: readonly ReportFormat[] = ['2019', '2021'];

/** The document that defines a format, for citations in messages and renderers. */
export const FORMAT_SOURCES: Record<ReportFormat, string> = {
  '2019': '国办公开办函〔2019〕60号',
  '2021': '国办公开办函〔2021〕30号',
};

/** Which format applies to a report year (§B.1): 2019–2020 → '2019', 2021 onward → '2021'. */
export function formatForYear(year: number): ReportFormat {
  return year >= 2021 ? '2021' : '2019';
}

// ── Section headings (§B.2, both formats) ──────────────────────────────────

export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

/** Keys of the narrative sections: the numeral of each heading ('一' … '六'). */
export const SECTION_KEYS = ['一', '二', '三', '四', '五', '六'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

// ── Table 2: 主动公开政府信息情况 (§B.3 for 2021, §B.6 for 2019) ────────────

/**
 * What a table-2 cell holds:
 * - count: non-negative integer
 * - signedCount: integer that may be negative (2019 本年增/减)
 * - amountWanYuan: non-negative amount in 万元, decimals allowed (2021 fee)
 * - text: a string exactly as printed (2019 采购总金额, unit not fixed by the form)
 */
export type Table2CellKind = 'count' | 'signedCount' | 'amountWanYuan' | 'text';

export interface Table2Column {
  key: string;
  label: string;
  kind: Table2CellKind;
}
export interface Table2Row {
  key: string;
  label: string;
}
export interface Table2Section {
  /** Caption row, e.g. 第二十条第（一）项 */
  caption: string;
  /** Data columns, after the first column headed 信息内容 (TABLE2_CONTENT_HEADER). */
  columns: readonly Table2Column[];
  rows: readonly Table2Row[];
}

/** Header of the first column of every table-2 sub-table. */
export const TABLE2_CONTENT_HEADER = '信息内容';

/**
 * Width of table 2 in printed columns (信息内容 + 3). In sub-tables with fewer
 * data columns the last value cell spans the remaining columns (§B.3).
 */
export const TABLE2_WIDTH = 4;

const DOCS_2021: readonly Table2Column[] = [
  { key: 'issued', label: '本年制发件数', kind: 'count' },
  { key: 'abolished', label: '本年废止件数', kind: 'count' },
  { key: 'inForce', label: '现行有效件数', kind: 'count' },
];
const DECISIONS_2021: readonly Table2Column[] = [
  { key: 'decisions', label: '本年处理决定数量', kind: 'count' },
];

// 国办公开办函〔2021〕30号 表二
const TABLE2_2021: readonly Table2Section[] = [
  {
    caption: '第二十条第（一）项',
    columns: DOCS_2021,
    rows: [
      { key: 'regulations', label: '规章' },
      { key: 'normativeDocuments', label: '行政规范性文件' },
    ],
  },
  {
    caption: '第二十条第（五）项',
    columns: DECISIONS_2021,
    rows: [{ key: 'licensing', label: '行政许可' }],
  },
  {
    caption: '第二十条第（六）项',
    columns: DECISIONS_2021,
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'coercion', label: '行政强制' },
    ],
  },
  {
    caption: '第二十条第（八）项',
    columns: [{ key: 'amountWanYuan', label: '本年收费金额（单位：万元）', kind: 'amountWanYuan' }],
    rows: [{ key: 'fees', label: '行政事业性收费' }],
  },
];

const DOCS_2019: readonly Table2Column[] = [
  { key: 'newlyMade', label: '本年新制作数量', kind: 'count' },
  { key: 'newlyPublished', label: '本年新公开数量', kind: 'count' },
  { key: 'totalPublished', label: '对外公开总数量', kind: 'count' },
];
const ITEMS_2019: readonly Table2Column[] = [
  { key: 'previousCount', label: '上一年项目数量', kind: 'count' },
  { key: 'change', label: '本年增/减', kind: 'signedCount' },
  { key: 'decisions', label: '处理决定数量', kind: 'count' },
];

// 国办公开办函〔2019〕60号 表二
const TABLE2_2019: readonly Table2Section[] = [
  {
    caption: '第二十条第（一）项',
    columns: DOCS_2019,
    rows: [
      { key: 'regulations', label: '规章' },
      { key: 'normativeDocuments', label: '规范性文件' },
    ],
  },
  {
    caption: '第二十条第（五）项',
    columns: ITEMS_2019,
    rows: [
      { key: 'licensing', label: '行政许可' },
      { key: 'otherServices', label: '其他对外管理服务事项' },
    ],
  },
  {
    caption: '第二十条第（六）项',
    columns: ITEMS_2019,
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'coercion', label: '行政强制' },
    ],
  },
  {
    caption: '第二十条第（八）项',
    columns: ITEMS_2019.slice(0, 2),
    rows: [{ key: 'fees', label: '行政事业性收费' }],
  },
  {
    caption: '第二十条第（九）项',
    columns: [
      { key: 'projects', label: '采购项目数量', kind: 'count' },
      { key: 'amount', label: '采购总金额', kind: 'text' },
    ],
    rows: [{ key: 'procurement', label: '政府集中采购' }],
  },
];

/** The sub-tables of table 2, in printed order. */
export function table2Layout(format: ReportFormat): readonly Table2Section[] {
  return format === '2021' ? TABLE2_2021 : TABLE2_2019;
}

/** Every row of table 2 with its section, in printed order. */
export function table2Rows(format: ReportFormat): { section: Table2Section; row: Table2Row }[] {
  return table2Layout(format).flatMap((section) => section.rows.map((row) => ({ section, row })));
}

// ── Table 3: 收到和处理政府信息公开申请情况 (§B.4, §B.6) ─────────────────────

/** The 7 data columns of table 3, in order. */
export const TABLE3_COLUMNS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
] as const;
export type Table3ColumnLabel = (typeof TABLE3_COLUMNS)[number];
/** Index of the 总计 column. */
export const TABLE3_TOTAL_COLUMN = 6;

/** The 3-row header of table 3 (§B.4). */
export const TABLE3_HEADER = {
  /** Top-left cell, spanning 3 label columns × 3 header rows. 国办公开办函〔2021〕30号 表三表头 */
  corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  /** Header row 1, spanning the 7 data columns. */
  applicants: '申请人情况',
  /** Header row 2: 自然人 (rows 2–3), 法人或其他组织 (5 columns), 总计 (rows 2–3). */
  naturalPerson: '自然人',
  legalPersons: '法人或其他组织',
  total: '总计',
  /** Header row 3, under 法人或其他组织. */
  legalPersonColumns: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
} as const;

/** Number of label columns to the left of the data in table 3. */
export const TABLE3_LABEL_COLUMNS = 3;

/** The section labels of table 3 (rows 一, 二, 四 and the merged 三 cell, （七）总计). */
export const TABLE3_SECTIONS = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  outcomes: '三、本年度办理结果',
  total: '（七）总计',
  carriedForward: '四、结转下年度继续办理',
} as const;

export interface Table3Group {
  key: 'withheld' | 'unavailable' | 'notProcessed' | 'other';
  label: string;
}
export const TABLE3_GROUPS: Record<Table3Group['key'], Table3Group> = {
  withheld: { key: 'withheld', label: '（三）不予公开' },
  unavailable: { key: 'unavailable', label: '（四）无法提供' },
  notProcessed: { key: 'notProcessed', label: '（五）不予处理' },
  other: { key: 'other', label: '（六）其他处理' },
};

export type Table3Part = 'newReceived' | 'carriedOver' | 'outcome' | 'total' | 'carriedForward';

export interface Table3Row {
  /** JSON key in table3 (flat, may contain a dot). */
  key: string;
  /** Printed label of the row's own cell. */
  label: string;
  /** The merged cell above/left of this row's label, e.g. （三）不予公开. */
  group?: Table3Group;
  /**
   * Where the row belongs: rows 'outcome' and 'total' sit under the merged
   * cell 三、本年度办理结果 (TABLE3_SECTIONS.outcomes).
   */
  part: Table3Part;
}

const row = (key: string, label: string, part: Table3Part, group?: Table3Group): Table3Row =>
  group ? { key, label, part, group } : { key, label, part };

const { withheld, unavailable, notProcessed, other } = TABLE3_GROUPS;

const TABLE3_HEAD_ROWS: readonly Table3Row[] = [
  row('newReceived', TABLE3_SECTIONS.newReceived, 'newReceived'),
  row('carriedOver', TABLE3_SECTIONS.carriedOver, 'carriedOver'),
];

const TABLE3_COMMON_OUTCOMES: readonly Table3Row[] = [
  row('granted', '（一）予以公开', 'outcome'),
  row('partiallyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'outcome'),
  row('withheld.stateSecret', '1.属于国家秘密', 'outcome', withheld),
  row('withheld.prohibitedByLaw', '2.其他法律行政法规禁止公开', 'outcome', withheld),
  row('withheld.securityStability', '3.危及“三安全一稳定”', 'outcome', withheld),
  row('withheld.thirdPartyRights', '4.保护第三方合法权益', 'outcome', withheld),
  row('withheld.internalAffairs', '5.属于三类内部事务信息', 'outcome', withheld),
  row('withheld.processInformation', '6.属于四类过程性信息', 'outcome', withheld),
  row('withheld.enforcementFiles', '7.属于行政执法案卷', 'outcome', withheld),
  row('withheld.inquiryMatters', '8.属于行政查询事项', 'outcome', withheld),
  row('unavailable.notHeld', '1.本机关不掌握相关政府信息', 'outcome', unavailable),
  row('unavailable.needsCreation', '2.没有现成信息需要另行制作', 'outcome', unavailable),
  row('unavailable.unclearAfterCorrection', '3.补正后申请内容仍不明确', 'outcome', unavailable),
  row('notProcessed.petitionComplaint', '1.信访举报投诉类申请', 'outcome', notProcessed),
  row('notProcessed.repeated', '2.重复申请', 'outcome', notProcessed),
  row('notProcessed.publication', '3.要求提供公开出版物', 'outcome', notProcessed),
  row('notProcessed.massRepeated', '4.无正当理由大量反复申请', 'outcome', notProcessed),
  row('notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', 'outcome', notProcessed),
];

// 国办公开办函〔2021〕30号：（六）其他处理 has three sub-rows
const TABLE3_OTHER_2021: readonly Table3Row[] = [
  row(
    'other.noCorrection',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    'outcome',
    other,
  ),
  row(
    'other.feeNotPaid',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    'outcome',
    other,
  ),
  row('other.other', '3.其他', 'outcome', other),
];

// 国办公开办函〔2019〕60号：（六）其他处理 is a single data row
const TABLE3_OTHER_2019: readonly Table3Row[] = [row('other', '（六）其他处理', 'outcome')];

const TABLE3_TAIL_ROWS: readonly Table3Row[] = [
  row('total', TABLE3_SECTIONS.total, 'total'),
  row('carriedForward', TABLE3_SECTIONS.carriedForward, 'carriedForward'),
];

const TABLE3_ROWS: Record<ReportFormat, readonly Table3Row[]> = {
  '2021': [...TABLE3_HEAD_ROWS, ...TABLE3_COMMON_OUTCOMES, ...TABLE3_OTHER_2021, ...TABLE3_TAIL_ROWS],
  '2019': [...TABLE3_HEAD_ROWS, ...TABLE3_COMMON_OUTCOMES, ...TABLE3_OTHER_2019, ...TABLE3_TAIL_ROWS],
};

/** Every data row of table 3 in printed order: 25 rows (2021) or 23 rows (2019). */
export function table3Rows(format: ReportFormat): readonly Table3Row[] {
  return TABLE3_ROWS[format];
}

/** The result rows under 三、本年度办理结果, without （七）总计 (summed by （七）总计). */
export function table3OutcomeRows(format: ReportFormat): readonly Table3Row[] {
  return TABLE3_ROWS[format].filter((r) => r.part === 'outcome');
}

/** The row keys that only one format has. */
export const TABLE3_FORMAT_ONLY_KEYS: Record<ReportFormat, readonly string[]> = {
  '2021': TABLE3_OTHER_2021.map((r) => r.key),
  '2019': TABLE3_OTHER_2019.map((r) => r.key),
};

/** A row's label as a reader finds it, with its merged group, e.g. （三）不予公开 1.属于国家秘密. */
export function table3RowFullLabel(r: Table3Row): string {
  return r.group ? `${r.group.label} ${r.label}` : r.label;
}

// ── Table 4: 政府信息公开行政复议、行政诉讼情况 (§B.5, same in both formats) ──

/** The 5 columns of each group, in order. */
export const TABLE4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
/** Index of the 总计 column within a group. */
export const TABLE4_TOTAL_COLUMN = 4;

export type Table4GroupKey = 'review' | 'litigationDirect' | 'litigationAfterReview';
export interface Table4Group {
  key: Table4GroupKey;
  label: string;
  /** Header row 1 cell that this group sits under: 行政复议 (spans 5) or 行政诉讼 (spans 10). */
  parent: '行政复议' | '行政诉讼';
}

/** The three groups, left to right (15 data columns in one row). */
export const TABLE4_GROUPS: readonly Table4Group[] = [
  { key: 'review', label: '行政复议', parent: '行政复议' },
  { key: 'litigationDirect', label: '未经复议直接起诉', parent: '行政诉讼' },
  { key: 'litigationAfterReview', label: '复议后起诉', parent: '行政诉讼' },
];

/** A group's name as a reader finds it, e.g. 行政诉讼·未经复议直接起诉. */
export function table4GroupFullLabel(g: Table4Group): string {
  return g.parent === g.label ? g.label : `${g.parent}·${g.label}`;
}
