/** Records for the core's unit tests: one event of a category, figures and fields as given. */
import type { ImportBatch, NewRecord, ProposalStatus, Satisfaction } from '../../src/core/schema';

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

/** An import batch for the database tests: a file of `imported` records with this content hash. */
export function importBatch(hash: string, imported: number): Omit<ImportBatch, 'id'> {
  return {
    fileName: `${hash}.xlsx`,
    contentHash: hash,
    sheets: ['Sheet1'],
    mappingSignature: '',
    importedAt: '2024-01-05T00:00:00.000Z',
    imported,
    skipped: 0,
    demo: false,
  };
}
