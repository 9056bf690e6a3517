import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityModal, type EntityModalState } from '../../components/EntityModal.tsx';
import { useTRPC } from '../../lib/trpc.ts';

export type NewShortlistValues = { name: string };

/**
 * A shortlist named on the spot, with the hospital or provider added to it: the one "new shortlist" modal of both
 * "add to shortlist" buttons (search results and service providers). `addTo` adds the item to the list made;
 * `added` words the toast after it.
 */
export function NewShortlistModal({
  modal,
  addTo,
  added,
}: {
  modal: EntityModalState<NewShortlistValues, undefined>;
  addTo: (shortlistId: string) => Promise<unknown>;
  added: (name: string) => string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.shortlists.create.mutationOptions());
  // A list made whose item was then refused is reused when the same name is saved again, not made twice.
  const made = useRef<{ name: string; id: string } | null>(null);
  const name = (Form.useWatch('name', modal.form) ?? '').trim();
  return (
    <EntityModal<NewShortlistValues, undefined>
      modal={modal}
      title={t('search.newShortlist')}
      success={added(name)}
      testId="new-shortlist"
      okTestId="shortlist-create-ok"
      okDisabled={!name}
      onSubmit={async (v) => {
        const listName = v.name.trim();
        if (made.current?.name !== listName)
          made.current = { name: listName, id: (await create.mutateAsync({ name: listName })).id };
        try {
          await addTo(made.current.id);
          made.current = null;
        } finally {
          await queryClient.invalidateQueries({ queryKey: trpc.shortlists.pathKey() });
        }
      }}
    >
      <Form.Item name="name" rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input autoFocus maxLength={60} placeholder={t('search.newShortlistName')} data-testid="shortlist-name" />
      </Form.Item>
    </EntityModal>
  );
}
