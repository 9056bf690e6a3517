import { describe, expect, it } from 'vitest';
import type { ActorRef } from './policies.ts';
import { mayRecordDelay, siteSideOf, type TrialAccessFields } from './trial-policy.ts';

const actor = (role: ActorRef['role'], orgId: string, userId = 'u1'): ActorRef => ({
  userId,
  role,
  orgId,
  committeeId: null,
});
const drug: TrialAccessFields = { sponsorOrgId: 'sponsor-1', croOrgId: 'cro-1', type: 'drug' };
const iit: TrialAccessFields = { sponsorOrgId: 'hosp-lead', croOrgId: null, type: 'iit' };
const site = { hospitalOrgId: 'hosp-1' };

/** Whether the actor is offered (web) and allowed (server) to record a delay on the site: one rule for both. */
const records = (a: ActorRef, trial: TrialAccessFields, piUserId: string | null = 'pi-1') =>
  mayRecordDelay(a, siteSideOf(a, trial, site, piUserId));

describe('who records why a site is late (DESIGN §5)', () => {
  it('the trial’s sponsor or CRO, and the site’s trial office', () => {
    expect(records(actor('sponsor', 'sponsor-1'), drug)).toBe(true);
    expect(records(actor('sponsor', 'cro-1'), drug)).toBe(true);
    expect(records(actor('site_admin', 'hosp-1'), drug)).toBe(true);
  });

  it('an investigator-initiated trial’s lead trial office, on its sites at other hospitals too (its sponsor side)', () => {
    expect(siteSideOf(actor('site_admin', 'hosp-lead'), iit, site, null)).toBe('sponsor');
    expect(records(actor('site_admin', 'hosp-lead'), iit)).toBe(true);
  });

  it('not the site’s own PI, another sponsor, another hospital, the commission or an EC', () => {
    expect(siteSideOf(actor('investigator', 'hosp-1', 'pi-1'), drug, site, 'pi-1')).toBe('site');
    expect(records(actor('investigator', 'hosp-1', 'pi-1'), drug)).toBe(false);
    expect(records(actor('sponsor', 'sponsor-2'), drug)).toBe(false);
    expect(records(actor('site_admin', 'hosp-2'), drug)).toBe(false);
    expect(records(actor('commission', 'wjw'), drug)).toBe(false);
    expect(records(actor('ec_secretary', 'hosp-1'), drug)).toBe(false);
  });
});
