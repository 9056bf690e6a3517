import { type OrganisationView, type OrgKind, POLICIES } from '@ctp/contracts';
import { organisationAliases, organisations } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';

type OrgRow = typeof organisations.$inferSelect;

function toView(row: OrgRow, aliases: string[]): OrganisationView {
  const { parentUniversity: _p, createdAt: _c, updatedAt: _u, version: _v, ...rest } = row;
  return { ...rest, aliases };
}

export function listOrganisations({ ctx, input }: { ctx: Ctx; input: { kind?: OrgKind } }): OrganisationView[] {
  if (!POLICIES.readDirectory.allows(ctx.actor)) throw forbidden();
  const rows = ctx.db
    .select()
    .from(organisations)
    .where(input.kind ? eq(organisations.kind, input.kind) : undefined)
    .orderBy(asc(organisations.kind), asc(organisations.nameZh))
    .all();
  return rows.map((r) => toView(r, []));
}

export function getOrganisation({ ctx, input }: { ctx: Ctx; input: { id: string } }): OrganisationView {
  if (!POLICIES.readDirectory.allows(ctx.actor)) throw forbidden();
  const row = ctx.db.select().from(organisations).where(eq(organisations.id, input.id)).get();
  if (!row) throw notFound('ORG_NOT_FOUND');
  const aliases = ctx.db
    .select({ alias: organisationAliases.alias })
    .from(organisationAliases)
    .where(eq(organisationAliases.orgId, row.id))
    .all()
    .map((a) => a.alias);
  return toView(row, aliases);
}
