/** The one copy lives in contracts, so that exports built on the server say the same (issue 14). */
export { districtLabel, hospitalTypeLabel, levelLabel } from '@ctp/contracts';
