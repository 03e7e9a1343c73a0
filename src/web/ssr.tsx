/**
 * The server's rendering of the home page and the search (decision 028): the same routes, frame and components as
 * the browser's app, rendered to HTML with the page's first answer, in the reader's language and contrast, so that
 * a phone's first visit shows the page's content in the HTML's own round trip and the app then takes that markup
 * over (main.tsx, hydrateRoot). Built by Vite as a server bundle (scripts/build-web.ts) and loaded by the API
 * server (src/server/platform/http/spa.ts); no personal data goes in: the session is not known here (the app asks
 * for it after taking over, as it always has).
 */
import i18next from 'i18next';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import type { PagePreferences } from '../shared/lib/page-preferences.ts';
import type { FirstAnswer } from './api/client.ts';
import { AppFrame, routes } from './App.tsx';

const handler = createStaticHandler(routes);

export interface RenderRequest {
  /** The page's whole address (origin, path and query string). */
  url: string;
  preferences: PagePreferences;
  answer: FirstAnswer | null;
}

/** The markup of `#root` for this page. */
export async function renderPage({ url, preferences, answer }: RenderRequest): Promise<string> {
  const context = await handler.query(new Request(url));
  // No route here loads data or redirects; anything but a plain context means the page is not one to render here.
  if (context instanceof Response) throw new Error(`The page at ${url} answered with a ${context.status}, not a page.`);
  const router = createStaticRouter(handler.dataRoutes, context);
  // A copy per page: pages in both languages are rendered side by side.
  const i18n = i18next.cloneInstance({ lng: preferences.locale });
  return renderToString(
    <AppFrame i18n={i18n} preferences={preferences} answer={answer}>
      {/* No hydration data: no route loads any; the browser's router starts from the address alone. */}
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </AppFrame>,
  );
}
