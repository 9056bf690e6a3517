import type { Db } from '@ctp/db';
import { normaliseName } from '../names/normalise-name.ts';
import { type HospitalCapacity, readHospitalCapacity } from './load-capacity.ts';
import type { RegistryExperience } from './registry-experience.ts';
import { searchReadModel } from './search-read-model.ts';

// Reads through the search read model (issue 16). They live apart from the loaders the model is built from, so the
// model imports its loaders and nothing imports back into it.

/**
 * The hospitals a query names exactly, by any of their names once normalised ("Jiangsu Province Hospital",
 * "Nanjing Drum Tower Hospital /ID# 253042"), with the alias as recorded. Such a hospital always ranks first.
 */
export function exactAliasMatch(db: Db, now: number, q: string): { orgIds: Set<string>; alias: string } | null {
  const key = normaliseName(q);
  if (!key) return null;
  const holders = searchReadModel(db, now).aliases.get(key);
  if (!holders) return null;
  return { orgIds: new Set(holders.keys()), alias: holders.values().next().value! };
}

/** The full registry comes from the search read model (current with every write, updated per hospital); subsets
 * (compare, shortlists, a profile) are read fresh. */
export function loadHospitalCapacity(db: Db, now: number, hospitalIds?: string[]): HospitalCapacity[] {
  if (hospitalIds) return readHospitalCapacity(db, now, hospitalIds);
  return searchReadModel(db, now).hospitals;
}

/** The registry experience of the search read model: current with the last write, re-read per hospital changed. */
export function cachedRegistryExperience(db: Db, now: number): RegistryExperience {
  return searchReadModel(db, now).registry;
}
