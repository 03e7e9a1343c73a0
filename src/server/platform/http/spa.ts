/**
 * Serves the built React app (dist/web) from the same server: hashed assets cached for a year,
 * index.html never cached, and any unknown non-API GET answered with index.html so that deep
 * links work. Unknown /api routes and missing /assets files stay 404 (stack notes, gotcha 12).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { preferredLocale } from '../../../shared/vocabulary/index.ts';
import { HttpError } from './errors.ts';

/** What a deep link's page says about itself before any script runs (for link previews and search engines). */
export interface PageHead {
  title: string;
  description: string;
  /** Structured data (schema.org), embedded as application/ld+json. */
  jsonLd?: unknown;
}

export type PageHeadResolver = (path: string) => Promise<PageHead | null>;

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

export async function registerSpa(app: FastifyInstance, webDistDir: string, resolveHead?: PageHeadResolver): Promise<void> {
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

  app.setNotFoundHandler(async (request, reply) => {
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
    const head = resolveHead ? await resolveHead(url).catch(() => null) : null;
    if (!head) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(withHead(indexHtml, head));
  });
}
