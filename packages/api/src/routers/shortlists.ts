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
import { guarded, router } from '../trpc.ts';

const p = guarded(POLICIES.keepShortlists);
const ok = { ok: true as const };

export const shortlistsRouter = router({
  list: p.query(({ ctx }) => listShortlists({ ctx: ctx.uc })),
  get: p.input(shortlistIdInput).query(({ ctx, input }) => getShortlist({ ctx: ctx.uc, input })),
  create: p.input(shortlistCreateInput).mutation(({ ctx, input }) => createShortlist({ ctx: ctx.uc, input })),
  rename: p.input(shortlistRenameInput).mutation(({ ctx, input }) => {
    renameShortlist({ ctx: ctx.uc, input });
    return ok;
  }),
  archive: p.input(shortlistIdInput).mutation(({ ctx, input }) => {
    archiveShortlist({ ctx: ctx.uc, input });
    return ok;
  }),
  addItem: p.input(shortlistAddItemInput).mutation(({ ctx, input }) => {
    addToShortlist({ ctx: ctx.uc, input });
    return ok;
  }),
  updateNote: p.input(shortlistItemInput).mutation(({ ctx, input }) => {
    updateShortlistNote({ ctx: ctx.uc, input });
    return ok;
  }),
  removeItem: p.input(shortlistRemoveItemInput).mutation(({ ctx, input }) => {
    removeFromShortlist({ ctx: ctx.uc, input });
    return ok;
  }),
  export: p.input(shortlistIdInput).mutation(({ ctx, input }) => exportShortlist({ ctx: ctx.uc, input })),
});
