import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLE_ORG_KINDS, ROLES } from '@ctp/contracts';
import { Button, Form, type FormInstance, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgLabel } from '../../components/OrgName.tsx';

type Org = { id: string; kind: string; nameZh: string; nameEn: string | null };

/** The organisation × role rows of a user form; the role list narrows to what the chosen organisation may hold. */
export function MembershipFields({ form, orgs }: { form: FormInstance; orgs: Org[] }) {
  const { t, i18n } = useTranslation();
  const orgKindOf = (orgId: string | undefined) => orgs.find((o) => o.id === orgId)?.kind;
  return (
    <Form.List name="memberships">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }} wrap>
              <Form.Item
                name={[field.name, 'orgId']}
                label={t('users.org')}
                rules={[{ required: true }]}
                style={{ width: 320, maxWidth: '100%' }}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={orgs.map((o) => ({ value: o.id, label: orgLabel(o, i18n.language) }))}
                  data-testid={`membership-org-${field.name}`}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const kind = orgKindOf(form.getFieldValue(['memberships', field.name, 'orgId']));
                  return (
                    <Form.Item
                      name={[field.name, 'role']}
                      label={t('users.role')}
                      rules={[{ required: true }]}
                      style={{ width: 180 }}
                    >
                      <Select
                        data-testid={`membership-role-${field.name}`}
                        options={ROLES.filter(
                          (r) => !kind || (ROLE_ORG_KINDS[r] as readonly string[]).includes(kind),
                        ).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              {fields.length > 1 && (
                <MinusCircleOutlined aria-label={t('common.remove')} onClick={() => remove(field.name)} />
              )}
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="membership-add">
            {t('users.addMembership')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
