import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="ctp-page-loading">
      <Spin tip={t('common.loading')} size="large">
        <div style={{ height: 80 }} />
      </Spin>
    </div>
  );
}
