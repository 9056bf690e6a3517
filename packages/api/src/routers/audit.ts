import { auditListInput, POLICIES } from '@ctp/contracts';
import { listAuditEvents, verifyAuditChainOf } from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

export const auditRouter = router({
  list: guarded(POLICIES.readAuditLog)
    .input(auditListInput)
    .query(({ ctx, input }) => listAuditEvents({ ctx: useCaseCtx(ctx), input })),
  verify: guarded(POLICIES.readAuditLog).query(({ ctx }) => verifyAuditChainOf({ ctx: useCaseCtx(ctx) })),
});
