/** Chart fonts and colours shared by every chart. */

// Named explicitly: a canvas does not inherit the page's CSS font stack, and without a CJK font
// named here Chinese labels fall back to whatever the system picks (tofu on some Windows 7 PCs).
export const CHART_FONT = {
  family: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'SimHei', sans-serif",
  size: 13,
};

// Blues and greys of clearly different lightness, so the series stay apart on a grayscale printer.
const PALETTE = [
  '#1f4e9c',
  '#8fb3e8',
  '#2f2f2f',
  '#c9c9c9',
  '#4f7fc9',
  '#6b6b6b',
  '#bcd4f5',
  '#0e2a55',
  '#9a9a9a',
  '#dfe8f6',
];

export function seriesColor(i: number): string {
  return PALETTE[i % PALETTE.length] ?? '#1f4e9c';
}
