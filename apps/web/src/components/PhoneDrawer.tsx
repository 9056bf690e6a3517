import type { DrawerProps } from 'antd';
import { lazy, Suspense } from 'react';

// antd's Drawer (with rc-drawer ≈ 8 KB gzip) is drawn only on a phone (the menu, the search filters): a desktop's
// first load does not carry it (issue 16).
const Drawer = lazy(() => import('antd/es/drawer/index.js'));

/** antd's Drawer, fetched the first time a phone layout draws one. */
export function PhoneDrawer(props: DrawerProps) {
  return (
    <Suspense fallback={null}>
      <Drawer {...props} />
    </Suspense>
  );
}
