import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { currentLocale, i18nReady } from './i18n/index.ts';
import './styles.css';

void i18nReady.then(() => {
  document.documentElement.lang = currentLocale();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
