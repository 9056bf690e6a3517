import { DEFAULT_LOCALE, LOCALES, type Locale } from '@ctp/contracts';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadPinyin, setNameLanguage } from '../lib/proper-name.ts';
import { PAGE_NAMESPACES, type PageNamespace, ZH_PAGE_CATALOGUES } from './pages.zh-CN.ts';
import type { Messages } from './zh-CN.ts';
import { zhCore } from './zh-CN.ts';

const STORAGE_KEY = 'ctp.locale';

function storedLocale(): Locale {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : DEFAULT_LOCALE;
}

/**
 * The English catalogue is its own chunk, fetched only by a browser that reads English: it would otherwise add
 * about 20 KB (gzip) to everyone's first load. Chinese is the default and the fallback, so it stays in the entry.
 */
async function loadEnglish(): Promise<Messages> {
  return (await import('./en.ts')).en;
}

const pageCatalogues = new Map<PageNamespace, Promise<void>>();

/**
 * Loads the Chinese catalogues of these page namespaces (once each) into i18next. A lazy page's code resolves only
 * after them (lazy-page.ts), so a page never shows a raw key. Chinese is loaded in every language: it is the fallback;
 * English is one catalogue with every namespace (`loadEnglish`).
 */
export function loadPageMessages(namespaces: readonly PageNamespace[] = PAGE_NAMESPACES): Promise<void> {
  return Promise.all(
    namespaces.map((ns) => {
      let loading = pageCatalogues.get(ns);
      if (!loading) {
        // After init: a page's code is fetched at start-up while an English reader's catalogue is still loading.
        loading = Promise.all([ZH_PAGE_CATALOGUES[ns](), i18nReady]).then(([messages]) => {
          i18next.addResourceBundle('zh-CN', 'translation', { [ns]: messages }, true, true);
        });
        pageCatalogues.set(ns, loading);
      }
      return loading;
    }),
  ).then(() => undefined);
}

/**
 * Keys asked for but found in no loaded catalogue: a page that forgot to name a namespace it reads. The lazy-routes
 * e2e test reads this list; a browser console shows it too.
 */
export const missingMessageKeys: string[] = [];
if (typeof window !== 'undefined')
  (window as unknown as { __ctpMissingKeys: string[] }).__ctpMissingKeys = missingMessageKeys;

/** Resolves when the stored language's catalogue is loaded and i18next is ready; main.tsx renders after it. */
export const i18nReady: Promise<unknown> = (async () => {
  const lng = storedLocale();
  // The page's language from the start (not only after a switch): screen readers and `:lang()` CSS read it.
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  const resources: Partial<Record<Locale, { translation: Messages | typeof zhCore }>> = {
    'zh-CN': { translation: zhCore },
  };
  if (lng === 'en') resources.en = { translation: await loadEnglish() };
  return i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => {
      if (!missingMessageKeys.includes(key)) missingMessageKeys.push(key);
    },
  });
})();

// The tab's title follows the language until a page sets its own (index.html carries the Chinese one).
export function syncDocumentTitle() {
  if (typeof document === 'undefined') return;
  if (i18next.language === 'en' && /[\u4e00-\u9fff]/.test(document.title))
    document.title = `${i18next.t('app.name')} CTP`;
}
i18next.on('languageChanged', (lang) => {
  setNameLanguage(lang);
  syncDocumentTitle();
});
setNameLanguage(storedLocale());

export function currentLocale(): Locale {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

/** Switches the UI language (loading its catalogue the first time) and remembers it in this browser. */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale === 'en' && !i18next.hasResourceBundle('en', 'translation')) {
    i18next.addResourceBundle('en', 'translation', await loadEnglish());
  }
  localStorage.setItem(STORAGE_KEY, locale);
  if (locale === 'en') await loadPinyin().catch(() => undefined);
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}

export { i18next };
