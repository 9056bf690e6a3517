import { UNIVERSITY_EN, universityOf } from '@ctp/contracts';
import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { properName } from '../../lib/proper-name.ts';
import { dash, type HospitalProfile } from './profile-ui.ts';

/** Address, filings, beds, the parent university and the names the hospital is also known by. */
export function OverviewCard({ profile }: { profile: HospitalProfile }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const h = profile.hospital;
  const local = (text: string | null) => (text == null ? dash : properName(text, null, i18n.language));
  const aliases = h.aliases.filter((a) => a.alias !== h.nameZh && a.alias !== h.nameEn);
  const university = universityOf(h.parentUniversity);
  return (
    <Card title={t('hospital.overview')} style={{ height: '100%' }}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'address', label: t('hospital.fields.address'), children: local(h.address), span: 2 },
          {
            key: 'filing',
            label: t('hospital.fields.nmpaDrugFilingNo'),
            children: h.nmpaDrugFilingNo ?? t('common.unknown'),
          },
          {
            key: 'filingDate',
            label: t('hospital.fields.nmpaDrugFilingDate'),
            children: h.nmpaDrugFilingDate ?? dash,
          },
          { key: 'device', label: t('hospital.fields.deviceFilingNo'), children: h.deviceFilingNo ?? dash },
          { key: 'totalBeds', label: t('hospital.fields.totalBeds'), children: h.totalBeds ?? dash },
          { key: 'phase1Beds', label: t('hospital.fields.phase1Beds'), children: h.phase1Beds ?? dash },
          {
            key: 'phase1Date',
            label: t('hospital.fields.phase1FilingDate'),
            children: h.phase1FilingDate ?? dash,
          },
          ...(university
            ? [
                {
                  key: 'univ',
                  label: t('hospital.parentUniversity'),
                  children: en ? (UNIVERSITY_EN[university] ?? local(university)) : university,
                  span: 2,
                },
              ]
            : []),
          ...(aliases.length
            ? [
                {
                  key: 'aliases',
                  label: t('hospital.aliases'),
                  span: 2,
                  children: (
                    <Space size={[4, 4]} wrap>
                      {aliases.map((a) => (
                        <Tag key={a.alias} variant="filled">
                          {local(a.alias)}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
