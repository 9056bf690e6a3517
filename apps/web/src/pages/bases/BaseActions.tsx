import { availableSteps, BASE_TRANSITIONS, type BaseStatus, type BaseStep, targetOf } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityModal, useEntityModal } from '../../components/EntityModal.tsx';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';

type Base = {
  id: string;
  version: number;
  status: BaseStatus;
  can: { editWhole: boolean; editOwnPart: boolean; review: boolean };
  ownPart: { note: string | null; contact: string | null } | null;
};
type StatusValues = { step: BaseStep; reason: string };
type PartValues = { note?: string; contact?: string };
type LinkValues = { trialId: string };

/** What the reader may do on a base, by the same pure policy the server enforces (`can` from `bases.get`). */
export function BaseActions({ base }: { base: Base }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSaved = () => queryClient.invalidateQueries({ queryKey: trpc.bases.get.queryKey({ id: base.id }) });
  // A stale version (someone else changed the base first) reloads it rather than keeping a form that cannot save.
  const stale = { details: ['STALE_VERSION'], note: t('bases.reloaded') };
  const review = useEntityModal<StatusValues>({ onSaved, stale });
  const part = useEntityModal<PartValues>({ onSaved, stale });
  const linking = useEntityModal<LinkValues>({ onSaved });
  const linkable = useQuery({ ...trpc.bases.linkableTrials.queryOptions({ id: base.id }), enabled: linking.isOpen });
  const setStatus = useMutation(trpc.bases.setStatus.mutationOptions());
  const update = useMutation(trpc.bases.update.mutationOptions());
  const link = useMutation(trpc.bases.linkTrial.mutationOptions());
  // The review's steps from the table the server enforces; the commission is the only side that has any.
  const steps = availableSteps(BASE_TRANSITIONS, base.status, base.can.review ? 'commission' : null);
  const canLink = base.can.editWhole || base.can.editOwnPart;
  return (
    <Space wrap>
      {steps.length > 0 && (
        <Button onClick={() => review.open()} data-testid="base-set-status">
          {t('bases.setStatus')}
        </Button>
      )}
      {base.can.editOwnPart && (
        <Button onClick={() => part.open()} data-testid="base-own-part">
          {t('bases.editOwnPart')}
        </Button>
      )}
      {canLink && (
        <Button type="primary" onClick={() => linking.open()} data-testid="base-link-trial">
          {t('bases.linkTrial')}
        </Button>
      )}
      <EntityModal<StatusValues, undefined>
        modal={review}
        title={t('bases.setStatus')}
        success={t('bases.saved')}
        testId="base-review"
        onSubmit={(v) =>
          setStatus.mutateAsync({
            id: base.id,
            version: base.version,
            step: v.step,
            status: targetOf(BASE_TRANSITIONS, v.step, base.status) ?? base.status,
            reason: v.reason,
          })
        }
      >
        <Form.Item name="step" label={t('bases.newStatus')} rules={[{ required: true }]}>
          <Select
            options={steps.map((s) => ({ value: s, label: t(`bases.steps.${s}`) }))}
            data-testid="base-status-step"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('bases.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} data-testid="base-status-reason" />
        </Form.Item>
      </EntityModal>
      <EntityModal<PartValues, undefined>
        modal={part}
        title={t('bases.editOwnPart')}
        success={t('bases.saved')}
        testId="base-part"
        initialValues={{ note: base.ownPart?.note ?? '', contact: base.ownPart?.contact ?? '' }}
        onSubmit={(v) =>
          update.mutateAsync({
            id: base.id,
            version: base.version,
            memberNote: v.note ?? '',
            memberContact: v.contact ?? '',
          })
        }
      >
        <Form.Item name="note" label={t('bases.memberNote')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} data-testid="base-part-note" />
        </Form.Item>
        <Form.Item name="contact" label={t('bases.memberContact')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </EntityModal>
      <EntityModal<LinkValues, undefined>
        modal={linking}
        title={t('bases.linkTrial')}
        success={t('bases.saved')}
        testId="base-link"
        onSubmit={(v) => link.mutateAsync({ id: base.id, trialId: v.trialId, linked: true })}
      >
        <Form.Item name="trialId" label={t('bases.chooseTrial')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={linkable.isLoading}
            options={(linkable.data ?? []).map((tr) => ({
              value: tr.id,
              label: properName(tr.titleZh, tr.titleEn, i18n.language),
            }))}
            data-testid="base-trial-select"
          />
        </Form.Item>
      </EntityModal>
    </Space>
  );
}
