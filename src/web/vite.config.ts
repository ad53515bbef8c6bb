// The dashboard's build: `npm run build:web` writes dist/web, which `dyad serve` serves. Everything
// (Preact, uPlot, cytoscape, d3-geo, the world-atlas map) is bundled; the pages load nothing from elsewhere.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: process.env.DYAD_WEB_OUT ?? fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    reportCompressedSize: false,
    // No plugin-timing notes in the build output.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
