import { createTestDatabase } from '@ctp/db/testing';
import { type Ctx, LoginThrottle, searchSites, seedDemo } from '@ctp/domain';
const handle = createTestDatabase();
await seedDemo({ db: handle.db, ctx: { actor: null, now: Date.now, requestId: 'p' }, withUsers: true });
const mk = (locale: 'zh-CN' | 'en'): Ctx => ({ actor: { userId: 'b', email: 'b', name: 'b', sessionId: 's', membershipId: 'm', role: 'sponsor', orgId: 'org-sponsor-zijin', committeeId: null }, db: handle.db, now: Date.now, requestId: 'p', locale, ip: null, userAgent: null, services: { loginThrottle: new LoginThrottle(), session: { idleMs: 1, absoluteMs: 1 } } });
const args = process.argv.slice(2);
for (const a of args) {
  const [locale, json] = a.split('|');
  const input = JSON.parse(json!);
  const r = searchSites({ ctx: mk(locale as 'en'), input: { limit: 50, ...input } });
  console.log('===', json, 'total', r.total, JSON.stringify(r.conditions));
  for (const i of r.items.slice(0, 4)) console.log(' ', i.score, i.name, '|', i.reasons.slice(0, 4).join(' / '));
}
