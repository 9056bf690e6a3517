import { getSystemInfo } from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { publicProcedure, router } from '../trpc.ts';

export const systemRouter = router({
  info: publicProcedure.query(({ ctx }) => getSystemInfo({ ctx: useCaseCtx(ctx) })),
});
