import { getSystemInfo } from '@ctp/domain';
import { publicProcedure, router } from '../trpc.ts';

export const systemRouter = router({
  info: publicProcedure.query(({ ctx }) => getSystemInfo({ ctx: ctx.uc })),
});
