/**
 * Serves the built React app (dist/web) from the same server: hashed assets cached for a year,
 * index.html never cached, and any unknown non-API GET answered with index.html so that deep
 * links work. Unknown /api routes and missing /assets files stay 404 (stack notes, gotcha 12).
 *
 * The home page and the search also carry the API's answer to the first request they make (`firstRequest`): a
 * phone's first visit shows them without one more round trip after the scripts (issue 11, finding 12).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { preferredLocale } from '../../../shared/vocabulary/index.ts';
import { HttpError } from './errors.ts';

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
/**
 * The language the answer is asked in: the web app's own rule (a choice kept in the browser, else Korean) is not
 * known to the server, so it asks in Korean, and the app uses the answer only when it reads Korean.
 */
const FIRST_ANSWER_LOCALE = 'ko';

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
 * The answer the API gives this visitor to the page's first request, asked of the API itself (its validation,
 * session, read routing and rate limit, counted for the visitor's address): the very answer the app would fetch.
 * Only a plain success is put into the page; anything else (a refusal, an answer setting a cookie) the app asks for.
 */
async function firstAnswer(app: FastifyInstance, request: FastifyRequest, apiPath: string): Promise<string | null> {
  const answer = await app.inject({
    method: 'GET',
    url: `/api${apiPath}`,
    remoteAddress: request.ip,
    headers: { accept: 'application/json', 'accept-language': FIRST_ANSWER_LOCALE, ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}) },
  });
  if (answer.statusCode !== 200 || answer.headers['set-cookie'] || !String(answer.headers['content-type']).startsWith('application/json')) return null;
  // The body is JSON already: `<` (only ever inside its strings) escaped, so no text in it can end the script element.
  const body = answer.body.replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_ANSWER_ID}">{"request":${scriptSafe(apiPath)},"locale":"${FIRST_ANSWER_LOCALE}","answer":${body}}</script>`;
}

export async function registerSpa(app: FastifyInstance, webDistDir: string, pages: SpaPages = {}): Promise<void> {
  const built = existsSync(path.join(webDistDir, 'index.html'));
  const indexHtml = built ? readFileSync(path.join(webDistDir, 'index.html'), 'utf8') : '';
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
    const [head, answer] = await Promise.all([
      pages.head ? pages.head(url).catch(() => null) : null,
      apiPath ? firstAnswer(app, request, apiPath).catch((error: unknown) => {
        request.log.warn({ err: error }, 'the first answer for the page was not put into it');
        return null;
      }) : null,
    ]);
    if (!head && !answer) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    const html = head ? withHead(indexHtml, head) : indexHtml;
    // A page holding an answer is this visitor's, of this moment: kept by no shared cache, and asked again each time.
    return reply.header('cache-control', answer ? 'private, no-cache' : 'no-cache').type('text/html; charset=utf-8')
      .send(answer ? html.replace('</body>', () => `${answer}</body>`) : html);
  };
  app.setNotFoundHandler(page);
  // The home page is a page like the others (with its first answer), not the file as it is.
  if (built) app.get('/', { schema: { hide: true } }, page);
}
