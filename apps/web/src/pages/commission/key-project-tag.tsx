import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The tag ECs, sites and the commission see on a city key project (重点攻关项目). */
export function KeyProjectTag() {
  const { t } = useTranslation();
  return (
    <Tag color="volcano" data-testid="key-project-tag">
      {t('commission.keyProjects.tag')}
    </Tag>
  );
}
