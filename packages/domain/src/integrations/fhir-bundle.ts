import { createHash } from 'node:crypto';

/**
 * A trial as a FHIR R4 Bundle (issue 17): the ResearchStudy with its identifiers, status, phase, conditions and
 * enrolment (target and actual as Groups, since R4's ResearchStudy.enrollment is a Reference(Group)), the sponsor
 * as an Organization, each site as a Location run by its hospital's Organization, and each site's PI as a
 * Practitioner with a PractitionerRole. Pure: it takes what the loaders read.
 */
export type FhirStudyModel = {
  key: string;
  identifiers: { system: string; value: string }[];
  title: string;
  titleEn: string | null;
  status: FhirStudyStatus;
  statusText: string | null;
  phase: { code: FhirPhase; text: string };
  conditions: string[];
  targetEnrolment: number | null;
  enrolled: number | null;
  period: { start?: string | null; end?: string | null };
  sponsor: { key: string; name: string } | null;
  sites: {
    key: string;
    name: string;
    city: string | null;
    country: string | null;
    hospital: { key: string; name: string } | null;
    pi: { key: string; name: string; title: string | null } | null;
    state: string | null;
  }[];
};

export type FhirStudyStatus =
  | 'active'
  | 'administratively-completed'
  | 'approved'
  | 'closed-to-accrual'
  | 'completed'
  | 'in-review'
  | 'temporarily-closed-to-accrual'
  | 'withdrawn';
export type FhirPhase =
  | 'n-a'
  | 'early-phase-1'
  | 'phase-1'
  | 'phase-1-phase-2'
  | 'phase-2'
  | 'phase-2-phase-3'
  | 'phase-3'
  | 'phase-4';

export const PLATFORM_ID_SYSTEM = 'urn:ctp:trial';
export const NCT_SYSTEM = 'https://clinicaltrials.gov';
export const CTR_SYSTEM = 'http://www.chinadrugtrials.org.cn';
export const CHICTR_SYSTEM = 'https://www.chictr.org.cn';
const PHASE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/research-study-phase';

/** A stable UUID for a derived resource (the same trial exports the same ids every time). */
function uuidOf(kind: string, key: string): string {
  const h = createHash('sha256').update(`${kind}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Entry = { fullUrl: string; resource: Record<string, unknown> };

export function buildFhirBundle(model: FhirStudyModel, timestamp: string): Record<string, unknown> {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const add = (kind: string, key: string, resource: Record<string, unknown>): string => {
    const id = uuidOf(kind, key);
    const fullUrl = `urn:uuid:${id}`;
    if (!seen.has(fullUrl)) {
      seen.add(fullUrl);
      entries.push({ fullUrl, resource: { resourceType: kind, id, ...resource } });
    }
    return fullUrl;
  };

  const sponsorRef = model.sponsor
    ? add('Organization', model.sponsor.key, { name: model.sponsor.name, active: true })
    : null;
  const siteRefs: string[] = [];
  const piRoleRefs: string[] = [];
  for (const site of model.sites) {
    const hospitalRef = site.hospital
      ? add('Organization', site.hospital.key, { name: site.hospital.name, active: true })
      : null;
    const locationRef = add('Location', site.key, {
      name: site.name,
      ...(site.state && { description: `site state: ${site.state}` }),
      ...((site.city || site.country) && {
        address: { ...(site.city && { city: site.city }), ...(site.country && { country: site.country }) },
      }),
      ...(hospitalRef && { managingOrganization: { reference: hospitalRef } }),
    });
    siteRefs.push(locationRef);
    if (site.pi) {
      const practitionerRef = add('Practitioner', site.pi.key, {
        name: [{ text: site.pi.name }],
        ...(site.pi.title && { qualification: [{ code: { text: site.pi.title } }] }),
      });
      piRoleRefs.push(
        add('PractitionerRole', `${site.key}:${site.pi.key}`, {
          active: true,
          practitioner: { reference: practitionerRef },
          ...(hospitalRef && { organization: { reference: hospitalRef } }),
          location: [{ reference: locationRef }],
          code: [{ text: 'Principal Investigator' }],
        }),
      );
    }
  }
  const groups: string[] = [];
  if (model.targetEnrolment !== null)
    groups.push(
      add('Group', `${model.key}:target`, {
        type: 'person',
        actual: false,
        quantity: model.targetEnrolment,
        name: 'Target enrolment',
      }),
    );
  if (model.enrolled !== null)
    groups.push(
      add('Group', `${model.key}:enrolled`, {
        type: 'person',
        actual: true,
        quantity: model.enrolled,
        name: 'Enrolled',
      }),
    );

  const study: Record<string, unknown> = {
    identifier: model.identifiers,
    title: model.titleEn ? `${model.title} / ${model.titleEn}` : model.title,
    status: model.status,
    phase: { coding: [{ system: PHASE_SYSTEM, code: model.phase.code }], text: model.phase.text },
    ...(model.conditions.length > 0 && { condition: model.conditions.map((text) => ({ text })) }),
    ...((model.period.start || model.period.end) && {
      period: {
        ...(model.period.start && { start: model.period.start }),
        ...(model.period.end && { end: model.period.end }),
      },
    }),
    ...(groups.length > 0 && { enrollment: groups.map((reference) => ({ reference })) }),
    ...(sponsorRef && { sponsor: { reference: sponsorRef } }),
    ...(piRoleRefs.length > 0 && { principalInvestigator: { reference: piRoleRefs[0] } }),
    ...(siteRefs.length > 0 && { site: siteRefs.map((reference) => ({ reference })) }),
    ...(model.statusText && { note: [{ text: `registry status: ${model.statusText}` }] }),
  };
  const studyId = uuidOf('ResearchStudy', model.key);
  return {
    resourceType: 'Bundle',
    id: uuidOf('Bundle', `${model.key}:${timestamp}`),
    type: 'collection',
    timestamp,
    entry: [
      { fullUrl: `urn:uuid:${studyId}`, resource: { resourceType: 'ResearchStudy', id: studyId, ...study } },
      ...entries,
    ],
  };
}
