import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** krds-uiux 1.1.0's component.css points some icons at '../../img/img/…'; the files are in '../../img/…'. */
function fixKrdsIconPaths(): Plugin {
  return {
    name: 'fix-krds-icon-paths',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('krds-uiux') || !id.endsWith('.css')) return null;
      return { code: code.replaceAll('../../img/img/', '../../img/'), map: null };
    },
  };
}

// The SPA lives in src/web and is served by the API server from dist/web (see src/server/platform/http/spa.ts).
export default defineConfig({
  root: 'src/web',
  plugins: [fixKrdsIconPaths(), react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
