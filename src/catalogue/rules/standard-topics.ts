// 主题分类: the subject classification of the national government-information catalogue (the 22
// 主题 of the State Council's 政府信息公开目录 and policy library, which provincial and county
// platforms reuse so that a document is filed alike everywhere). The editor picks one from this
// list; values stored before the list (free text, imports) are kept and shown as they are.

export const STANDARD_TOPICS = [
  '国务院组织机构',
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
] as const;

/**
 * The choices a form offers for a current value: the standard list, and a value from before the
 * list first (marked as not standard) so that saving the form never drops it silently.
 */
export function topicChoices(current: string): { value: string; label: string }[] {
  const standard = STANDARD_TOPICS.map((t) => ({ value: t, label: t }));
  const value = current.trim();
  if (!value || (STANDARD_TOPICS as readonly string[]).includes(value)) return standard;
  return [{ value, label: `${value}（原填写，非标准分类）` }, ...standard];
}
