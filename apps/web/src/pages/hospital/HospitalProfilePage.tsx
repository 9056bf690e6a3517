import { EditOutlined } from '@ant-design/icons';
import { canEditHospital } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Result, Row, Skeleton, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { districtLabel, hospitalTypeLabel, levelLabel } from '../../components/place-labels.ts';
import { apiError } from '../../lib/api-error.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { HospitalRegistryTrials } from '../registry/HospitalRegistryTrials.tsx';
import { CapabilitiesCard } from './CapabilitiesCard.tsx';
import { CapabilitiesModal, type CapabilitiesValues } from './CapabilitiesModal.tsx';
import { CompletenessCard } from './CompletenessCard.tsx';
import { ConfirmCapacityButton } from './ConfirmCapacityButton.tsx';
import { ContactsCard } from './ContactsCard.tsx';
import { HistoryCard } from './HistoryCard.tsx';
import { InvestigatorModal, type InvestigatorValues } from './InvestigatorModal.tsx';
import { InvestigatorsCard } from './InvestigatorsCard.tsx';
import { OverviewCard } from './OverviewCard.tsx';
import { ProfileModal, type ProfileValues } from './ProfileModal.tsx';
import {
  type HospitalProfile,
  type InvestigatorRow,
  type RetireTarget,
  type SpecialtyRow,
  specialtyLabel,
  useProfileModal,
} from './profile-ui.ts';
import { RetireModal, type RetireValues } from './RetireModal.tsx';
import { SpecialtiesCard } from './SpecialtiesCard.tsx';
import { SpecialtyModal, type SpecialtyValues } from './SpecialtyModal.tsx';

/**
 * A hospital's profile (机构资源档案): readable by every signed-in role; its own site admin sees edit controls.
 * The numbers (active trials, free slots) are the same ones site search shows.
 */
export default function HospitalProfilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const query = useQuery(trpc.hospitals.get.queryOptions({ id }));
  if (query.isLoading) return <Skeleton active />;
  if (query.error || !query.data) {
    return (
      <Result
        status="404"
        title={t('hospital.notFound')}
        subTitle={query.error ? apiError(query.error, t('common.networkError')).message : null}
        extra={
          <Link to="/directory">
            <Button type="primary">{t('hospital.back')}</Button>
          </Link>
        }
      />
    );
  }
  return <ProfileView profile={query.data} canEdit={canEditHospital(actor, id)} />;
}

/** The profile's cards, and for its own site admin the edit modals they open. */
function ProfileView({ profile: p, canEdit }: { profile: HospitalProfile; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const h = p.hospital;
  const editProfile = useProfileModal<ProfileValues>(h.id);
  const editCapabilities = useProfileModal<CapabilitiesValues>(h.id);
  const editSpecialty = useProfileModal<SpecialtyValues, SpecialtyRow | null>(h.id);
  const editInvestigator = useProfileModal<InvestigatorValues, InvestigatorRow | null>(h.id);
  const retire = useProfileModal<RetireValues, RetireTarget>(h.id);
  return (
    <div data-testid="hospital-profile">
      <PageHeader
        title={<span data-testid="hospital-name">{properName(h.nameZh, h.nameEn, i18n.language)}</span>}
        subtitle={<ProfileTags profile={p} />}
        extra={
          canEdit ? (
            <Space wrap>
              <ConfirmCapacityButton hospitalId={h.id} />
              <Button icon={<EditOutlined />} onClick={() => editProfile.open()} data-testid="edit-profile">
                {t('hospital.editProfile')}
              </Button>
            </Space>
          ) : (
            <Link to="/directory">{t('hospital.back')}</Link>
          )
        }
      />
      {h.isDemoData && <Alert type="info" showIcon title={t('hospital.demoNote')} style={{ marginBottom: 16 }} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <OverviewCard profile={p} />
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <CompletenessCard profile={p} />
            <ContactsCard profile={p} />
          </Flex>
        </Col>
        <Col span={24}>
          <SpecialtiesCard
            profile={p}
            canEdit={canEdit}
            onAdd={() => editSpecialty.open(null)}
            onEdit={(row) => editSpecialty.open(row)}
            onRetire={(row) =>
              retire.open({ kind: 'specialty', id: row.id, version: row.version, label: specialtyLabel(row, en) })
            }
          />
        </Col>
        <Col span={24}>
          <InvestigatorsCard
            profile={p}
            canEdit={canEdit}
            onAdd={() => editInvestigator.open(null)}
            onEdit={(row) => editInvestigator.open(row)}
            onRetire={(row) => retire.open({ kind: 'investigator', id: row.id, version: row.version, label: row.name })}
          />
        </Col>
        <Col xs={24} xl={10}>
          <CapabilitiesCard profile={p} onEdit={canEdit ? () => editCapabilities.open() : undefined} />
        </Col>
        <Col xs={24} xl={14}>
          <HistoryCard profile={p} />
        </Col>
        <Col span={24}>
          <HospitalRegistryTrials hospitalId={h.id} />
        </Col>
      </Row>

      {canEdit && (
        <>
          <ProfileModal profile={p} modal={editProfile} />
          <CapabilitiesModal profile={p} modal={editCapabilities} />
          <SpecialtyModal profile={p} modal={editSpecialty} />
          <InvestigatorModal profile={p} modal={editInvestigator} />
          <RetireModal modal={retire} />
        </>
      )}
    </div>
  );
}

/** Under the name: the English name for a Chinese reader, district, level, type, Phase I, and "not confirmed lately". */
function ProfileTags({ profile: p }: { profile: HospitalProfile }) {
  const { t, i18n } = useTranslation();
  const h = p.hospital;
  // The English name helps a Chinese reader; an English page already shows the Chinese beside its pinyin if needed.
  const other = i18n.language === 'en' ? null : h.nameEn;
  return (
    <Flex vertical gap={6} style={{ marginTop: 4 }}>
      {other && <span>{other}</span>}
      <Space size={[4, 4]} wrap>
        {h.district && <Tag variant="filled">{districtLabel(h.district, i18n.language)}</Tag>}
        {h.level && <Tag variant="filled">{levelLabel(h.level, i18n.language)}</Tag>}
        {h.hospitalType && <Tag variant="filled">{hospitalTypeLabel(h.hospitalType, i18n.language)}</Tag>}
        {p.hasPhase1Unit && (
          <Tag color="green" variant="filled">
            {t('search.phase1Tag')}
          </Tag>
        )}
        {p.stale && (
          <Tooltip title={t('hospital.staleHint')}>
            <Tag color="orange" data-testid="stale-tag">
              {t('hospital.stale')}
            </Tag>
          </Tooltip>
        )}
      </Space>
    </Flex>
  );
}
