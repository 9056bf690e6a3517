import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { currentLocale, syncDocumentTitle } from './i18n/index.ts';
import { loadPinyin } from './lib/proper-name.ts';
import './styles.css';

document.documentElement.lang = currentLocale();
syncDocumentTitle();
// English pages show Chinese proper names with their pinyin: the romaniser loads before the first English render.
void (currentLocale() === 'en' ? loadPinyin().catch(() => undefined) : Promise.resolve()).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
