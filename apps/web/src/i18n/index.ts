import { DEFAULT_LOCALE, LOCALES, type Locale } from '@ctp/contracts';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadPinyin, setNameLanguage } from '../lib/proper-name.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

const STORAGE_KEY = 'ctp.locale';

function storedLocale(): Locale {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : DEFAULT_LOCALE;
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

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

/** Switches the UI language and remembers it in this browser. */
export async function setLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  if (locale === 'en') await loadPinyin().catch(() => undefined);
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}

export { i18next };
