// Demo organizations: a fictional county (its government office and six departments),
// plus the real agencies of the seed documents (test/fixtures/seeds) in their regions.
import type { OrgInput } from '../../orgs/model.ts';

type DemoOrg = Omit<OrgInput, 'shortName'> & { shortName?: string };

const QS = { address: '青山县人民路 1 号', officeHours: '工作日 上午 8:30—12:00，下午 14:30—17:30' };

export const DEMO_ORGS: DemoOrg[] = [
  { kind: 'province', fullName: '示范省', code: 'SF' },
  { kind: 'city', fullName: '示范省云岭市', shortName: '云岭市', code: 'SF-YL', parentCode: 'SF' },
  { kind: 'county', fullName: '云岭市青山县', shortName: '青山县', code: 'SF-YL-QS', parentCode: 'SF-YL' },
  {
    kind: 'government', fullName: '青山县人民政府办公室', shortName: '县政府办', code: '113301000000000001', parentCode: 'SF-YL-QS',
    ...QS, phone: '0571-80000001', fax: '0571-80000009', email: 'gk@qingshan.example.gov.cn', website: 'http://www.qingshan.example.gov.cn', reportDeadline: '03-31',
  },
  ...[
    ['青山县自然资源局', '县自然资源局', 'QS-ZRZY', '0571-80000101'],
    ['青山县生态环境局', '县生态环境局', 'QS-STHJ', '0571-80000102'],
    ['青山县林业局', '县林业局', 'QS-LY', '0571-80000103'],
    ['青山县水利局', '县水利局', 'QS-SL', '0571-80000104'],
    ['青山县教育局', '县教育局', 'QS-JY', '0571-80000105'],
    ['青山县卫生健康局', '县卫健局', 'QS-WJ', '0571-80000106'],
  ].map(([fullName, shortName, code, phone]) => ({
    kind: 'department' as const, fullName: fullName!, shortName, code: code!, parentCode: '113301000000000001', ...QS, phone,
    email: `${code!.toLowerCase()}@qingshan.example.gov.cn`,
  })),
  { kind: 'subunit', fullName: '青山县自然资源局不动产登记中心', shortName: '不动产登记中心', code: 'QS-ZRZY-BDC', parentCode: 'QS-ZRZY', ...QS },

  // Agencies of the seed documents (contact details left for their administrators).
  { kind: 'province', fullName: '辽宁省', code: 'LN' },
  { kind: 'city', fullName: '辽宁省抚顺市', shortName: '抚顺市', code: 'LN-FS', parentCode: 'LN' },
  { kind: 'county', fullName: '抚顺市新宾满族自治县', shortName: '新宾满族自治县', code: 'LN-FS-XB', parentCode: 'LN-FS' },
  { kind: 'department', fullName: '新宾满族自治县自然资源局', shortName: '新宾县自然资源局', code: 'XB-ZRZY', parentCode: 'LN-FS-XB' },
  { kind: 'province', fullName: '山西省', code: 'SX' },
  { kind: 'city', fullName: '山西省大同市', shortName: '大同市', code: 'SX-DT', parentCode: 'SX' },
  { kind: 'county', fullName: '大同市新荣区', shortName: '新荣区', code: 'SX-DT-XR', parentCode: 'SX-DT' },
  { kind: 'department', fullName: '大同市新荣区自然资源局', shortName: '新荣区自然资源局', code: 'XR-ZRZY', parentCode: 'SX-DT-XR' },
  { kind: 'province', fullName: '安徽省', code: 'AH' },
  { kind: 'city', fullName: '安徽省宣城市', shortName: '宣城市', code: 'AH-XC', parentCode: 'AH' },
  { kind: 'county', fullName: '宣城市绩溪县', shortName: '绩溪县', code: 'AH-XC-JX', parentCode: 'AH-XC' },
  { kind: 'department', fullName: '绩溪县林业局', shortName: '绩溪县林业局', code: 'JX-LY', parentCode: 'AH-XC-JX' },
  { kind: 'province', fullName: '甘肃省', code: 'GS' },
  { kind: 'city', fullName: '甘肃省定西市', shortName: '定西市', code: 'GS-DX', parentCode: 'GS' },
  { kind: 'department', fullName: '定西市水土保持总站', shortName: '定西市水保站', code: 'DX-SBZZ', parentCode: 'GS-DX' },
  { kind: 'province', fullName: '江西省', code: 'JX' },
  { kind: 'city', fullName: '江西省抚州市', shortName: '抚州市', code: 'JX-FZ', parentCode: 'JX' },
  { kind: 'county', fullName: '抚州市黎川县', shortName: '黎川县', code: 'JX-FZ-LC', parentCode: 'JX-FZ' },
  { kind: 'department', fullName: '抚州市黎川县生态环境局', shortName: '黎川县生态环境局', code: 'LC-STHJ', parentCode: 'JX-FZ-LC' },
];
