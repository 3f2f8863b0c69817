// Big clean ledgers for the benchmark: one event per row, the columns a township ledger has, a
// seeded generator so every run measures the same file.
import * as XLSX from '@e965/xlsx';

const MEMBERS = [
  '江峰',
  '王霞美',
  '陈国强',
  '刘桂芳',
  '赵建华',
  '孙晓燕',
  '周志伟',
  '吴海燕',
  '郑春生',
  '黄德明',
  '杨秀英',
  '何立新',
];
const PLACES = ['青山村', '柳塘村', '石桥村', '杨家湾村', '白沙村', '枫林村', '河口社区', '镇区社区'];
const CATEGORIES = ['走访', '走访', '走访', '培训', '提案', '资金', '调研', '视察', '会议', '学习'];
const STATUSES = ['已提交', '已立案', '已答复', '已办结', '已办结'];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An .xlsx ledger of `rows` events, all in 2023: the dashboard's default period (the latest year)
 * then shows every record, so "the totals show them all" is one check.
 */
export function benchLedger(rows, seed = 20231231) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const aoa = [
    [
      '日期',
      '类别',
      '委员',
      '地点',
      '事项',
      '人数',
      '户数',
      '份数',
      '金额(万元)',
      '办理状态',
      '满意度',
      '备注',
    ],
  ];
  const base = Date.UTC(2023, 0, 1);
  for (let i = 0; i < rows; i++) {
    const day = Math.floor(r() * 365);
    const date = new Date(base + day * 86_400_000);
    const serial = Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
    const category = pick(CATEGORIES);
    const members = r() < 0.3 ? `${pick(MEMBERS)}、${pick(MEMBERS)}` : pick(MEMBERS);
    const proposal = category === '提案';
    aoa.push([
      { t: 'n', v: serial, z: 'yyyy-mm-dd' },
      category,
      members,
      pick(PLACES),
      `${category}事项${i % 997}`,
      category === '资金' || proposal ? null : 1 + Math.floor(r() * 60),
      category === '走访' ? 1 + Math.floor(r() * 8) : null,
      category === '走访' && r() < 0.5 ? 5 + Math.floor(r() * 50) : null,
      category === '资金' ? Math.round(r() * 500000) / 100 : null,
      proposal ? pick(STATUSES) : null,
      proposal && r() < 0.7 ? (r() < 0.8 ? '满意' : '基本满意') : null,
      '',
    ]);
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: false });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '台账');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }));
}
