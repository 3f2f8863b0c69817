/** Column roles as the options of the mapping dropdowns, and back. */
import type { ColumnRole, MeasureKey } from '../core/schema';
import { t } from '../i18n/zh-CN';

export interface RoleOption {
  value: string;
  label: string;
}

const FIELDS = [
  'date',
  'category',
  'members',
  'place',
  'subject',
  'status',
  'satisfaction',
  'note',
  'unit',
] as const;

export function roleValue(role: ColumnRole): string {
  switch (role.kind) {
    case 'measure':
      return role.measure.startsWith('custom:')
        ? `custom:${role.measure.slice(7)}`
        : `measure:${role.measure}:${role.scale}`;
    case 'month':
      return `month:${role.month}:${role.quarter ? 'q' : 'm'}`;
    default:
      return role.kind;
  }
}

export function roleLabel(role: ColumnRole): string {
  switch (role.kind) {
    case 'measure': {
      if (role.measure.startsWith('custom:')) return role.measure.slice(7);
      if (role.measure === 'amount')
        return role.scale === 10000 ? t.role.measure.amountWan : t.role.measure.amountYuan;
      return t.role.measure[role.measure as 'count' | 'people' | 'households' | 'items'];
    }
    case 'month':
      return t.role.month(role.month, role.quarter === true);
    default:
      return t.role[role.kind];
  }
}

/** The choices for one column; a wide table also offers its month, item and unit roles. */
export function roleOptions(current: ColumnRole, wide: boolean): RoleOption[] {
  const options: RoleOption[] = [];
  for (const f of FIELDS) options.push({ value: f, label: t.role[f] });
  const measures: ColumnRole[] = [
    { kind: 'measure', measure: 'count', scale: 1 },
    { kind: 'measure', measure: 'people', scale: 1 },
    { kind: 'measure', measure: 'households', scale: 1 },
    { kind: 'measure', measure: 'items', scale: 1 },
    { kind: 'measure', measure: 'amount', scale: 1 },
    { kind: 'measure', measure: 'amount', scale: 10000 },
  ];
  for (const m of measures) options.push({ value: roleValue(m), label: roleLabel(m) });
  if (
    wide ||
    current.kind === 'month' ||
    current.kind === 'item' ||
    current.kind === 'itemUnit' ||
    current.kind === 'rowTotal'
  ) {
    options.push(
      { value: 'item', label: t.role.item },
      { value: 'itemUnit', label: t.role.itemUnit },
      { value: 'rowTotal', label: t.role.rowTotal },
    );
    for (let m = 1; m <= 12; m++) options.push({ value: `month:${m}:m`, label: t.role.month(m, false) });
  }
  if (current.kind === 'month' && current.quarter)
    options.push({ value: roleValue(current), label: roleLabel(current) });
  if (current.kind === 'measure' && current.measure.startsWith('custom:'))
    options.push({ value: roleValue(current), label: roleLabel(current) });
  options.push({ value: 'custom', label: t.role.custom }, { value: 'ignore', label: t.role.ignore });
  return options;
}

/** The role an option stands for; `category` keeps a statistics column's category. */
export function roleFromValue(value: string, category?: string): ColumnRole | null {
  if ((FIELDS as readonly string[]).includes(value)) return { kind: value as (typeof FIELDS)[number] };
  if (value === 'ignore' || value === 'item' || value === 'itemUnit' || value === 'rowTotal')
    return { kind: value };
  const [kind, a, b] = value.split(':');
  if (kind === 'measure' && a) {
    const role: ColumnRole = { kind: 'measure', measure: a as MeasureKey, scale: Number(b) || 1 };
    return category ? { ...role, category } : role;
  }
  if (kind === 'month' && a)
    return b === 'q'
      ? { kind: 'month', month: Number(a), quarter: true }
      : { kind: 'month', month: Number(a) };
  if (kind === 'custom' && a) {
    const role: ColumnRole = { kind: 'measure', measure: `custom:${a}`, scale: 1 };
    return category ? { ...role, category } : role;
  }
  return null;
}
