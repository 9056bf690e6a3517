import type { FacetValue } from '@ctp/contracts';
import { Button, Typography } from 'antd';
import { useState } from 'react';

/** One facet of a search (value, label, count), the chosen value highlighted; shared by site and provider search. */
export function FacetList({
  title,
  facet,
  selected,
  onSelect,
  testId,
}: {
  title: string;
  facet: FacetValue[];
  selected?: string;
  onSelect: (v: string | undefined) => void;
  testId: string;
}) {
  const [all, setAll] = useState(false);
  if (!facet.length) return null;
  const shown = all ? facet : facet.slice(0, 8);
  return (
    <div className="ctp-facet" data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      {shown.map((f) => (
        <button
          type="button"
          key={f.value}
          className={`ctp-facet-item${selected === f.value ? ' is-selected' : ''}`}
          onClick={() => onSelect(selected === f.value ? undefined : f.value)}
        >
          <span>{f.label}</span>
          <span className="ctp-facet-count">{f.count}</span>
        </button>
      ))}
      {facet.length > 8 && (
        <Button type="link" size="small" onClick={() => setAll(!all)} className="ctp-link-button">
          {all ? '−' : `+${facet.length - 8}`}
        </Button>
      )}
    </div>
  );
}
