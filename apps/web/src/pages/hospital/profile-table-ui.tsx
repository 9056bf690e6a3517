import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Edit and retire as icon buttons, so the tables fit a laptop screen without scrolling sideways. */
export function RowActions({ onEdit, onRetire, testId }: { onEdit: () => void; onRetire: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Tooltip title={t('hospital.edit')}>
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          onClick={onEdit}
          aria-label={t('hospital.edit')}
          data-testid={`edit-${testId}`}
        />
      </Tooltip>
      <Tooltip title={t('hospital.retire')}>
        <Button
          type="text"
          size="small"
          danger
          icon={<StopOutlined />}
          onClick={onRetire}
          aria-label={t('hospital.retire')}
          data-testid={`retire-${testId}`}
        />
      </Tooltip>
    </Space>
  );
}

export function FreeSlots({ n }: { n: number }) {
  return (
    <Typography.Text strong type={n > 0 ? 'success' : 'danger'}>
      {n}
    </Typography.Text>
  );
}
