/** Chart fonts and colours shared by every chart. */
import { KNOWN_CATEGORIES } from '../core/categories';

// Named explicitly: a canvas does not inherit the page's CSS font stack, and without a CJK font
// named here Chinese labels fall back to whatever the system picks (tofu on some Windows 7 PCs).
export const CHART_FONT = {
  family: "'Microsoft YaHei', 'SimHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif",
  size: 13,
};

/** The numbers written on bars and slices: smaller than the axes, bold enough to print. */
export const VALUE_FONT = { family: CHART_FONT.family, size: 11, weight: 'bold' as const };

// Blues alternating with greys, each at its own lightness: on a grayscale printer the series become
// ten greys at least 18 levels apart (Rec. 601 luma 73, 174, 30, 215, 112, 194, 48, 153, 91, 130), and
// neighbours in a stack differ by far more than that. Nothing lighter than 215: a paler bar vanishes
// into white paper.
const PALETTE = [
  '#1f4e9c',
  '#8fb3e8',
  '#1e1e1e',
  '#d7d7d7',
  '#4676bf',
  '#c2c2c2',
  '#163463',
  '#999999',
  '#5b5b5b',
  '#6387bd',
];

/** The one colour of single-series charts (rankings, funds): the app's deep blue. */
export const MAIN_COLOR = '#1f4e9c';
/** Last year beside this year: a light grey that prints lighter than the blue. */
export const PREVIOUS_COLOR = '#b4b4b4';

export function seriesColor(i: number): string {
  return PALETTE[i % PALETTE.length] ?? MAIN_COLOR;
}

/** Rec. 601 luma (0–255) of a #rrggbb colour: what a grayscale printer makes of it. */
export function luma(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
}

/** Text written on a coloured bar or slice: white on dark, near-black on light. */
export function textOn(hex: string): string {
  return luma(hex) < 140 ? '#fff' : '#1f2329';
}

/**
 * A category's colour, the same in every chart and every period: 走访 is the deep blue on the
 * monthly bars, in the doughnut and on last year's printout alike. The known categories take the
 * palette in their display order (so neighbours in a stack differ in lightness); others by name.
 */
export function categoryColor(category: string): string {
  const known = KNOWN_CATEGORIES.findIndex((c) => c.name === category);
  if (known !== -1) return seriesColor(known);
  let h = 0;
  for (const ch of category) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return seriesColor(h);
}
