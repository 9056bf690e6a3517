import { describe, expect, it } from 'vitest';
import { availableRecognitionSteps, checkRecognitionTransition, recognitionCoverage } from './recognition.ts';

const agreement = {
  id: 'a1',
  status: 'active' as const,
  scope: { trialTypes: [], phases: [] },
  exclusions: { highRisk: true, phaseIOrBe: true, ownLead: true },
  committeeIds: ['lead', 'p1'],
};
const trial = { type: 'drug' as const, phase: 'III' as const, riskLevel: 'medium' as const };

describe('recognition coverage (pure)', () => {
  it('covers a participating EC that shares an active agreement with the lead EC', () => {
    expect(recognitionCoverage(trial, 'lead', 'p1', [agreement])).toEqual({ covered: true, agreementId: 'a1' });
  });
  it('says why not: not in an agreement, lead not in it, exclusions, scope, ended', () => {
    expect(recognitionCoverage(trial, 'lead', 'p2', [agreement])).toEqual({
      covered: false,
      reason: 'not_in_agreement',
    });
    expect(recognitionCoverage(trial, 'other', 'p1', [agreement])).toEqual({
      covered: false,
      reason: 'lead_not_in_agreement',
    });
    expect(recognitionCoverage({ ...trial, phase: 'BE' }, 'lead', 'p1', [agreement])).toMatchObject({
      reason: 'excluded_phase_i_be',
    });
    expect(recognitionCoverage({ ...trial, riskLevel: 'high' }, 'lead', 'p1', [agreement])).toMatchObject({
      reason: 'excluded_high_risk',
    });
    const off = { ...agreement, exclusions: { highRisk: false, phaseIOrBe: false, ownLead: true } };
    expect(recognitionCoverage({ ...trial, riskLevel: 'high', phase: 'I' }, 'lead', 'p1', [off]).covered).toBe(true);
    const devices = { ...agreement, scope: { trialTypes: ['device' as const], phases: [] } };
    expect(recognitionCoverage(trial, 'lead', 'p1', [devices])).toMatchObject({ reason: 'out_of_scope_type' });
    expect(recognitionCoverage(trial, 'lead', 'p1', [{ ...agreement, status: 'ended' }])).toMatchObject({
      reason: 'not_in_agreement',
    });
    expect(recognitionCoverage(trial, 'lead', 'lead', [agreement])).toMatchObject({ reason: 'lead_committee' });
  });
  it('keeps the request state machine as data', () => {
    expect(checkRecognitionTransition('accept', 'packet_submitted', 'ec')).toEqual({ ok: true, to: 'accepted' });
    expect(checkRecognitionTransition('accept', 'packet_submitted', 'site')).toEqual({ ok: false, reason: 'role' });
    expect(checkRecognitionTransition('decide', 'action_required', 'ec')).toEqual({ ok: false, reason: 'state' });
    expect(availableRecognitionSteps('pending_packet', 'site')).toEqual(['submit_packet']);
    expect(availableRecognitionSteps('local_review', 'ec')).toEqual(['review', 'request_action', 'decide']);
  });
});
