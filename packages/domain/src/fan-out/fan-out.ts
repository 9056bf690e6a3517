import {
  APPROVAL_OUTCOMES,
  RECOGNISING_OUTCOMES,
  type RecognitionSkipReason,
  recognitionCoverage,
  type SiteState,
} from '@ctp/contracts';
import {
  ethicsCommittees,
  recognitionAcks,
  recognitionEvents,
  recognitionRequests,
  recognitionSkips,
  submissions,
  type Tx,
  trialSites,
  trials,
} from '@ctp/db';
import { and, desc, eq, inArray, ne, notInArray } from 'drizzle-orm';
import { loadCoverageAgreements } from '../agreements/agreements.ts';
import { localContextOf } from '../agreements/local-context.ts';
import { profilePacketFields } from '../agreements/packet-prefill.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { AuditCtx } from '../context.ts';
import { type EffectiveVersion, effectiveVersionsOf, isIcfSuperseded } from '../documents/effective-versions.ts';
import { newId } from '../ids.ts';
import { notifyOrg } from '../notifications/notify.ts';
import type { Reader } from '../transaction.ts';

// Row types straight from the schema: this folder sits below trials, which calls it when a site is selected late.
type TrialRow = typeof trials.$inferSelect;
type TrialSiteRow = typeof trialSites.$inferSelect;

/*
 * What a lead EC's act sends to the participating sites' ECs (DESIGN §4.2): recognition requests opened on an
 * approval (and for a site selected later), amendments to acknowledge, SAE/SUSAR reports to read. This folder sits
 * below ethics and trials, which call it inside their own transactions, and below recognition, which runs the
 * requests it opens; it reads agreements and local context (agreements/) and effective versions (documents/).
 */

type Decision = {
  sub: { id: string; type: string; committeeId: string };
  trial: TrialRow;
  site: TrialSiteRow;
  isApproval: boolean;
  now: number;
};

/** A site is the lead site by its role or because it is at the trial's lead hospital. */
export function isLeadSite(
  trial: Pick<TrialRow, 'leadHospitalId'>,
  site: Pick<TrialSiteRow, 'role' | 'hospitalOrgId'>,
) {
  return site.role === 'lead' || (trial.leadHospitalId !== null && trial.leadHospitalId === site.hospitalOrgId);
}

/** Site states that wait for an ethics approval: these can be recognised. */
const AWAITING_ETHICS: readonly SiteState[] = ['selected', 'ethics_submitted'];
/** Not yet a participating site (the sponsor has not selected it). */
const NOT_YET_SELECTED: readonly SiteState[] = ['candidate', 'inquiry_sent', 'interested'];

/**
 * Inside the lead EC's approval of an initial review (called from `applyDecisionEffects`): every participating site
 * of the trial whose committee shares an agreement with the lead EC that covers the trial gets one recognition
 * request, pre-filled from its hospital's local context; every other site gets a recorded reason instead. Idempotent:
 * a site that already has a request is skipped here, and the unique index on the site refuses a second one.
 */
export function openRecognitionRequests(
  tx: Tx,
  ctx: AuditCtx,
  d: Decision,
  /** Only this site (a site selected after the lead's approval); every other site otherwise. */
  onlySiteId?: string,
): { opened: string[]; skipped: number } {
  const opened: string[] = [];
  let skipped = 0;
  if (!d.isApproval || (d.sub.type !== 'initial' && d.sub.type !== 'resubmission')) return { opened, skipped };
  if (!isLeadSite(d.trial, d.site)) return { opened, skipped };
  const agreements = loadCoverageAgreements(tx);
  const others = tx
    .select()
    .from(trialSites)
    .where(
      and(
        eq(trialSites.trialId, d.trial.id),
        ne(trialSites.id, d.site.id),
        onlySiteId ? eq(trialSites.id, onlySiteId) : undefined,
      ),
    )
    .all();
  const skip = (s: TrialSiteRow, reason: RecognitionSkipReason) => {
    skipped++;
    tx.insert(recognitionSkips)
      .values({ trialSiteId: s.id, trialId: d.trial.id, leadSubmissionId: d.sub.id, reason, createdAt: d.now })
      .onConflictDoUpdate({
        target: recognitionSkips.trialSiteId,
        set: { reason, leadSubmissionId: d.sub.id, createdAt: d.now },
      })
      .run();
  };
  for (const s of others) {
    const existing = tx
      .select({ id: recognitionRequests.id })
      .from(recognitionRequests)
      .where(eq(recognitionRequests.trialSiteId, s.id))
      .get();
    if (existing) continue;
    if (NOT_YET_SELECTED.includes(s.state)) {
      skip(s, 'not_selected');
      continue;
    }
    if (!AWAITING_ETHICS.includes(s.state)) continue; // declined, approved already, terminated…
    const committee = committeeOfHospital(tx, s.hospitalOrgId);
    if (!committee) {
      skip(s, 'no_committee');
      continue;
    }
    const ownReview = tx
      .select({ id: submissions.id })
      .from(submissions)
      .where(
        and(
          eq(submissions.trialSiteId, s.id),
          inArray(submissions.type, ['initial', 'resubmission']),
          notInArray(submissions.state, ['withdrawn']),
        ),
      )
      .get();
    if (ownReview) {
      skip(s, 'own_review_open');
      continue;
    }
    const coverage = recognitionCoverage(d.trial, d.sub.committeeId, committee.id, agreements);
    if (!coverage.covered) {
      skip(s, coverage.reason);
      continue;
    }
    const agreement = agreements.find((a) => a.id === coverage.agreementId)!;
    const local = localContextOf(tx, s.hospitalOrgId);
    const packet = {
      ...profilePacketFields(tx, s.id),
      localIcfClauses: local.localIcfClauses ?? '',
      feesAndInsurance: [
        local.reviewFeeYuan !== null ? `审查费 ${local.reviewFeeYuan} 元` : null,
        local.feeSchedule,
        local.insuranceRequirements,
      ]
        .filter(Boolean)
        .join('\n'),
      notes: '',
      prefilledFrom: {
        localContextVersion: local.version,
        languages: local.languages,
        hgrContact: local.hgrContactName,
      },
    };
    const id = newId();
    const inserted = tx
      .insert(recognitionRequests)
      .values({
        id,
        agreementId: agreement.id,
        trialId: d.trial.id,
        trialSiteId: s.id,
        committeeId: committee.id,
        leadCommitteeId: d.sub.committeeId,
        leadSubmissionId: d.sub.id,
        state: 'pending_packet',
        packetJson: JSON.stringify(packet),
        limitDays: agreement.participatingDays,
        createdAt: d.now,
        updatedAt: d.now,
      })
      .onConflictDoNothing()
      .run().changes;
    if (!inserted) continue;
    tx.delete(recognitionSkips).where(eq(recognitionSkips.trialSiteId, s.id)).run();
    tx.insert(recognitionEvents)
      .values({
        requestId: id,
        step: 'open',
        fromState: null,
        toState: 'pending_packet',
        actorUserId: ctx.actor?.userId ?? null,
        actorRole: ctx.actor?.role ?? null,
        at: d.now,
      })
      .run();
    writeAuditEvent(tx, ctx, {
      action: 'recognition.request_open',
      entityType: 'recognition_request',
      entityId: id,
      after: { agreementId: agreement.id, trialSiteId: s.id, committeeId: committee.id, leadSubmissionId: d.sub.id },
    });
    const params = { trial: d.trial.titleZh, committee: committee.nameZh };
    notifyOrg(
      tx,
      { orgId: s.hospitalOrgId, roles: ['site_admin'] },
      {
        kind: 'recognition_requested',
        params,
        link: `/recognition/requests/${id}`,
        now: d.now,
      },
    );
    notifyOrg(
      tx,
      { orgId: s.hospitalOrgId, roles: ['ec_secretary'] },
      {
        kind: 'recognition_requested',
        params,
        link: `/recognition/requests/${id}`,
        now: d.now,
      },
    );
    opened.push(id);
  }
  return { opened, skipped };
}

/**
 * Inside `trialSites.select` (DESIGN §4.2): a site selected after the lead EC has already approved the trial gets its
 * recognition request — or its reason — from the same coverage rule, as if it had been selected before the approval.
 * The lead approval is the latest approving initial (or resubmission) decision at the lead site.
 */
export function openRecognitionForLateSite(tx: Tx, ctx: AuditCtx, trial: TrialRow, site: TrialSiteRow, now: number) {
  if (isLeadSite(trial, site)) return { opened: [] as string[], skipped: 0 };
  const lead = tx
    .select({ sub: submissions, site: trialSites })
    .from(submissions)
    .innerJoin(trialSites, eq(trialSites.id, submissions.trialSiteId))
    .where(
      and(
        eq(submissions.trialId, trial.id),
        inArray(submissions.type, ['initial', 'resubmission']),
        inArray(submissions.outcome, [...APPROVAL_OUTCOMES]),
      ),
    )
    .orderBy(desc(submissions.decidedDate))
    .all()
    .find((r) => isLeadSite(trial, r.site));
  if (!lead) return { opened: [] as string[], skipped: 0 };
  return openRecognitionRequests(tx, ctx, { sub: lead.sub, trial, site: lead.site, isApproval: true, now }, site.id);
}

/**
 * Inside `submissions.submit` of an SAE/SUSAR report at the lead EC (DESIGN §4.2: filed once, delivered to the lead
 * and every participating EC with read receipts): each EC that recognised the trial from this lead EC is notified in
 * the same transaction; its read receipt is then taken on the safety-report list. Returns the committees told.
 */
export function fanOutSafetyReport(
  tx: Tx,
  d: { sub: { id: string; type: string; committeeId: string }; trial: Pick<TrialRow, 'id' | 'titleZh'>; now: number },
): string[] {
  if (d.sub.type !== 'sae') return [];
  const recognising = tx
    .select({ committeeId: recognitionRequests.committeeId, hospitalOrgId: ethicsCommittees.hospitalOrgId })
    .from(recognitionRequests)
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, recognitionRequests.committeeId))
    .where(
      and(
        eq(recognitionRequests.trialId, d.trial.id),
        eq(recognitionRequests.leadCommitteeId, d.sub.committeeId),
        inArray(recognitionRequests.outcome, [...RECOGNISING_OUTCOMES]),
      ),
    )
    .all();
  const told = new Set<string>();
  for (const r of recognising) {
    if (told.has(r.committeeId)) continue;
    told.add(r.committeeId);
    notifyOrg(
      tx,
      { orgId: r.hospitalOrgId, roles: ['ec_secretary', 'ec_chair'] },
      { kind: 'safety_report_received', params: { trial: d.trial.titleZh }, link: '/recognition', now: d.now },
    );
  }
  return [...told];
}

/**
 * Inside the lead EC's approval of an amendment: each EC that recognised the trial gets an acknowledgement task
 * (ack_pending) with the lead site's new effective versions; when the site's effective ICF is now behind the lead's,
 * the trial office and the sponsor are told it is superseded. Idempotent per (request, amendment).
 */
export function fanOutAmendment(
  tx: Tx,
  ctx: AuditCtx,
  d: Decision,
  effectiveVersions: () => EffectiveVersion[],
): string[] {
  if (!d.isApproval || d.sub.type !== 'amendment' || !isLeadSite(d.trial, d.site)) return [];
  const recognising = tx
    .select()
    .from(recognitionRequests)
    .where(
      and(
        eq(recognitionRequests.trialId, d.trial.id),
        eq(recognitionRequests.leadCommitteeId, d.sub.committeeId),
        inArray(recognitionRequests.outcome, [...RECOGNISING_OUTCOMES]),
      ),
    )
    .all();
  if (recognising.length === 0) return [];
  const leadVersions = effectiveVersions();
  const versions = JSON.stringify(
    leadVersions.map((v) => ({
      kind: v.kind,
      documentId: v.documentId,
      versionLabel: v.versionLabel,
      versionDate: v.versionDate,
      sha256: v.sha256,
      submissionId: v.submissionId,
      submissionType: v.submissionType,
      acceptanceNo: v.acceptanceNo,
      decidedDate: v.decidedDate,
      boundAt: v.boundAt,
    })),
  );
  const trial = tx.select({ sponsorOrgId: trials.sponsorOrgId }).from(trials).where(eq(trials.id, d.trial.id)).get()!;
  const out: string[] = [];
  for (const r of recognising) {
    const id = newId();
    const inserted = tx
      .insert(recognitionAcks)
      .values({
        id,
        requestId: r.id,
        committeeId: r.committeeId,
        trialId: r.trialId,
        trialSiteId: r.trialSiteId,
        sourceSubmissionId: d.sub.id,
        versionsJson: versions,
        state: 'ack_pending',
        createdAt: d.now,
      })
      .onConflictDoNothing()
      .run().changes;
    if (!inserted) continue;
    writeAuditEvent(tx, ctx, {
      action: 'recognition.ack',
      entityType: 'recognition_request',
      entityId: r.id,
      after: { ackId: id, state: 'ack_pending', sourceSubmissionId: d.sub.id },
    });
    const site = tx.select().from(trialSites).where(eq(trialSites.id, r.trialSiteId)).get()!;
    const params = { trial: d.trial.titleZh };
    const link = `/recognition/requests/${r.id}`;
    notifyOrg(
      tx,
      { orgId: site.hospitalOrgId, roles: ['ec_secretary'] },
      {
        kind: 'recognition_ack_requested',
        params,
        link,
        now: d.now,
      },
    );
    // Only when the site's ICF is now behind the lead's (an amendment may leave the ICF as it was).
    if (isIcfSuperseded(effectiveVersionsOf(tx, r.trialSiteId), leadVersions)) {
      notifyOrg(
        tx,
        { orgId: site.hospitalOrgId, roles: ['site_admin'] },
        { kind: 'icf_superseded', params, link, now: d.now },
      );
      notifyOrg(
        tx,
        { orgId: trial.sponsorOrgId, roles: ['sponsor', 'site_admin'] },
        {
          kind: 'icf_superseded',
          params,
          link: `/trials/${d.trial.id}/recognition`,
          now: d.now,
        },
      );
    }
    out.push(id);
  }
  return out;
}

/** The committee of a hospital (one per hospital in this city's data). */
export function committeeOfHospital(db: Reader, hospitalOrgId: string) {
  return db
    .select({ id: ethicsCommittees.id, nameZh: ethicsCommittees.nameZh, nameEn: ethicsCommittees.nameEn })
    .from(ethicsCommittees)
    .where(eq(ethicsCommittees.hospitalOrgId, hospitalOrgId))
    .get();
}
