import {
  PROVIDER_CATEGORY_LABELS,
  type ProviderCategory,
  type ProviderQualificationView,
  QUALIFICATION_LABELS,
  type QualificationKind,
  THERAPEUTIC_AREA_LABELS,
  type TherapeuticArea,
} from '@ctp/contracts';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Labels of the provider codes, in both languages from contracts (the server's facets use the same). */
const pick = (l: { zh: string; en: string }, lang: string) => (lang === 'en' ? l.en : l.zh);
export const categoryLabel = (c: ProviderCategory, lang: string) => pick(PROVIDER_CATEGORY_LABELS[c], lang);
export const qualificationLabel = (k: QualificationKind, lang: string) => pick(QUALIFICATION_LABELS[k], lang);
export const areaLabel = (a: TherapeuticArea, lang: string) => pick(THERAPEUTIC_AREA_LABELS[a], lang);

/** The qualification's short name on a tag (the full label is its tooltip). */
const SHORT: Record<QualificationKind, { zh: string; en: string }> = {
  cnas: { zh: 'CNAS', en: 'CNAS' },
  cma: { zh: 'CMA', en: 'CMA' },
  glp: { zh: 'GLP', en: 'GLP' },
  cap: { zh: 'CAP', en: 'CAP' },
  iso15189: { zh: 'ISO 15189', en: 'ISO 15189' },
  iso9001: { zh: 'ISO 9001', en: 'ISO 9001' },
  iso27001: { zh: 'ISO 27001', en: 'ISO 27001' },
  gsp: { zh: 'GSP', en: 'GSP' },
  hgrac: { zh: '遗传资源保藏', en: 'HGR licence' },
  aaalac: { zh: 'AAALAC', en: 'AAALAC' },
};
const shortName = (k: QualificationKind, lang: string) => pick(SHORT[k], lang);

/** When a qualification runs out: nothing while valid, orange within the warning window, red once expired. */
export function ExpiryNote({ q }: { q: ProviderQualificationView }) {
  const { t } = useTranslation();
  if (q.status === 'valid') return null;
  if (q.status === 'expired') return <Tag color="red">{t('providers.expired')}</Tag>;
  return (
    <Tag color="orange">
      {q.daysLeft === 0 ? t('providers.expiringToday') : t('providers.expiring', { count: q.daysLeft })}
    </Tag>
  );
}

/** A qualification as a tag: its short name, coloured by how soon it expires; the full label and number on hover. */
export function QualificationTag({ q }: { q: ProviderQualificationView }) {
  const { t, i18n } = useTranslation();
  const color = q.status === 'expired' ? 'red' : q.status === 'expiring' ? 'orange' : 'green';
  return (
    <Tooltip
      title={`${qualificationLabel(q.kind, i18n.language)} · ${q.number} · ${t('providers.expiresOn')} ${q.expiresOn}`}
    >
      <Tag color={color} data-testid={`qual-${q.kind}-${q.status}`}>
        {shortName(q.kind, i18n.language)}
        {q.status === 'expired'
          ? ` · ${t('providers.expired')}`
          : q.status === 'expiring'
            ? ` · ${t('providers.expiring', { count: q.daysLeft })}`
            : ''}
      </Tag>
    </Tooltip>
  );
}
