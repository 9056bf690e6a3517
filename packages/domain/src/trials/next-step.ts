import { type SiteState, STAGE_TARGET_DAYS } from '@ctp/contracts';
import { addDays, daysBetween } from '../clock/dates.ts';

export type NextStep = { step: string; dueDate: string | null; overdue: boolean; daysLeft: number | null };

type SiteDates = {
  state: SiteState;
  selectedDate: string | null;
  ethicsApprovedDate: string | null;
  sivDate: string | null;
};

/**
 * The next thing a site must do and by when, against the stage targets of DESIGN §5 (ethics ≤ 60 days after
 * selection, SIV ≤ 60 days after ethics, first patient ≤ 30 days after SIV) or the inquiry's reply deadline.
 */
export function nextStepOf(site: SiteDates, today: string, replyBy: string | null = null): NextStep | null {
  const due = (step: string, dueDate: string | null): NextStep => ({
    step,
    dueDate,
    overdue: dueDate !== null && today > dueDate,
    daysLeft: dueDate === null ? null : daysBetween(today, dueDate),
  });
  switch (site.state) {
    case 'candidate':
      return due('send_inquiry', null);
    case 'inquiry_sent':
      return due('answer_inquiry', replyBy);
    case 'interested':
      return due('select', null);
    case 'selected':
    case 'ethics_submitted':
      return due(
        'ethics_approval',
        site.selectedDate ? addDays(site.selectedDate, STAGE_TARGET_DAYS.ethicsApproved) : null,
      );
    case 'ethics_approved':
      return due('contract', site.ethicsApprovedDate ? addDays(site.ethicsApprovedDate, STAGE_TARGET_DAYS.siv) : null);
    case 'contract_signed':
      return due('siv', site.ethicsApprovedDate ? addDays(site.ethicsApprovedDate, STAGE_TARGET_DAYS.siv) : null);
    case 'initiated':
      return due('fpi', site.sivDate ? addDays(site.sivDate, STAGE_TARGET_DAYS.fpi) : null);
    case 'enrolling':
      return due('lpi', null);
    case 'enrolment_closed':
      return due('close', null);
    case 'declined':
    case 'closed':
    case 'suspended':
    case 'terminated':
      return null;
  }
}
