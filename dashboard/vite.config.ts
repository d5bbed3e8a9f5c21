/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The bundle lands in the Maven module's classes, so it ships in the jar under dashboard/.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'target/classes/dashboard',
    emptyOutDir: true,
    assetsDir: 'assets',
    // .vite/manifest.json lists every asset, so the server loads them all at start.
    manifest: true,
    // No inline data: URIs for scripts or styles; the page's CSP allows only 'self'.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    // `npm run dev` against a running Pulse (`pulse demo`) on port 8080.
    proxy: {
      '/v1': 'http://localhost:8080',
      '/auth': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.spec.{ts,tsx}'],
    css: false,
    // Specs that type into forms and run axe take a few seconds alone; on a build machine shared
    // with other jobs (2 cores, load far above 2) Vitest's default 5 s fails them at random.
    testTimeout: 20_000,
  },
});
