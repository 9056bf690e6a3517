// Constants of the commission dashboard's filters and charts, apart from the zod schemas of metrics.ts: the dashboard
// reads them in its first load without pulling zod in (issue 16).

/** Sponsor class: industry sponsor acting alone, an industry trial run through a CRO, or investigator-initiated. */
export const SPONSOR_CLASSES = ['industry', 'cro', 'investigator'] as const;
export type SponsorClass = (typeof SPONSOR_CLASSES)[number];

/** The site-activation funnel of DESIGN §5 (inquiry → … → first patient in). */
export const FUNNEL_STAGES = ['inquiry', 'interested', 'selected', 'ethicsApproved', 'siv', 'fpi'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
