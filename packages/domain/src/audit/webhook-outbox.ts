import type { AuditAction, AuditEntityType, WebhookEvent } from '@ctp/contracts';
import {
  inquiries,
  recognitionRequests,
  submissions,
  type Tx,
  trialSites,
  trials,
  webhookDeliveries,
  webhooks,
} from '@ctp/db';
import { eq, isNull } from 'drizzle-orm';
import { newId } from '../ids.ts';

/** Which audited change announces which webhook event (the audit row is written in the transaction of the change). */
const EVENT_OF: Partial<Record<AuditAction, WebhookEvent>> = {
  'inquiry.send': 'inquiry.received',
  'site.select': 'site.state_changed',
  'site.transition': 'site.state_changed',
  'submission.decide': 'submission.decided',
  'recognition.request_open': 'recognition.opened',
  'recognition.decide': 'recognition.decided',
  'submission.issue_letter': 'letter.issued',
  'recognition.letter_store': 'letter.issued',
};

type Announcement = { orgIds: string[]; data: Record<string, unknown> };

/** The organisations on both sides of a trial site: its hospital, the trial's sponsor and its CRO if any. */
function sidesOf(row: { site: { hospitalOrgId: string }; sponsorOrgId: string; croOrgId: string | null }): string[] {
  return [row.site.hospitalOrgId, row.sponsorOrgId, row.croOrgId].filter((o): o is string => !!o);
}

/**
 * Who is concerned by the change and what they are told: identifiers and states only — never a vote, a worksheet,
 * a conflict, a minute or an internal note (deliberation stays inside the committee).
 */
function announce(tx: Tx, entityType: AuditEntityType, entityId: string, event: WebhookEvent): Announcement | null {
  if (entityType === 'inquiry') {
    const row = tx.select().from(inquiries).where(eq(inquiries.id, entityId)).get();
    if (!row) return null;
    return {
      orgIds: [row.hospitalOrgId],
      data: { inquiryId: row.id, trialId: row.trialId, trialSiteId: row.trialSiteId },
    };
  }
  if (entityType === 'trial_site') {
    const row = tx
      .select({ site: trialSites, sponsorOrgId: trials.sponsorOrgId, croOrgId: trials.croOrgId })
      .from(trialSites)
      .innerJoin(trials, eq(trials.id, trialSites.trialId))
      .where(eq(trialSites.id, entityId))
      .get();
    if (!row) return null;
    return {
      orgIds: sidesOf(row),
      data: { trialSiteId: row.site.id, trialId: row.site.trialId, state: row.site.state },
    };
  }
  if (entityType === 'submission') {
    const row = tx
      .select({
        submission: submissions,
        site: trialSites,
        sponsorOrgId: trials.sponsorOrgId,
        croOrgId: trials.croOrgId,
      })
      .from(submissions)
      .innerJoin(trialSites, eq(trialSites.id, submissions.trialSiteId))
      .innerJoin(trials, eq(trials.id, submissions.trialId))
      .where(eq(submissions.id, entityId))
      .get();
    if (!row) return null;
    const s = row.submission;
    return {
      orgIds: sidesOf(row),
      data: {
        submissionId: s.id,
        trialId: s.trialId,
        trialSiteId: s.trialSiteId,
        acceptanceNo: s.acceptanceNo,
        state: s.state,
        ...(event !== 'letter.issued' && { outcome: s.outcome, decidedDate: s.decidedDate }),
      },
    };
  }
  if (entityType === 'recognition_request') {
    const row = tx
      .select({
        request: recognitionRequests,
        site: trialSites,
        sponsorOrgId: trials.sponsorOrgId,
        croOrgId: trials.croOrgId,
      })
      .from(recognitionRequests)
      .innerJoin(trialSites, eq(trialSites.id, recognitionRequests.trialSiteId))
      .innerJoin(trials, eq(trials.id, recognitionRequests.trialId))
      .where(eq(recognitionRequests.id, entityId))
      .get();
    if (!row) return null;
    const r = row.request;
    return {
      orgIds: sidesOf(row),
      data: {
        recognitionRequestId: r.id,
        trialId: r.trialId,
        trialSiteId: r.trialSiteId,
        state: r.state,
        outcome: r.outcome,
      },
    };
  }
  return null;
}

/**
 * Writes one outbox row per subscribed webhook of each concerned organisation. Called by `writeAuditEvent`, so the
 * row commits or rolls back with the change itself: an event is never announced for a change that did not happen,
 * nor lost for one that did.
 */
export function enqueueWebhookEvents(
  tx: Tx,
  entry: { action: AuditAction; entityType: AuditEntityType; entityId: string },
  at: number,
): void {
  const event = EVENT_OF[entry.action];
  if (!event) return;
  const hooks = tx.select().from(webhooks).where(isNull(webhooks.disabledAt)).all();
  if (hooks.length === 0) return;
  const found = announce(tx, entry.entityType, entry.entityId, event);
  if (!found) return;
  const concerned = new Set(found.orgIds);
  for (const hook of hooks) {
    if (!concerned.has(hook.orgId) || !(JSON.parse(hook.eventsJson) as string[]).includes(event)) continue;
    const id = newId();
    const payload = { id, event, occurredAt: new Date(at).toISOString(), data: found.data };
    tx.insert(webhookDeliveries)
      .values({
        id,
        webhookId: hook.id,
        event,
        payloadJson: JSON.stringify(payload),
        state: 'pending',
        createdAt: at,
        nextAttemptAt: at,
      })
      .run();
  }
}
