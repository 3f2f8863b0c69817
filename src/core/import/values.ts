/** Normalising the text of one ledger cell into the stored field. */
import { PROPOSAL_STATUSES, type ProposalStatus, type Satisfaction } from '../schema';

/**
 * Several members in one cell: `江峰、王霞美`, `江峰,王霞美`, `江峰 王霞美`, `王霞美等3人`.
 * `等N人` names only the first; the count of the others is not a name.
 */
export function splitMembers(text: string): string[] {
  const cleaned = text.replace(/等\s*\d+\s*(?:人|名)(?:委员)?$/, '').replace(/委员$/, '');
  return cleaned
    .split(/[、,，;；/\\|\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const STATUS_WORDS: [RegExp, ProposalStatus][] = [
  // Negations first: 未办结 contains 办结 and 未立案 contains 立案, yet they mean the stage before.
  [/(?:未|待|不予)立案/, '已提交'],
  [/(?:未|待)(?:办结|答复|回复)/, '已立案'],
  [/办结|办理完毕|已落实|已解决/, '已办结'],
  [/答复|回复|已办理/, '已答复'],
  [/立案|交办|办理中|正在办理/, '已立案'],
  [/提交|未立案|待立案|待办/, '已提交'],
];

export function parseStatus(text: string): ProposalStatus | '' {
  const t = text.replace(/\s/g, '');
  if (!t) return '';
  if ((PROPOSAL_STATUSES as readonly string[]).includes(t)) return t as ProposalStatus;
  for (const [re, status] of STATUS_WORDS) if (re.test(t)) return status;
  return '';
}

export function parseSatisfaction(text: string): Satisfaction | '' {
  const t = text.replace(/\s/g, '');
  if (!t) return '';
  if (/不满意/.test(t)) return '不满意';
  if (/基本满意|比较满意|较满意/.test(t)) return '基本满意';
  if (/满意/.test(t)) return '满意';
  return '';
}
