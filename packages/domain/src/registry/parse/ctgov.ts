import { createHash } from 'node:crypto';
import type { RegistryImportError, RegistryPhase, RegistryStatus } from '@ctp/contracts';
import { type ParsedFile, type RegistryRecord, registryDate, text } from './record.ts';

/**
 * ClinicalTrials.gov API v2 study JSON (an array of studies, or the API's `{studies: […]}` page) → records.
 * A study that cannot be read is reported with its index in the array and the reason; the others are kept.
 */
export function parseCtgovJson(json: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { records: [], errors: [{ index: -1, id: null, reason: `not JSON: ${(e as Error).message}` }], total: 0 };
  }
  const studies = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.studies) ? data.studies : null;
  if (!studies)
    return {
      records: [],
      errors: [{ index: -1, id: null, reason: 'expected an array of studies or {"studies": [...]}' }],
      total: 0,
    };
  return parseCtgovStudies(studies);
}

export function parseCtgovStudies(studies: unknown[]): ParsedFile {
  const records: RegistryRecord[] = [];
  const errors: RegistryImportError[] = [];
  studies.forEach((study, index) => {
    const result = parseStudy(study);
    if ('reason' in result) errors.push({ index, id: result.id, reason: result.reason });
    else records.push(result);
  });
  return { records, errors, total: studies.length };
}

const STATUS: Record<string, RegistryStatus> = {
  NOT_YET_RECRUITING: 'not_yet_recruiting',
  RECRUITING: 'recruiting',
  ENROLLING_BY_INVITATION: 'enrolling_by_invitation',
  ACTIVE_NOT_RECRUITING: 'active_not_recruiting',
  SUSPENDED: 'suspended',
  TERMINATED: 'terminated',
  COMPLETED: 'completed',
  WITHDRAWN: 'withdrawn',
};

const PHASE: Record<string, RegistryPhase> = {
  EARLY_PHASE1: 'early_phase1',
  PHASE1: 'phase1',
  PHASE2: 'phase2',
  PHASE3: 'phase3',
  PHASE4: 'phase4',
  NA: 'na',
};

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObject(v) ? v : {});
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function parseStudy(study: unknown): RegistryRecord | { id: string | null; reason: string } {
  if (!isObject(study)) return { id: null, reason: 'a study must be an object' };
  const protocol = study.protocolSection;
  if (!isObject(protocol)) return { id: null, reason: 'protocolSection missing' };
  const ident = obj(protocol.identificationModule);
  const nctId = text(ident.nctId);
  if (!nctId) return { id: null, reason: 'identificationModule.nctId missing' };
  if (!/^NCT\d{8}$/.test(nctId)) return { id: nctId, reason: `not an NCT number: ${nctId}` };
  const briefTitle = text(ident.briefTitle) ?? text(ident.officialTitle);
  if (!briefTitle) return { id: nctId, reason: 'identificationModule.briefTitle missing' };
  const status = obj(protocol.statusModule);
  const design = obj(protocol.designModule);
  const locationsRaw = obj(protocol.contactsLocationsModule).locations;
  if (locationsRaw !== undefined && !Array.isArray(locationsRaw))
    return { id: nctId, reason: 'contactsLocationsModule.locations must be an array' };
  const sites: RegistryRecord['sites'] = [];
  for (const [i, l] of (locationsRaw ?? []).entries()) {
    const loc = obj(l);
    const facility = text(loc.facility);
    if (!facility && !text(loc.city)) return { id: nctId, reason: `location ${i} has neither facility nor city` };
    const geo = obj(loc.geoPoint);
    sites.push({
      facility: facility ?? '',
      city: text(loc.city),
      province: text(loc.state),
      country: text(loc.country),
      lat: num(geo.lat),
      lon: num(geo.lon),
      status: text(loc.status),
      piName: null,
      piTitle: null,
    });
  }
  const phasesRaw = Array.isArray(design.phases) ? design.phases.filter((p): p is string => typeof p === 'string') : [];
  const conditions = obj(protocol.conditionsModule).conditions;
  const meshes = obj(obj(study.derivedSection).conditionBrowseModule).meshes;
  const overall = text(status.overallStatus);
  const enrolment = num(obj(design.enrollmentInfo).count);
  return {
    source: 'ctgov',
    registryId: nctId,
    briefTitle,
    officialTitle: text(ident.officialTitle),
    status: (overall && STATUS[overall]) || 'unknown',
    statusRaw: overall,
    phases: [...new Set(phasesRaw.map((p) => PHASE[p]).filter((p): p is RegistryPhase => p !== undefined))],
    phaseRaw: phasesRaw.length ? phasesRaw.join('/') : null,
    enrolment: enrolment === null ? null : Math.round(enrolment),
    leadSponsor: text(obj(obj(protocol.sponsorCollaboratorsModule).leadSponsor).name),
    startDate: registryDate(obj(status.startDateStruct).date),
    completionDate: registryDate(obj(status.completionDateStruct).date),
    lastUpdateDate:
      registryDate(obj(status.lastUpdatePostDateStruct).date) ?? registryDate(status.lastUpdateSubmitDate),
    conditions: Array.isArray(conditions) ? [...new Set(conditions.map(text).filter((c): c is string => !!c))] : [],
    mesh: Array.isArray(meshes)
      ? meshes.flatMap((m) => {
          const term = text(obj(m).term);
          return term ? [{ id: text(obj(m).id), term }] : [];
        })
      : [],
    sites,
    ethics: [],
    // The registry's own serialisation (key order included) is stable, so hashing it as read is enough and fast.
    hash: createHash('sha256').update(JSON.stringify(study)).digest('hex'),
  };
}
