import { POLICIES } from '@ctp/contracts';
import { listTodos } from '@ctp/domain';
import { guarded, router } from '../trpc.ts';

export const homeRouter = router({
  /** The 工作台's to-do list; the use-case scopes it to the actor's own committee, hospital or trials. */
  todos: guarded(POLICIES.signedIn).query(({ ctx }) => listTodos({ ctx: ctx.uc })),
});
