import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompressDirectory } from '../server/src/static-assets.ts';

const outDir = fileURLToPath(new URL('./dist', import.meta.url));

/** Brotli and gzip copies of the built files, for the server to send by Accept-Encoding (apps/server static-assets). */
function precompress(): Plugin {
  return {
    name: 'ctp-precompress',
    apply: 'build',
    closeBundle() {
      const s = precompressDirectory(outDir);
      const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
      this.info(
        `pre-compressed ${s.files} files: ${kb(s.bytes)} → brotli ${kb(s.brotliBytes)}, gzip ${kb(s.gzipBytes)}`,
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  server: { port: 5173, proxy: { '/trpc': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      treeshake: {
        // antd's `@rc-component/*` packages declare no `sideEffects`, so every module they import was kept whole
        // (all of rc-form with its validator reached the first load through ConfigProvider). They have none: the
        // bundler may drop what is unused (issue 16).
        moduleSideEffects: (id: string) => !/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?@rc-component\//.test(id),
      },
      output: {
        // React and its router/i18n share one long-cached chunk. antd is deliberately NOT grouped: each page's chunk
        // takes the antd components it imports, so the first load carries only what the sign-in or search page uses
        // (issue 16). ECharts is reached only through a dynamic import (pages/commission/EChart.tsx).
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
});
