/**
 * The to-do list of a role's 工作台 (issue 14): one group per code, each with its count and the items behind it.
 * Codes are the i18n keys of the web (`home.todo.<code>_one/_other`).
 */
export const TODO_CODES = [
  // EC secretary (秘书)
  'toScreen',
  'overdueClocks',
  'meetingsToPrepare',
  'lettersToIssue',
  // EC chair and members (主任委员 / 委员)
  'worksheetsDue',
  'votesOpen',
  // Trial office (机构办)
  'inquiriesToAnswer',
  'returnsToAnswer',
  'milestonesOverdue',
  // Sponsor (申办方)
  'answersReceived',
  'decisionsIssued',
  // Service provider (服务机构管理员): qualifications expiring within QUALIFICATION_WARNING_DAYS or expired.
  'qualificationsExpiring',
] as const;
export type TodoCode = (typeof TODO_CODES)[number];

/** One thing to do: what it is about (Chinese and English title, a reference such as the 受理号), when, and where. */
export type TodoItem = {
  id: string;
  title: string;
  titleEn: string | null;
  ref: string | null;
  /** The reference in English where it is a name (a hospital, a sponsor); null: the same in both languages. */
  refEn?: string | null;
  date: string | null;
  link: string;
};
export type TodoGroup = { code: TodoCode; count: number; items: TodoItem[] };

/** Items listed per group on the home page; the count is always the full number. */
export const TODO_ITEMS_SHOWN = 5;
/** Sponsors see the decisions (letters) issued on their trials within this many days. */
export const RECENT_DECISION_DAYS = 30;
