import type { DbHandle } from '@ctp/db';
import { DEMO_PASSWORD, metricsDataVersion } from '@ctp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

/**
 * The commission's overview is cached per filter set (issue 16), and must never be staler than the last write: a
 * write that changes a fact shows in the next read; a sign-in or a capacity confirmation (which change no fact) keeps the cached figures.
 */
describe('metrics.overview freshness', () => {
  let database: DbHandle;
  const commission = () => callerAs(database, 'commission@demo.ctp');
  const site = () => callerAs(database, 'site@demo.ctp');

  beforeAll(async () => {
    database = await createSeededDatabase();
  });
  afterAll(() => database.sqlite.close());

  it('shows a write in the next read, and keeps its figures across a sign-in', async () => {
    const before = await commission().metrics.overview({});
    // The same filters in another order are the same cached result.
    const district = await commission().metrics.overview({ district: '鼓楼区', sponsorClass: undefined });
    expect(await commission().metrics.overview({ sponsorClass: undefined, district: '鼓楼区' })).toBe(district);

    const version = metricsDataVersion(database.db);
    await callerAs(database, null).auth.login({ email: 'pi@demo.ctp', password: DEMO_PASSWORD });
    expect(metricsDataVersion(database.db)).toBe(version);
    expect(await commission().metrics.overview({})).toBe(before);
    // Confirming capacity stamps a date no figure reads.
    await site().hospitals.confirmCapacity({ hospitalId: 'hosp-jsph' });
    expect(metricsDataVersion(database.db)).toBe(version);

    await site().hospitals.addSpecialty({
      hospitalId: 'hosp-jsph',
      specialtyCode: 'geriatrics',
      filingDate: '2021-06-01',
      scope: 'drug',
      trialBeds: 6,
      maxConcurrentTrials: 8,
      diseaseAreas: [{ diseaseArea: '阿尔茨海默病', annualPatients: 1800 }],
    });
    expect(metricsDataVersion(database.db)).toBeGreaterThan(version);
    const after = await commission().metrics.overview({});
    expect(after.counts.filedSpecialties).toBe(before.counts.filedSpecialties + 1);
  });
});
