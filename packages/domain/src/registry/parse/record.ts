import { createHash } from 'node:crypto';
import type {
  RegistryEcDecision,
  RegistryImportError,
  RegistryPhase,
  RegistrySource,
  RegistryStatus,
} from '@ctp/contracts';
import { canonicalJson } from '../../audit/canonical-json.ts';

/** One registry record in the shape the importer writes, whichever registry it came from. */
export type RegistryRecord = {
  source: RegistrySource;
  registryId: string;
  briefTitle: string;
  officialTitle: string | null;
  status: RegistryStatus;
  statusRaw: string | null;
  phases: RegistryPhase[];
  phaseRaw: string | null;
  enrolment: number | null;
  leadSponsor: string | null;
  startDate: string | null;
  completionDate: string | null;
  lastUpdateDate: string | null;
  conditions: string[];
  mesh: { id: string | null; term: string }[];
  sites: RegistrySiteRecord[];
  ethics: { ecName: string; decision: RegistryEcDecision; decisionRaw: string; date: string | null }[];
  /** sha256 of the canonical source record: the same content again is skipped. */
  hash: string;
};

export type RegistrySiteRecord = {
  facility: string;
  city: string | null;
  province: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  status: string | null;
  piName: string | null;
  piTitle: string | null;
};

export type ParsedFile = { records: RegistryRecord[]; errors: RegistryImportError[]; total: number };

export const hashOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** A registry date as published (YYYY, YYYY-MM or YYYY-MM-DD), else null. */
export function registryDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value.trim());
  return m ? [m[1], m[2], m[3]].filter(Boolean).join('-') : null;
}

export const text = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
};
