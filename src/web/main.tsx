import i18next from 'i18next';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import './i18n/index.ts';
// KRDS tokens, base (its reset sets 1rem = 10px, which every size here assumes) and components first; our layout after.
import 'krds-uiux/resources/css/token/krds_tokens.css';
import 'krds-uiux/resources/css/common/common.css';
import 'krds-uiux/resources/css/component/component.css';
import './styles/app.css';
import { AppFrame, routes } from './App.tsx';
import { storedHighContrast } from './shells/preferences.ts';

const root = document.getElementById('root')!;
const app = <AppFrame><RouterProvider router={createBrowserRouter(routes)} /></AppFrame>;
// The server rendered the home page and the search (decision 028) in the language and contrast its cookies said:
// when they are this browser's own choice, React takes over that markup as it is; otherwise (a choice made before
// the cookies existed) it draws the page anew, once.
const { renderedLocale, renderedContrast } = root.dataset;
if (renderedLocale === i18next.language && (renderedContrast === 'on') === storedHighContrast()) {
  hydrateRoot(root, app, {
    // Markup that differs is drawn anew by React; said in the console so that the browser tests catch it.
    onRecoverableError: (error) => console.error('Server rendering not taken over as it was:', error),
  });
} else {
  createRoot(root).render(app);
}
// The web font's style sheet after the first render, not holding it up (fonts.ts says why).
void import('./fonts.ts');
