import {
  POLICIES,
  shortlistAddItemInput,
  shortlistCreateInput,
  shortlistIdInput,
  shortlistItemInput,
  shortlistRemoveItemInput,
  shortlistRenameInput,
} from '@ctp/contracts';
import {
  addToShortlist,
  archiveShortlist,
  createShortlist,
  exportShortlist,
  getShortlist,
  listShortlists,
  removeFromShortlist,
  renameShortlist,
  updateShortlistNote,
} from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

const p = guarded(POLICIES.keepShortlists);
const ok = { ok: true as const };

export const shortlistsRouter = router({
  list: p.query(({ ctx }) => listShortlists({ ctx: useCaseCtx(ctx) })),
  get: p.input(shortlistIdInput).query(({ ctx, input }) => getShortlist({ ctx: useCaseCtx(ctx), input })),
  create: p.input(shortlistCreateInput).mutation(({ ctx, input }) => createShortlist({ ctx: useCaseCtx(ctx), input })),
  rename: p.input(shortlistRenameInput).mutation(({ ctx, input }) => {
    renameShortlist({ ctx: useCaseCtx(ctx), input });
    return ok;
  }),
  archive: p.input(shortlistIdInput).mutation(({ ctx, input }) => {
    archiveShortlist({ ctx: useCaseCtx(ctx), input });
    return ok;
  }),
  addItem: p.input(shortlistAddItemInput).mutation(({ ctx, input }) => {
    addToShortlist({ ctx: useCaseCtx(ctx), input });
    return ok;
  }),
  updateNote: p.input(shortlistItemInput).mutation(({ ctx, input }) => {
    updateShortlistNote({ ctx: useCaseCtx(ctx), input });
    return ok;
  }),
  removeItem: p.input(shortlistRemoveItemInput).mutation(({ ctx, input }) => {
    removeFromShortlist({ ctx: useCaseCtx(ctx), input });
    return ok;
  }),
  export: p.input(shortlistIdInput).mutation(({ ctx, input }) => exportShortlist({ ctx: useCaseCtx(ctx), input })),
});
