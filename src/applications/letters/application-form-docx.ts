// The blank 政府信息公开申请表 of an agency as a Word document, for applicants who hand in or post
// their application (条例第二十九条第一款：书面形式). Its fields are those of the online form
// (model.ts APPLICATION_FIELD_LABELS), so a paper application is registered field by field.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { Organization } from '../../orgs/model.ts';
import {
  APPLICANT_COLUMN_LABELS,
  APPLICATION_FIELD_LABELS as L,
  DELIVERIES,
  DELIVERY_LABELS,
  FORM_LABELS,
  FORMS_WANTED,
  ID_TYPES,
  ORGANIZATION_COLUMNS,
} from '../model.ts';
import { REPLY_WORKING_DAYS } from '../rules/deadline.ts';
import { LETTER_PAGE, run, SMALL_SIZE, TITLE_FONT, TITLE_SIZE } from './docx.ts';

const TABLE_SIZE = 21; // 五号
const LABEL_WIDTH = 2400;
const VALUE_WIDTH = 6400;
const boxes = (labels: readonly string[]) => labels.map((l) => `□${l}`).join('　');

const cell = (text: string, width: number, opts: { bold?: boolean; span?: number; height?: number } = {}) =>
  new TableCell({
    children: [new Paragraph({ children: [run(text, TABLE_SIZE, TITLE_FONT, opts.bold)] })],
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: VerticalAlignTable.CENTER,
  });

/** A section heading across the table, then one row per field: label, and the value to write in. */
const heading = (text: string) => new TableRow({ children: [cell(text, LABEL_WIDTH + VALUE_WIDTH, { bold: true, span: 2 })], cantSplit: true });
const field = (label: string, value = '', rows = 1) =>
  new TableRow({ children: [cell(label, LABEL_WIDTH), cell(value, VALUE_WIDTH)], height: { value: 520 * rows, rule: 'atLeast' }, cantSplit: true });

/** 填表说明: what the Regulation asks of a written application, and where this agency takes it. */
function instructions(org: Organization): string[] {
  const where = [org.address && `地址：${org.address}`, org.phone && `电话：${org.phone}`, org.fax && `传真：${org.fax}`].filter(Boolean).join('；');
  return [
    '一、申请人为自然人的，填写“自然人”栏并附身份证明复印件；为法人或其他组织的，填写“法人或其他组织”栏（《中华人民共和国政府信息公开条例》第二十九条第二款第（一）项）。',
    '二、请写明所需政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的形式和方式（条例第二十九条第二款第（二）项、第（三）项）。一份申请表可以申请一项政府信息。',
    `三、本表可当面提交，或邮寄、传真至${org.fullName}${where ? `（${where}）` : ''}；也可以在本平台在线申请。`,
    `四、收到申请之日依条例第三十一条确定；本机关自收到申请之日起 ${REPLY_WORKING_DAYS} 个工作日内答复（条例第三十三条）。`,
  ];
}

export async function renderApplicationFormDocx(org: Organization): Promise<Buffer> {
  const table = new Table({
    width: { size: LABEL_WIDTH + VALUE_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, VALUE_WIDTH],
    layout: TableLayoutType.FIXED,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    rows: [
      heading('申请人信息（自然人填写）'),
      field(L.name!),
      field(L.idType!, boxes(ID_TYPES)),
      field(L.idNumber!),
      heading('申请人信息（法人或其他组织填写）'),
      field(L.orgName!),
      field(L.orgColumn!, boxes(ORGANIZATION_COLUMNS.map((c) => APPLICANT_COLUMN_LABELS[c]))),
      field(L.creditCode!),
      field(L.legalRepresentative!),
      field(L.contactPerson!),
      heading('联系方式'),
      field(L.phone!),
      field(L.email!),
      field(L.address!),
      field(L.postalCode!),
      heading('所需政府信息'),
      field(L.infoTitle!, '', 2),
      field(L.infoDocNumber!),
      field(L.infoDescription!, '', 4),
      field(L.formWanted!, boxes(FORMS_WANTED.map((f) => FORM_LABELS[f]))),
      field(L.delivery!, boxes(DELIVERIES.map((d) => DELIVERY_LABELS[d]))),
      field('申请人签名或者盖章', '', 2),
      field('申请日期', '　　　　年　　月　　日'),
    ],
  });
  const doc = new Document({
    creator: org.fullName,
    title: `${org.fullName}政府信息公开申请表`,
    sections: [
      {
        properties: { page: LETTER_PAGE },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run('政府信息公开申请表', TITLE_SIZE, TITLE_FONT, true)] }),
          new Paragraph({ spacing: { after: 200 }, children: [run(`受理机关：${org.fullName}`, SMALL_SIZE, TITLE_FONT)] }),
          table,
          new Paragraph({ spacing: { before: 200 }, children: [run('填表说明', SMALL_SIZE, TITLE_FONT, true)] }),
          ...instructions(org).map((t) => new Paragraph({ children: [run(t, TABLE_SIZE, TITLE_FONT)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
