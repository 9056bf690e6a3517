import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { documentTitle, pageTitleKey } from './page-titles.ts';

/** Sets the tab's title for the current route, in the current language (it follows a language switch). */
export function useDocumentTitle(): void {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const title = documentTitle(t(`layout.pageTitles.${pageTitleKey(pathname)}`), t('layout.titleSuffix'));
  useEffect(() => {
    document.title = title;
  }, [title]);
}
