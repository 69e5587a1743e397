// The records the annual report is assembled from (issue 16 §3), in the order their cells are laid
// down: the catalogue (table 2 （一）, items and 解读), the Article 20 ledgers (table 2 （五）（六）（八）
// （九）), the 依申请公开 cases (table 3), the appeals register (table 4), and for a government the 工作考核
// of its agencies (section 一, 条例第五十条第四项). Only `app` knows them all.
import type { ReportPart } from '../report/assembly/part.ts';
import { cataloguePart } from '../catalogue/report-part.ts';
import { article20Part } from '../article20/table2-report.ts';
import { applicationsPart } from '../applications/report-part.ts';
import { appealsPart } from '../appeals/table4-report.ts';
import { assessmentPart } from '../supervision/assessment/scoring/report-part.ts';

export const REPORT_PARTS: readonly ReportPart[] = [cataloguePart, article20Part, applicationsPart, appealsPart, assessmentPart];
