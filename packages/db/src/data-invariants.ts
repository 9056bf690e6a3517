import type { DbHandle } from './client.ts';

/**
 * What must hold of any database, generated or real, checked by SQL over the whole of it: every foreign key
 * resolves; a site's state agrees with its milestone dates and they run in order; a decided review has its dates in
 * order and an outcome, a pending one none; a convened decision names its meeting; a recognition request decided
 * as recognised leaves its site ethics-approved; enrolment counts add up. Returns the violations (empty = sound).
 */
export function checkDataInvariants(handle: DbHandle): string[] {
  const problems: string[] = [];
  const fk = handle.sqlite.pragma('foreign_key_check') as { table: string }[];
  if (fk.length) problems.push(`foreign keys: ${fk.length} dangling (first in ${fk[0]!.table})`);
  const count = (label: string, sql: string) => {
    const n = Number(handle.sqlite.prepare(`select count(*) from (${sql})`).pluck().get());
    if (n) problems.push(`${label}: ${n}`);
  };
  const reached = (states: string) =>
    `state in (${states
      .split(' ')
      .map((s) => `'${s}'`)
      .join(', ')})`;
  const approvedOn =
    "state in ('ethics_approved','contract_signed','initiated','enrolling','enrolment_closed','closed')";
  count(
    'site past ethics without its approval date',
    `select id from trial_sites where ${approvedOn} and ethics_approved_date is null`,
  );
  count(
    'site before ethics with an approval date',
    `select id from trial_sites where ${reached('candidate inquiry_sent interested declined selected ethics_submitted')} and ethics_approved_date is not null`,
  );
  count(
    'site enrolling without first patient date',
    `select id from trial_sites where ${reached('enrolling enrolment_closed closed')} and fpi_date is null`,
  );
  count(
    'site milestones out of order',
    `select id from trial_sites where selected_date > ethics_submitted_date or ethics_submitted_date > ethics_approved_date
       or ethics_approved_date > contract_signed_date or contract_signed_date > siv_date or siv_date > fpi_date
       or fpi_date > lpi_date or lpi_date > closed_date`,
  );
  count(
    'suspended site without the state to resume',
    `select id from trial_sites where state = 'suspended' and state_before_suspension is null`,
  );
  count(
    'decided review without dates in order or an outcome',
    `select id from submissions where state in ('decided','letter_issued') and (decided_date is null or accepted_date is null
       or accepted_date > decided_date or outcome is null)`,
  );
  count(
    'undecided review with a decision',
    `select id from submissions where state not in ('decided','letter_issued') and (decided_date is not null or outcome is not null)`,
  );
  count(
    'accepted review without acceptance number',
    `select id from submissions where accepted_date is not null and acceptance_no is null`,
  );
  count(
    'convened decision without its meeting',
    `select id from submissions where state = 'decided' and review_path = 'convened' and meeting_id is null`,
  );
  count(
    'review whose timeline ends elsewhere',
    `select s.id from submissions s where s.state <> 'draft' and s.state <> (select e.to_state from submission_events e where e.submission_id = s.id order by e.at desc, e.id desc limit 1)`,
  );
  count(
    "review at another hospital's committee",
    `select s.id from submissions s join trial_sites t on t.id = s.trial_site_id join ethics_committees c on c.id = s.committee_id where c.hospital_org_id <> t.hospital_org_id`,
  );
  count(
    'recognised site not ethics-approved',
    `select r.id from recognition_requests r join trial_sites t on t.id = r.trial_site_id where r.outcome in ('recognised','recognised_with_conditions') and t.ethics_approved_date is null`,
  );
  count(
    'recognition decided before the lead approval',
    `select r.id from recognition_requests r join submissions l on l.id = r.lead_submission_id where r.decided_date < l.decided_date`,
  );
  count(
    'enrolment counts that do not add up',
    `select id from trial_site_enrolment where enrolled > screened or screen_failures > screened or withdrawn > enrolled`,
  );
  const search = Number(handle.sqlite.prepare('select count(*) from hospital_search').pluck().get());
  const hospitals = Number(
    handle.sqlite.prepare("select count(*) from organisations where kind = 'hospital'").pluck().get(),
  );
  if (search !== hospitals) problems.push(`search index: ${search} documents for ${hospitals} hospitals`);
  const providerDocs = Number(handle.sqlite.prepare('select count(*) from provider_search').pluck().get());
  const providers = Number(
    handle.sqlite.prepare("select count(*) from organisations where kind = 'provider'").pluck().get(),
  );
  if (providerDocs !== providers)
    problems.push(`provider search index: ${providerDocs} documents for ${providers} providers`);
  return problems;
}
