import { Grid } from 'antd';

/**
 * True below antd's `md` breakpoint (768 px): a phone, or a very narrow window. The frame then folds the navigation
 * into a drawer and pages put secondary panels (search filters) behind a button. Before the first measurement antd
 * reports no breakpoint; that counts as wide, so a desktop never flashes the phone layout.
 */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}

/** True once antd has measured a window at least `md` wide (false until then, and on a phone). */
export function useIsWide(): boolean {
  return Grid.useBreakpoint().md === true;
}
