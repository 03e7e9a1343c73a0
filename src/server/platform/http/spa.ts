/**
 * Serves the built React app (dist/web) from the same server: hashed assets cached for a year,
 * index.html never cached, and any unknown non-API GET answered with index.html so that deep
 * links work. Unknown /api routes and missing /assets files stay 404 (stack notes, gotcha 12).
 *
 * The home page and the search also carry the API's answer to the first request they make (`firstRequest`): a
 * phone's first visit shows them without one more round trip after the scripts (issue 11, finding 12). And they
 * come rendered (decision 028): the web app's server bundle (src/web/ssr.tsx, built into dist/ssr) draws them with
 * that answer, in the reader's language and contrast (their cookies), and their style sheet is in the page, so the
 * content shows in the HTML's own round trip; the app then takes the markup over.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { preferredLocale } from '../../../shared/vocabulary/index.ts';
import { preferencesFrom, type PagePreferences } from '../../../shared/lib/page-preferences.ts';
import { HttpError } from './errors.ts';
import { WRITTEN_COOKIE } from './read-routing.ts';

/** What a deep link's page says about itself before any script runs (for link previews and search engines). */
export interface PageHead {
  title: string;
  description: string;
  /** Structured data (schema.org), embedded as application/ld+json. */
  jsonLd?: unknown;
}

export interface SpaPages {
  /** What a deep link's page says about itself, if anything. */
  head?(path: string): Promise<PageHead | null>;
  /** The API request (under /api) whose answer the page at this address shows first, if any. */
  firstRequest?(path: string, search: URLSearchParams): string | null;
}

/** The answer to a page's first request, as the web app reads it (src/web/api/client.ts). */
const FIRST_ANSWER_ID = 'lc-first-answer';

const brotli = promisify(brotliCompress);

interface FirstAnswer { request: string; locale: string; answer: unknown }

/** The web app's server rendering (src/web/ssr.tsx), as its build exports it. */
interface Renderer {
  renderPage(request: { url: string; preferences: PagePreferences; answer: FirstAnswer | null }): Promise<string>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const scriptSafe = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function withHead(html: string, head: PageHead): string {
  const tags = `<meta name="description" content="${escapeHtml(head.description)}" />`
    + `<meta property="og:title" content="${escapeHtml(head.title)}" />`
    + (head.jsonLd ? `<script type="application/ld+json">${scriptSafe(head.jsonLd)}</script>` : '');
  // Replacement functions, not strings: a title holding `$'` or `$&` must not paste parts of the page into itself.
  return html
    .replace(/<title>.*?<\/title>/, () => `<title>${escapeHtml(head.title)}</title>`)
    .replace(/<meta name="description"[^>]*>/, '')
    .replace('</head>', () => `${tags}</head>`);
}

/**
 * The answer the API gives to the page's first request, asked of the API itself (its validation, read routing and
 * rate limit, counted for the visitor's address): the very answer the app would fetch. Asked without the visitor's
 * session: the page is the same for everyone who reads its language, and holds nothing about the one reading it;
 * only the cookie that keeps one's own reads on the primary just after a write goes along. Only a plain success is
 * put into the page; anything else (a refusal) the app asks for and shows itself.
 */
async function firstAnswer(app: FastifyInstance, request: FastifyRequest, apiPath: string, locale: string): Promise<FirstAnswer | null> {
  const written = request.cookies?.[WRITTEN_COOKIE];
  const answer = await app.inject({
    method: 'GET',
    url: `/api${apiPath}`,
    remoteAddress: request.ip,
    headers: { accept: 'application/json', 'accept-language': locale, ...(written ? { cookie: `${WRITTEN_COOKIE}=${encodeURIComponent(written)}` } : {}) },
  });
  if (answer.statusCode !== 200 || answer.headers['set-cookie'] || !String(answer.headers['content-type']).startsWith('application/json')) return null;
  return { request: apiPath, locale, answer: answer.json() };
}

/** The rendering of the app's public pages, if it was built (scripts/build-web.ts) beside this web app. */
async function loadRenderer(ssrDistDir: string | undefined, log: FastifyInstance['log']): Promise<Renderer | null> {
  const entry = ssrDistDir ? path.join(ssrDistDir, 'ssr.js') : null;
  if (!entry || !existsSync(entry)) return null;
  try {
    return await import(pathToFileURL(entry).href) as Renderer;
  } catch (error) {
    log.warn({ err: error }, 'the server rendering of the web app could not be loaded; its pages are sent unrendered');
    return null;
  }
}

/** The built index.html with its style sheet in the page: a first visit paints without waiting for one more file. */
function withStylesInline(html: string, webDistDir: string): string {
  return html.replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g, (link, file: string) => {
    const css = readFileSync(path.join(webDistDir, file), 'utf8');
    return css.includes('</') ? link : `<style>${css}</style>`;
  });
}

export async function registerSpa(app: FastifyInstance, webDistDir: string, pages: SpaPages = {}, ssrDistDir?: string): Promise<void> {
  const built = existsSync(path.join(webDistDir, 'index.html'));
  const indexHtml = built ? readFileSync(path.join(webDistDir, 'index.html'), 'utf8') : '';
  const renderer = built ? await loadRenderer(ssrDistDir, app.log) : null;
  const renderedShell = renderer ? withStylesInline(indexHtml, webDistDir) : '';
  if (built) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      prefix: '/',
      index: ['index.html'],
      // The build's .br and .gz beside each asset (vite.config.ts), sent as they are, not compressed per request.
      preCompressed: true,
      setHeaders(reply, filePath) {
        reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url === '/api' || url.startsWith('/api/') || (request.method !== 'GET' && request.method !== 'HEAD')) {
      const route = `${request.method} ${url}`;
      const noRoute = new HttpError(404, 'not_found', { ko: `${route}: 그런 API 경로가 없습니다.`, en: `No API route ${route}.` });
      return reply.status(404).send(noRoute.toBody(preferredLocale(request.headers['accept-language'])));
    }
    if (url.startsWith('/assets/') || path.extname(url) !== '') {
      return reply.status(404).type('text/plain').send('Not found');
    }
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The web app has not been built yet. Run `npm run build` (or `npm start`, which builds it).');
    }
    const apiPath = pages.firstRequest?.(url, new URLSearchParams(request.url.slice(url.length))) ?? null;
    const preferences = preferencesFrom(request.cookies ?? {});
    const [head, answer] = await Promise.all([
      pages.head ? pages.head(url).catch(() => null) : null,
      apiPath ? firstAnswer(app, request, apiPath, preferences.locale).catch((error: unknown) => {
        request.log.warn({ err: error }, 'the first answer for the page was not put into it');
        return null;
      }) : null,
    ]);
    // The pages with a first request are the public pages the server renders.
    const markup = renderer && apiPath
      ? await renderer.renderPage({ url: `http://localhost${request.url}`, preferences, answer }).catch((error: unknown) => {
        request.log.error({ err: error }, 'the page could not be rendered on the server; it is sent for the app to draw');
        return null;
      })
      : null;
    if (!head && !answer && markup === null) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    let html = markup !== null ? renderedShell : indexHtml;
    if (head) html = withHead(html, head);
    if (markup !== null) {
      const contrast = preferences.highContrast ? 'on' : 'off';
      html = html
        .replace('<html lang="ko">', () => `<html lang="${preferences.locale}"${preferences.highContrast ? ' data-krds-mode="high-contrast"' : ''}>`)
        .replace('<div id="root"></div>', () => `<div id="root" data-rendered-locale="${preferences.locale}" data-rendered-contrast="${contrast}">${markup}</div>`);
    }
    // The answer's JSON (`<` escaped, so no text in it can end the script element) for the app's first render.
    if (answer) html = html.replace('</body>', () => `<script type="application/json" id="${FIRST_ANSWER_ID}">${scriptSafe(answer)}</script></body>`);
    // The same page for everyone who reads it in this language and contrast (no session in it): a shared cache may
    // keep it, asking each time whether it changed (seats change), and the answer to that is 304 when it has not.
    const etag = `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
    reply.header('cache-control', 'public, no-cache').header('vary', 'cookie').header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    reply.type('text/html; charset=utf-8');
    // A rendered page holds its style sheet: compressed harder than the per-request default (brotli 4), it is about
    // 3 kB smaller for a phone, for a few milliseconds more here.
    if (markup !== null && /\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      reply.header('content-encoding', 'br').header('vary', 'cookie, accept-encoding');
      return reply.send(await brotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(html) } }));
    }
    return reply.send(html);
  };
  app.setNotFoundHandler(page);
  // The home page is a page like the others (with its first answer), not the file as it is.
  if (built) app.get('/', { schema: { hide: true } }, page);
}
