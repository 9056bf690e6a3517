import { useMutation } from '@tanstack/react-query';
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityModal, type EntityModalState } from '../../components/EntityModal.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import type { RetireTarget } from './profile-ui.ts';

export type RetireValues = { reason: string };

/** Retires a specialty or an investigator with a reason; the row stays in the history. */
export function RetireModal({ modal }: { modal: EntityModalState<RetireValues, RetireTarget> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const retireSpecialty = useMutation(trpc.hospitals.retireSpecialty.mutationOptions());
  const retireInvestigator = useMutation(trpc.hospitals.retireInvestigator.mutationOptions());
  const target = modal.target;
  const what = target?.kind === 'investigator' ? t('hospital.retireInvestigator') : t('hospital.retireSpecialty');
  return (
    <EntityModal
      modal={modal}
      title={`${what}${t('punct.colon')}${target?.label ?? ''}`}
      success={t('hospital.saved')}
      width={520}
      testId="retire-form"
      intro={<Typography.Paragraph type="secondary">{t('hospital.retireHelp')}</Typography.Paragraph>}
      onSubmit={async (v) => {
        if (!target) return;
        await (target.kind === 'specialty' ? retireSpecialty : retireInvestigator).mutateAsync({
          id: target.id,
          version: target.version,
          reason: v.reason,
        });
      }}
    >
      <Form.Item name="reason" label={t('hospital.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input.TextArea rows={2} placeholder={t('hospital.reasonPlaceholder')} data-testid="retire-reason" />
      </Form.Item>
    </EntityModal>
  );
}
