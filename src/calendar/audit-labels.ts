// The audit log's action codes of the working-day calendar, in Chinese (see orgs/audit-labels.ts).
export const CALENDAR_AUDIT_LABELS: Record<string, string> = {
  'calendar.year.add': '录入年度节假日安排',
  'calendar.day.set': '录入放假日或调休上班日',
  'calendar.day.remove': '删除放假日或调休上班日',
};
