import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { PurgeCSS } from 'purgecss';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Rewrites the style sheets of one package before Vite reads their url()s. */
function rewritePackageCss(packageName: string, rewrite: (code: string) => string): Plugin {
  return {
    name: `rewrite-css-of-${packageName}`,
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes(packageName) || !id.endsWith('.css')) return null;
      return { code: rewrite(code), map: null };
    },
  };
}

/**
 * KRDS's component style sheet keeps, in the build, only the rules whose classes, elements and attributes appear in
 * the web app's source (PurgeCSS): the app uses a few of its 40 components, and every page waited for all of them
 * (42 kB of 51 kB brotli; issue 11, finding 12). No class is put together at run time from parts that are not
 * written out whole somewhere in src/web, and KRDS's own scripts are not used; a class that only ever came from the
 * server would have to go in the safelist. `npm run dev` keeps the whole sheet.
 */
function keepUsedKrdsComponents(): Plugin {
  return {
    name: 'keep-used-krds-components',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      if (!id.includes('krds-uiux') || !id.endsWith('component.css')) return null;
      const [kept] = await new PurgeCSS().purge({
        content: [path.join(import.meta.dirname, 'src/web/**/*.{ts,tsx,html}')],
        css: [{ raw: code }],
      });
      return { code: kept!.css, map: null };
    },
  };
}

/**
 * Each script, style sheet and SVG also as .br (brotli at its best quality) and .gz, served as they are by the API
 * server (spa.ts, preCompressed): a phone's first visit downloads about a fifth less than compressed on the fly.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  return {
    name: 'precompress-assets',
    // Not the server's rendering (dist/ssr): no browser downloads it.
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    async writeBundle(options, bundle) {
      const files = Object.keys(bundle).filter((file) => /\.(js|css|svg)$/.test(file));
      await Promise.all(files.map(async (file) => {
        const at = path.join(options.dir!, file);
        const content = await readFile(at);
        if (content.length < 1024) return;
        await writeFile(`${at}.br`, await brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        await writeFile(`${at}.gz`, await gzipped(content, { level: 9 }));
      }));
    },
  };
}

// The SPA lives in src/web and is served by the API server from dist/web (see src/server/platform/http/spa.ts).
export default defineConfig({
  root: 'src/web',
  plugins: [
    // krds-uiux 1.1.0's component.css points some icons at '../../img/img/…'; the files are in '../../img/…'.
    rewritePackageCss('krds-uiux', (code) => code.replaceAll('../../img/img/', '../../img/')),
    // pretendard-gov names a woff fallback beside each woff2 chunk: every browser that runs this app reads woff2, so
    // the fallbacks (and copying them into the build) go.
    rewritePackageCss('pretendard-gov', (code) => code.replace(/, url\([^)]*\.woff\) format\('woff'\)/g, '')),
    keepUsedKrdsComponents(),
    react(),
    precompress(),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    // Nothing inlined: KRDS's 267 icons would add 250 kB to the style sheet every page waits for, and a font chunk
    // is fetched only by a page showing its characters; as files, each is fetched only where it is used.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // The vocabularies only declare lists (indexed at load): a page's chunk holds those it uses, not every one the
      // barrel (src/shared/vocabulary/index.ts) names.
      treeshake: { moduleSideEffects: (id) => (/[\\/]src[\\/]shared[\\/]vocabulary[\\/]/.test(id) ? false : undefined) },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
