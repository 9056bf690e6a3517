import { hospitalId } from '@ctp/domain';
import { describe, expect, it } from 'vitest';
import { measureAliasTop1 } from '../../../../test/helpers/alias-top1.ts';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

describe('every reference alias that names one hospital finds it first', () => {
  it('has a top-1 rate of 100% over shared/data/reference/hospital-aliases.csv', async () => {
    const sponsor = callerAs(await createSeededDatabase(), 'sponsor@demo.ctp');
    // Through the public procedure, one query at a time, as a sponsor would type it.
    const top1 = await measureAliasTop1(
      async (q) => (await sponsor.sites.search({ q, limit: 1 })).items[0]?.hospitalId ?? null,
      hospitalId,
    );
    console.log(
      `alias top-1: ${top1.first}/${top1.total} (${((top1.first / top1.total) * 100).toFixed(1)}%) of the reference aliases that name one hospital`,
    );
    expect(top1.misses).toEqual([]);
    expect(top1.total).toBeGreaterThan(150);
  });
});
