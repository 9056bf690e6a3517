import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { currentLocale, i18nReady, syncDocumentTitle } from './i18n/index.ts';
import { loadPinyin } from './lib/proper-name.ts';
import './styles.css';

// English pages show Chinese proper names with their pinyin: the romaniser loads before the first English render.
void i18nReady
  .then(() => (currentLocale() === 'en' ? loadPinyin().catch(() => undefined) : undefined))
  .then(() => {
    document.documentElement.lang = currentLocale();
    syncDocumentTitle();
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
