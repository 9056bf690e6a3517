import { ExportOutlined } from '@ant-design/icons';
import { type RegistryPhase, type RegistrySource, type RegistryStatus, registryUrl } from '@ctp/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOURS: Partial<Record<RegistryStatus, string>> = {
  recruiting: 'green',
  not_yet_recruiting: 'blue',
  enrolling_by_invitation: 'cyan',
  active_not_recruiting: 'geekblue',
  completed: 'default',
  terminated: 'red',
  withdrawn: 'red',
  suspended: 'orange',
};

/** A registry id linking to the registry's own page (clinicaltrials.gov/study/NCT…, chinadrugtrials.org.cn). */
export function RegistryLink({ source, registryId }: { source: RegistrySource; registryId: string }) {
  return (
    <a href={registryUrl(source, registryId)} target="_blank" rel="noreferrer noopener" data-testid="registry-link">
      {registryId} <ExportOutlined style={{ fontSize: 11 }} />
    </a>
  );
}

export function RegistryStatusTag({ status }: { status: RegistryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} variant="filled">
      {t(`registry.statuses.${status}`)}
    </Tag>
  );
}

export function PhaseTags({ phases }: { phases: RegistryPhase[] }) {
  const { t } = useTranslation();
  if (!phases.length) return <>—</>;
  return (
    <Space size={[4, 4]} wrap>
      {phases.map((p) => (
        <Tag key={p} variant="outlined">
          {t(`registry.phases.${p}`)}
        </Tag>
      ))}
    </Space>
  );
}
