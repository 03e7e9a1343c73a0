import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
// KRDS tokens, base (its reset sets 1rem = 10px, which every size here assumes) and components first; our layout after.
import 'krds-uiux/resources/css/token/krds_tokens.css';
import 'krds-uiux/resources/css/common/common.css';
import 'krds-uiux/resources/css/component/component.css';
import './styles/app.css';
import { App } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The web font's style sheet after the first render, not holding it up (fonts.ts says why).
void import('./fonts.ts');
