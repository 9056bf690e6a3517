import { describe, expect, it } from 'vitest';
import { capacityTooltip } from './capacity-tooltip.ts';

describe('capacityTooltip', () => {
  it('shows a specialty and a hospital named with markup as text, not as HTML', () => {
    const html = capacityTooltip(
      {
        hospitals: [{ id: 'h1', name: '<b>鼓楼</b>医院' }],
        specialties: [{ code: 'x', name: '肿瘤<img src=x onerror=alert(1)>' }],
      } as never,
      [0, 0, 50, 1, 2],
    );
    expect(html).toBe('&lt;b&gt;鼓楼&lt;/b&gt;医院 · 肿瘤&lt;img src=x onerror=alert(1)&gt;<br/>1 / 2 (50%)');
    expect(html).not.toMatch(/<img|<b>/);
  });
});
