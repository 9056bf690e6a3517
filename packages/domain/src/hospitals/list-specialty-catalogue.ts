import { POLICIES } from '@ctp/contracts';
import { specialtyCatalogue } from '@ctp/db';
import { asc, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';

/** The national catalogue of specialty names, for pickers (zh, en, the short forms hospitals write); NHC order, Phase I items last. */
export function listSpecialtyCatalogue({ ctx }: { ctx: Ctx }) {
  if (!POLICIES.signedIn.allows(ctx.actor)) throw forbidden();
  return ctx.db
    .select({
      code: specialtyCatalogue.code,
      nameZh: specialtyCatalogue.nameZh,
      nameEn: specialtyCatalogue.nameEn,
      groupName: specialtyCatalogue.groupName,
      scope: specialtyCatalogue.scope,
      parentCode: specialtyCatalogue.parentCode,
      aliasesZh: specialtyCatalogue.aliasesZh,
    })
    .from(specialtyCatalogue)
    .orderBy(sql`${specialtyCatalogue.nhcCode} is null`, asc(specialtyCatalogue.nhcCode), asc(specialtyCatalogue.code))
    .all()
    .map((c) => ({ ...c, aliases: c.aliasesZh ? c.aliasesZh.split(';') : [] }));
}
