import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type ChecklistItem,
  DOCUMENT_KINDS,
  RECOMMENDED_CHECKLISTS,
  SUBMISSION_TYPES,
  type SubmissionType,
} from '@ctp/contracts';
import { Button, Checkbox, Flex, Form, type FormInstance, Input, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export type ChecklistForm = Record<SubmissionType, ChecklistItem[]>;

/** Pure: the form's lists as the procedures input (blank rows dropped, types without items left out). */
export function checklistsOfForm(v: Partial<ChecklistForm> | undefined): Partial<ChecklistForm> {
  return Object.fromEntries(
    SUBMISSION_TYPES.map((ty) => [
      ty,
      (v?.[ty] ?? [])
        .map((i) => ({ label: (i.label ?? '').trim(), kind: i.kind ?? null, required: Boolean(i.required) }))
        .filter((i) => i.label.length >= 2),
    ]).filter(([, items]) => (items as ChecklistItem[]).length > 0),
  );
}

/**
 * The SOP's 送审文件清单 per submission type (issue 14): each item with the document kind whose upload meets it and
 * whether it is required (必备) or only if applicable (如适用). `form` holds them under `checklists`.
 */
export function ChecklistEditor({ form, manage }: { form: FormInstance; manage: boolean }) {
  const { t } = useTranslation();
  const kindOptions = DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }));
  return (
    <Tabs
      size="small"
      data-testid="checklist-editor"
      items={SUBMISSION_TYPES.map((ty) => ({
        key: ty,
        label: t(`ethics.types.${ty}`),
        children: (
          <Form.List name={['checklists', ty]}>
            {(fields, { add, remove }) => (
              <Flex vertical gap={6}>
                {fields.length === 0 && (
                  <Typography.Text type="secondary">{t('meetings.committee.checklistEmpty')}</Typography.Text>
                )}
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="center" wrap data-testid={`checklist-row-${ty}`}>
                    <Form.Item name={[f.name, 'label']} noStyle rules={[{ required: true, min: 2 }]}>
                      <Input style={{ flex: '1 1 320px', minWidth: 220 }} maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']} noStyle>
                      <Select
                        allowClear
                        style={{ width: 240 }}
                        placeholder={t('meetings.committee.checklistNoKind')}
                        options={kindOptions}
                        aria-label={t('meetings.committee.checklistKind')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'required']} noStyle valuePropName="checked">
                      <Checkbox>{t('meetings.committee.checklistRequired')}</Checkbox>
                    </Form.Item>
                    {manage && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('meetings.committee.checklistRemove')}
                      />
                    )}
                  </Flex>
                ))}
                {manage && (
                  <Flex gap={8} wrap>
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add({ label: '', kind: null, required: true })}
                      data-testid={`checklist-add-${ty}`}
                    >
                      {t('meetings.committee.checklistAdd')}
                    </Button>
                    {RECOMMENDED_CHECKLISTS[ty] && (
                      <Button
                        onClick={() => form.setFieldValue(['checklists', ty], RECOMMENDED_CHECKLISTS[ty])}
                        data-testid={`checklist-recommended-${ty}`}
                      >
                        {t('meetings.committee.checklistRecommended')}
                      </Button>
                    )}
                  </Flex>
                )}
              </Flex>
            )}
          </Form.List>
        ),
      }))}
    />
  );
}
