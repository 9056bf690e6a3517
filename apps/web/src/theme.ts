import type { ThemeConfig } from 'antd';

/** A calm public-health palette: deep government blue, a clinical green accent, dense but legible tables. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0f4c81',
    colorSuccess: '#16a085',
    colorInfo: '#1f6fb2',
    colorLink: '#1f6fb2',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
    colorBgLayout: '#f3f6fa',
  },
  components: {
    Layout: { headerBg: '#0f4c81', headerHeight: 60, headerPadding: '0 20px', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#e8f0f8', itemSelectedColor: '#0f4c81' },
    Table: { headerBg: '#f5f8fb' },
  },
};
