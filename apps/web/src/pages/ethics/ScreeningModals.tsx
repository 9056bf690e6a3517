import { evaluateChecklist } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import type { SubmissionDetail } from './ethics-ui.tsx';
import { optionalText, type StepModalProps, type StepValues, SubmissionStepModal } from './submission-step-ui.tsx';

type ChecklistItem = SubmissionDetail['screening']['items'][number];

/** The items ticked, as the screening records them; none when the committee keeps no checklist. */
const checklistOf = (items: ChecklistItem[], v: StepValues) =>
  items.length > 0 ? items.map((i) => ({ item: i.label, ok: (v.checked ?? []).includes(i.label) })) : undefined;
/** Nothing is ticked to start with (issue 14): an upload of an item's kind meets it (shown ticked, fixed). */
const documentedOf = (items: ChecklistItem[]) => items.filter((i) => i.documented).map((i) => i.label);

/** Accepting (受理): the secretary ticks what the uploads do not show; a required item unmet blocks OK. */
export function AcceptModal({ sub, modal }: StepModalProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const screen = useMutation(trpc.submissions.screen.mutationOptions());
  const items = sub.screening.items;
  const checked = Form.useWatch('checked', modal.form) ?? [];
  const unmetRequired = evaluateChecklist(
    items,
    new Set(checked),
    new Set(items.filter((i) => i.documented).map((i) => i.kind!)),
  )
    .filter((c) => c.required && !c.ok)
    .map((c) => c.item);
  return (
    <SubmissionStepModal
      step="accept"
      modal={modal}
      // Accepting with a required item unmet is refused by the server; the form says why before trying.
      okDisabled={unmetRequired.length > 0}
      initialValues={{ checked: documentedOf(items) }}
      onSubmit={(v) =>
        screen.mutateAsync({
          id: sub.id,
          version: sub.version,
          accept: true,
          checklist: checklistOf(items, v),
          comment: optionalText(v.comment),
        })
      }
    >
      {items.length > 0 && <ChecklistField items={items} />}
      {unmetRequired.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="checklist-unmet"
          title={t('ethics.actions.requiredUnmet', { count: unmetRequired.length })}
          description={unmetRequired.join(i18n.language === 'en' ? '; ' : '；')}
        />
      )}
      <Form.Item name="comment" label={t('ethics.actions.acceptComment')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="step-comment" />
      </Form.Item>
    </SubmissionStepModal>
  );
}

/** Returning for correction (退回补正): the reasons start from the unmet items; lines typed by hand are kept. */
export function ReturnModal({ sub, modal }: StepModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const screen = useMutation(trpc.submissions.screen.mutationOptions());
  const items = sub.screening.items;
  const missingLine = (item: string) => t('ethics.actions.checklistMissing', { item });
  const onChecklistChange = (values: string[]) => {
    const typed = (modal.form.getFieldValue('reasons') ?? '')
      .split('\n')
      .map((l: string) => l.trim())
      .filter((l: string) => l && !items.some((i) => l === missingLine(i.label)));
    const missing = items.filter((i) => !i.documented && !values.includes(i.label)).map((i) => missingLine(i.label));
    modal.form.setFieldValue('reasons', [...missing, ...typed].join('\n'));
  };
  const initialReasons = items
    .filter((i) => i.required && !i.documented)
    .map((i) => missingLine(i.label))
    .join('\n');
  return (
    <SubmissionStepModal
      step="return"
      modal={modal}
      initialValues={{ checked: documentedOf(items), reasons: initialReasons }}
      onSubmit={(v) =>
        screen.mutateAsync({
          id: sub.id,
          version: sub.version,
          accept: false,
          checklist: checklistOf(items, v),
          reasons: (v.reasons ?? '')
            .split('\n')
            .map((r) => r.trim())
            .filter(Boolean),
        })
      }
    >
      {items.length > 0 && <ChecklistField items={items} onChange={onChecklistChange} />}
      <Form.Item
        name="reasons"
        label={t('ethics.actions.reasons')}
        rules={[{ required: true, whitespace: true, message: t('ethics.actions.reasonsRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} data-testid="step-reasons" />
      </Form.Item>
    </SubmissionStepModal>
  );
}

/** The committee's checklist, required items marked; an item met by an upload is ticked and cannot be unticked. */
function ChecklistField({ items, onChange }: { items: ChecklistItem[]; onChange?: (values: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="checked" label={t('ethics.actions.checklist')} extra={t('ethics.actions.checklistHelp')}>
      <Checkbox.Group
        data-testid="step-checklist"
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        onChange={(v) => onChange?.(v as string[])}
      >
        {items.map((i) => (
          <Checkbox key={i.label} value={i.label} disabled={i.documented} data-testid="checklist-item">
            <Space size={4} wrap>
              <span>{i.label}</span>
              {i.required ? (
                <Tag color="red">{t('ethics.actions.checklistRequired')}</Tag>
              ) : (
                <Tag>{t('ethics.actions.checklistOptional')}</Tag>
              )}
              {i.documented && (
                <Tag color="green" data-testid="checklist-documented">
                  {t('ethics.actions.checklistUploaded', { kind: t(`documents.kinds.${i.kind}`) })}
                </Tag>
              )}
            </Space>
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Form.Item>
  );
}
