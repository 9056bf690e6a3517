import { describe, expect, it } from 'vitest';
import { type ActorRef, runsCommittee } from './policies.ts';

const ec = (role: ActorRef['role'], committeeId: string | null): ActorRef => ({
  userId: 'u1',
  role,
  orgId: 'hosp-jsph',
  committeeId,
});

describe('runsCommittee: who records for the whole committee (server and meeting page alike)', () => {
  it('is the secretary or the chair of that very committee', () => {
    expect(runsCommittee(ec('ec_secretary', 'ec-jsph'), 'ec-jsph')).toBe(true);
    expect(runsCommittee(ec('ec_chair', 'ec-jsph'), 'ec-jsph')).toBe(true);
  });

  it('is not a member, another committee’s secretary, another role, nor nobody', () => {
    expect(runsCommittee(ec('ec_member', 'ec-jsph'), 'ec-jsph')).toBe(false);
    expect(runsCommittee(ec('ec_secretary', 'ec-njglyy'), 'ec-jsph')).toBe(false);
    expect(runsCommittee(ec('admin', 'ec-jsph'), 'ec-jsph')).toBe(false);
    expect(runsCommittee(null, 'ec-jsph')).toBe(false);
  });
});
