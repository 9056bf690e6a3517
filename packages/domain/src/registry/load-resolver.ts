import { type Db, ethicsCommittees, organisationAliases, organisations, registryNameDecisions, type Tx } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { normaliseInstitutionName } from '../organisations/normalise-name.ts';
import { buildResolver, type Resolver } from './resolution/resolver.ts';

/** The resolver over the platform's hospitals, their aliases (names included) and the admin's decisions. */
export function loadResolver(db: Db | Tx): Resolver {
  const hospitals = db
    .select({
      id: organisations.id,
      city: organisations.city,
      nameZh: organisations.nameZh,
      nameEn: organisations.nameEn,
    })
    .from(organisations)
    .where(eq(organisations.kind, 'hospital'))
    .all();
  const aliases = db
    .select({ hospitalId: organisationAliases.orgId, alias: organisationAliases.alias })
    .from(organisationAliases)
    .innerJoin(organisations, eq(organisations.id, organisationAliases.orgId))
    .where(eq(organisations.kind, 'hospital'))
    .all();
  // The official names count as aliases even where no alias row repeats them.
  for (const h of hospitals) {
    aliases.push({ hospitalId: h.id, alias: h.nameZh });
    if (h.nameEn) aliases.push({ hospitalId: h.id, alias: h.nameEn });
  }
  const decisions = db.select().from(registryNameDecisions).all();
  return buildResolver({ aliases, hospitals, decisions });
}

/**
 * The platform committee a CTR ethics decision belongs to: by the committee's own name, else by the hospital
 * named before "…伦理委员会" through the exact aliases. Null when that EC is not on the platform.
 */
export function loadCommitteeMatcher(db: Db | Tx, resolver: Resolver): (ecName: string) => string | null {
  const committees = db
    .select({
      id: ethicsCommittees.id,
      hospitalId: ethicsCommittees.hospitalOrgId,
      nameZh: ethicsCommittees.nameZh,
      nameEn: ethicsCommittees.nameEn,
    })
    .from(ethicsCommittees)
    .all();
  const byName = new Map<string, string>();
  const byHospital = new Map<string, string>();
  for (const c of committees) {
    byName.set(normaliseInstitutionName(c.nameZh), c.id);
    if (c.nameEn) byName.set(normaliseInstitutionName(c.nameEn), c.id);
    if (!byHospital.has(c.hospitalId)) byHospital.set(c.hospitalId, c.id);
  }
  return (ecName) => {
    const direct = byName.get(normaliseInstitutionName(ecName));
    if (direct) return direct;
    const hospitalName = hospitalPartOfCommitteeName(ecName);
    if (!hospitalName) return null;
    const r = resolver.resolve({ name: hospitalName, city: null, country: 'China' });
    return r.kind === 'resolved' && r.method === 'alias' ? (byHospital.get(r.hospitalId) ?? null) : null;
  };
}

/** "南京鼓楼医院药物临床试验伦理委员会" → "南京鼓楼医院"; "Ethics Committee of X" → "X". */
export function hospitalPartOfCommitteeName(ecName: string): string | null {
  const name = ecName.normalize('NFKC').trim();
  const zh = /^(.*(?:医院|中心|研究所|研究院)).*?伦理委员会$/u.exec(name);
  if (zh) return zh[1]!;
  const en = /^(?:the\s+)?(?:medical\s+|clinical\s+|research\s+)?ethics\s+committee\s+of\s+(?:the\s+)?(.+)$/i.exec(
    name,
  );
  if (en) return en[1]!;
  const enSuffix = /^(.+?)\s+(?:medical\s+|clinical\s+|research\s+)?ethics\s+committee$/i.exec(name);
  return enSuffix ? enSuffix[1]! : null;
}
