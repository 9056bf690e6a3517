import { type ShortlistQuery, type SiteSearchItem, titleLabel } from '@ctp/contracts';
import { Card, Checkbox, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { districtLabel, levelLabel } from '../../components/place-labels.ts';
import { personName, properName } from '../../lib/proper-name.ts';
import { ShortlistButton } from './ShortlistButton.tsx';

/** Specialties a card shows; the search asks for no more (`specialtiesPerItem`) and counts the rest. */
export const SHOWN_SPECIALTIES = 3;

export function ResultCard({
  item,
  compared,
  onCompare,
  canShortlist,
  query,
  showReasons = true,
}: {
  /** The search on screen, kept with the hospital when it is shortlisted. */
  query?: Partial<ShortlistQuery>;
  item: SiteSearchItem;
  /** False while the result on screen answers the previous query. */
  showReasons?: boolean;
  compared: boolean;
  onCompare: (checked: boolean) => void;
  canShortlist: boolean;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const name = properName(item.name, item.nameEn, i18n.language);
  // The other language's name helps a Chinese reader; on an English page the Chinese is already beside its pinyin.
  const other = en ? null : item.nameEn;
  return (
    <Card className="ctp-result" size="small" data-testid="search-result">
      <div className="ctp-result-main">
        <Progress
          type="circle"
          size={58}
          percent={item.score}
          format={(p) => <span className="ctp-score">{p}</span>}
          strokeColor={item.score >= 80 ? '#16a085' : item.score >= 60 ? '#1f6fb2' : '#d48806'}
          aria-label={t('search.score')}
        />
        <div className="ctp-result-body">
          <Space size={6} wrap>
            <Link to={`/hospitals/${item.hospitalId}`} className="ctp-result-name">
              {name}
            </Link>
            {item.level && <Tag variant="filled">{levelLabel(item.level, i18n.language)}</Tag>}
            {item.district && <Tag variant="filled">{districtLabel(item.district, i18n.language)}</Tag>}
            {item.hasPhase1Unit && (
              <Tag color="green" variant="filled">
                {t('search.phase1Tag')}
              </Tag>
            )}
            {item.stale && (
              <Tooltip title={t('search.staleHint')}>
                <Tag color="orange">{t('search.stale')}</Tag>
              </Tooltip>
            )}
          </Space>
          {other && <div className="ctp-muted">{other}</div>}
          {showReasons && (
            <ul className="ctp-reasons" data-testid="search-reasons">
              {/* Each sentence once: two equal keys left a stale line behind on the next search. */}
              {[...new Set(item.reasons)].map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
          <div className="ctp-result-specialties">
            {item.specialties.slice(0, SHOWN_SPECIALTIES).map((s) => (
              <div key={s.id} className="ctp-result-specialty">
                <Typography.Text strong>{en ? s.nameEn : s.name}</Typography.Text>
                <Tag color={s.freeSlots > 0 ? 'blue' : 'default'} variant="filled">
                  {t('search.freeSlots', { n: s.freeSlots })}
                </Tag>
                <span className="ctp-muted">
                  {t('search.pis')}:{' '}
                  {s.investigators.length
                    ? s.investigators.map((p) => (
                        <span
                          key={p.id}
                          className={p.eligibleToLeadDrugTrial ? undefined : 'ctp-not-eligible'}
                          title={p.eligibleToLeadDrugTrial ? undefined : t('search.notEligible')}
                        >
                          {en
                            ? `${personName(p.name, 'en')}, ${titleLabel(p.title, 'en')}`
                            : `${p.name}（${p.title}）`}{' '}
                        </span>
                      ))
                    : t('common.none')}
                </span>
              </div>
            ))}
            {item.specialtyCount > SHOWN_SPECIALTIES && (
              <span className="ctp-muted">
                {t('search.moreSpecialties', { count: item.specialtyCount - SHOWN_SPECIALTIES })}
              </span>
            )}
          </div>
        </div>
        <Space orientation="vertical" align="end" className="ctp-result-actions">
          <Checkbox
            checked={compared}
            onChange={(e) => onCompare(e.target.checked)}
            data-testid={`compare-${item.hospitalId}`}
          >
            {t('search.compare')}
          </Checkbox>
          {canShortlist && <ShortlistButton hospitalId={item.hospitalId} query={query} />}
        </Space>
      </div>
    </Card>
  );
}
