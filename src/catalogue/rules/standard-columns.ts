// The standard catalogue every organization starts with: the four first-level columns of a
// disclosure platform (政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报,
// domain-reference §D.2, [P19] “专栏姓专”), the 法定主动公开内容 of 条例第二十条 below it, and the
// expected update interval the inspection rules check (§D.4 [W19]: 动态、要闻类 2 weeks;
// 通知公告、政策文件类 6 months; 人事、规划计划类 1 year in practice).
import type { ColumnKind } from '../model.ts';

export interface StandardColumn {
  name: string;
  kind?: ColumnKind;
  updateDays?: number;
  description?: string;
  children?: StandardColumn[];
}

export const STANDARD_COLUMNS: StandardColumn[] = [
  { name: '政府信息公开指南', kind: 'guide', description: '条例第十二条：政府信息的分类、编排体系、获取方式和工作机构联系方式' },
  { name: '政府信息公开制度', description: '本机关政府信息公开、保密审查等工作制度' },
  {
    name: '法定主动公开内容',
    description: '条例第二十条、第二十一条规定应当主动公开的政府信息',
    children: [
      { name: '机构职能', updateDays: 365, description: '条例第二十条第（二）项：机关职能、机构设置、办公地址、办公时间、联系方式' },
      { name: '负责人信息', updateDays: 365, description: '条例第二十条第（二）项：负责人姓名' },
      { name: '政策文件', kind: 'policy', updateDays: 180, description: '条例第二十条第（一）项：规章和规范性文件' },
      { name: '政策解读', kind: 'interpretation', updateDays: 180, description: '与政策文件同步组织、同步审签、同步部署' },
      { name: '通知公告', updateDays: 180 },
      { name: '工作动态', updateDays: 14 },
      { name: '规划计划', updateDays: 365, description: '条例第二十条第（三）项' },
      { name: '统计信息', updateDays: 365, description: '条例第二十条第（四）项' },
      { name: '财政预决算', updateDays: 365, description: '条例第二十条第（七）项' },
      { name: '行政许可', description: '条例第二十条第（五）项' },
      { name: '行政处罚', description: '条例第二十条第（六）项' },
      { name: '行政事业性收费', description: '条例第二十条第（八）项' },
      { name: '政府采购', description: '条例第二十条第（九）项' },
      { name: '重大建设项目', description: '条例第二十条第（十）项' },
      { name: '人事信息', updateDays: 365, description: '条例第二十条第（十四）项：公务员招考的职位、名额、报考条件和录用结果' },
      { name: '建议提案办理', updateDays: 365, description: '人大代表建议和政协提案办理结果' },
    ],
  },
  { name: '政府信息公开年报', kind: 'report', updateDays: 365, description: '条例第四十九条、第五十条' },
];
