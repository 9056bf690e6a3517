import type { SearchCondition } from '@ctp/contracts';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * How the server read the conditions of the search: the vocabulary entry with its ICD-10 code and broader areas
 * (a subtype is matched through them), or a note that the text is not a known condition.
 */
export function ConditionsNote({ conditions }: { conditions: SearchCondition[] }) {
  const { t, i18n } = useTranslation();
  const sep = i18n.language === 'en' ? ' › ' : ' › ';
  const lines = conditions.map((c) =>
    c.id
      ? [
          t('search.understood', {
            name: c.name,
            code: c.icd10 ? (i18n.language === 'en' ? ` (${c.icd10})` : `（${c.icd10}）`) : '',
          }),
          c.broader.length ? t('search.broader', { path: c.broader.join(sep) }) : '',
        ]
          .filter(Boolean)
          .join(i18n.language === 'en' ? '. ' : '；')
      : t('search.notUnderstood', { text: c.text }),
  );
  return (
    <Alert
      type="info"
      showIcon
      className="ctp-conditions-note"
      data-testid="search-conditions"
      title={[...new Set(lines)].map((l) => <div key={l}>{l}</div>)}
    />
  );
}
