import Spin from 'antd/es/spin/index.js';
import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="ctp-page-loading">
      <Spin description={t('common.loading')} size="large">
        <div style={{ height: 80, width: 240 }} />
      </Spin>
    </div>
  );
}
