import { auditListInput, POLICIES } from '@ctp/contracts';
import { listAuditEvents, verifyAuditChainOf } from '@ctp/domain';
import { guarded, router } from '../trpc.ts';

export const auditRouter = router({
  list: guarded(POLICIES.readAuditLog)
    .input(auditListInput)
    .query(({ ctx, input }) => listAuditEvents({ ctx: ctx.uc, input })),
  verify: guarded(POLICIES.readAuditLog).query(({ ctx }) => verifyAuditChainOf({ ctx: ctx.uc })),
});
