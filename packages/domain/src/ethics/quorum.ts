import {
  type CommitteeSop,
  LEGAL_QUORUM,
  type MemberExpertise,
  NON_MEDICAL_EXPERTISE,
  type QUORUM_REASON_LABELS,
} from '@ctp/contracts';

export type QuorumMember = { id: string; expertise: MemberExpertise; isAffiliated: boolean };
export type QuorumReason = keyof typeof QUORUM_REASON_LABELS;
export type Quorum = {
  met: boolean;
  /** Serving members of the committee (the denominator of "more than half"). */
  total: number;
  /** Members present and not recused. */
  present: number;
  required: number;
  hasNonMedical: boolean;
  hasUnaffiliated: boolean;
  reasons: QuorumReason[];
};

/**
 * Pure: members to be present — more than `quorumMinPercent` % of `memberCount`, and at least `quorumMinCount`; never
 * below the legal minimum (more than half, at least five), whatever a setting says.
 */
export function requiredAttendance(
  sop: Pick<CommitteeSop, 'quorumMinPercent' | 'quorumMinCount'>,
  memberCount: number,
): number {
  const percent = Math.max(sop.quorumMinPercent, LEGAL_QUORUM.minPercent);
  return Math.max(Math.floor((memberCount * percent) / 100) + 1, sop.quorumMinCount, LEGAL_QUORUM.minCount);
}

/**
 * Pure: the quorum (法定人数) of the SOP rule (DESIGN §4.1). More than `quorumMinPercent` % of the serving members
 * — and at least `quorumMinCount` — present, with a non-medical and an unaffiliated member among them when the SOP
 * asks for it. A recused member is not counted as present (nor towards the non-medical / unaffiliated members), but
 * stays a member: recusals cannot shrink the quorum they are needed for.
 */
export function quorumOf(
  sop: Pick<CommitteeSop, 'quorumMinPercent' | 'quorumMinCount' | 'quorumNeedsNonMedical' | 'quorumNeedsUnaffiliated'>,
  members: readonly QuorumMember[],
  attendance: readonly { memberId: string; present: boolean }[],
  recusals: readonly string[],
): Quorum {
  const presentIds = new Set(attendance.filter((a) => a.present).map((a) => a.memberId));
  const recused = new Set(recusals);
  const counted = members.filter((m) => presentIds.has(m.id) && !recused.has(m.id));
  const required = requiredAttendance(sop, members.length);
  const hasNonMedical = counted.some((m) => (NON_MEDICAL_EXPERTISE as readonly string[]).includes(m.expertise));
  const hasUnaffiliated = counted.some((m) => !m.isAffiliated);
  const reasons: QuorumReason[] = [];
  if (counted.length < required) reasons.push('TOO_FEW_PRESENT');
  if (sop.quorumNeedsNonMedical && !hasNonMedical) reasons.push('NO_NON_MEDICAL');
  if (sop.quorumNeedsUnaffiliated && !hasUnaffiliated) reasons.push('NO_UNAFFILIATED');
  return {
    met: reasons.length === 0,
    total: members.length,
    present: counted.length,
    required,
    hasNonMedical,
    hasUnaffiliated,
    reasons,
  };
}

/** Pure: a calendar date plus whole months, clamped to the month's last day (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Pure: months to the next follow-up review after an approval — by risk (high 3, medium 6, low 12), never longer
 * than the committee's SOP default; an explicit `override` (1–12) wins.
 */
export function followUpMonthsFor(
  risk: 'low' | 'medium' | 'high',
  sopDefault: number,
  override: number | undefined,
  byRisk: Record<'low' | 'medium' | 'high', number>,
): number {
  return override ?? Math.min(byRisk[risk], sopDefault);
}

/**
 * Pure: the view holding a strict majority of the voters (present, not recused), if any. Abstentions count as
 * voters but for no view, so they can stop a majority.
 */
export function majorityOf<C extends string>(votes: readonly C[], voters: number, abstain: C): C | null {
  const tally = new Map<C, number>();
  for (const v of votes) if (v !== abstain) tally.set(v, (tally.get(v) ?? 0) + 1);
  for (const [choice, n] of tally) if (n * 2 > voters) return choice;
  return null;
}
