/** Records for the core's unit tests: one event of a category, figures and fields as given. */
import type { NewRecord, ProposalStatus, Satisfaction } from '../../src/core/schema';

export function rec(
  category: string,
  values: NewRecord['values'] = {},
  extra: Partial<NewRecord> = {},
): NewRecord {
  return {
    date: '2023-03-05',
    category,
    members: [],
    place: '',
    subject: '',
    status: '',
    satisfaction: '',
    values,
    note: '',
    unit: '',
    source: { file: '台账.xlsx', sheet: 'Sheet1', row: 2 },
    ...extra,
  };
}

/** A proposal at a stage of handling, rated or not. */
export function proposal(status: ProposalStatus | '', satisfaction: Satisfaction | '' = ''): NewRecord {
  return rec('提案', {}, { status, satisfaction });
}
