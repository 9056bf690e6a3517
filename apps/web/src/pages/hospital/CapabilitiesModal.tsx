import { CAPABILITIES, type CapabilityCode } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { Checkbox, Col, Form, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityModal, type EntityModalState } from '../../components/EntityModal.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import type { HospitalProfile } from './profile-ui.ts';

export type CapabilitiesValues = { capabilities: CapabilityCode[] };

const GROUPS = [...new Set(CAPABILITIES.map((c) => c.group))];

/** The hospital's capabilities, ticked by group. */
export function CapabilitiesModal({
  profile,
  modal,
}: {
  profile: HospitalProfile;
  modal: EntityModalState<CapabilitiesValues, undefined>;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const set = useMutation(trpc.hospitals.setCapabilities.mutationOptions());
  return (
    <EntityModal
      modal={modal}
      title={t('hospital.editCapabilities')}
      success={t('hospital.saved')}
      width={640}
      testId="capabilities-form"
      initialValues={{ capabilities: profile.capabilities }}
      onSubmit={(v) => set.mutateAsync({ hospitalId: profile.hospital.id, capabilities: v.capabilities ?? [] })}
    >
      <Form.Item name="capabilities" noStyle>
        <Checkbox.Group style={{ width: '100%' }}>
          <Row gutter={[8, 4]}>
            {GROUPS.map((g) => (
              <Col span={24} key={g}>
                <Typography.Text type="secondary">{t(`hospital.capabilityGroups.${g}`)}</Typography.Text>
                <Row gutter={[8, 4]} style={{ margin: '4px 0 8px' }}>
                  {CAPABILITIES.filter((c) => c.group === g).map((c) => (
                    <Col xs={24} md={12} key={c.code}>
                      <Checkbox value={c.code}>{en ? c.en : c.zh}</Checkbox>
                    </Col>
                  ))}
                </Row>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      </Form.Item>
    </EntityModal>
  );
}
