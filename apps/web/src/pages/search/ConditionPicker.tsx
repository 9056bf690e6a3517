import type { ConditionOption } from '@ctp/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';

function OptionLabel({ option, en }: { option: ConditionOption; en: boolean }) {
  const extra = [...option.abbreviations, option.icd10].filter(Boolean).join(' · ');
  return (
    <div className="ctp-condition-option">
      <span>{en ? option.en : option.zh}</span>
      {/* The English name helps in Chinese; an English page stays English. */}
      {!en && <span className="ctp-muted"> {option.en}</span>}
      {extra && <span className="ctp-muted"> · {extra}</span>}
    </div>
  );
}

/**
 * The 病种 filter: free text, with the disease vocabulary offered as it is typed (names in the reader's language,
 * abbreviations, ICD-10). Whatever is applied goes to `condition`, which the server reads through the vocabulary.
 */
export function ConditionPicker({ value, onApply }: { value?: string; onApply: (v: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const en = i18n.language === 'en';
  const [text, setText] = useState(value ?? '');
  // Follow the URL (clear filters, back button, a relaxation).
  useEffect(() => setText(value ?? ''), [value]);
  const typed = text.trim();
  const options = useQuery({
    ...trpc.sites.conditions.queryOptions({ q: typed.slice(0, 100) || '-', limit: 8 }),
    enabled: typed.length > 0,
    placeholderData: keepPreviousData,
  });
  return (
    <AutoComplete
      value={text}
      onChange={(v: string) => setText(v)}
      onSelect={(v: string) => {
        setText(v);
        onApply(v);
      }}
      options={(typed ? (options.data ?? []) : []).map((o) => ({
        value: en ? o.en : o.zh,
        label: <OptionLabel option={o} en={en} />,
      }))}
      popupMatchSelectWidth={340}
      style={{ width: '100%' }}
    >
      <Input.Search
        size="small"
        allowClear
        placeholder={t('search.diseasePlaceholder')}
        onSearch={(v) => onApply(v.trim() || undefined)}
        data-testid="filter-condition"
      />
    </AutoComplete>
  );
}
