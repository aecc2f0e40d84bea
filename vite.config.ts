import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
// The config and what it imports (the content plugin and src/domain/content) name their imports with
// their extension, as Vite's native config loader will require; `vite build` lists any that do not.
import { rapportContent } from './scripts/vite-plugin-content.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './scripts/security-headers.ts';

const contentSecurityPolicy: Plugin = {
  name: 'rapport-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
};

/** Installable and offline: the app shell, every route and the built-in packs are precached. */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Rapport: ASWB exam practice',
    short_name: 'Rapport',
    description: 'Offline exam practice for social workers on trust, confidentiality and the therapeutic alliance.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#fbfaf7',
    theme_color: '#1f5f8b',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    navigateFallback: '/index.html',
    // A pack is one chunk; a 2,000-question pack is about 4 MB and must still work offline.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  // Tests use fixtures, not content/: a half-written question must not stop the unit tests.
  plugins: [react(), ...(process.env.VITEST ? [] : [rapportContent(process.env.RAPPORT_CONTENT ?? 'content'), offline, contentSecurityPolicy])],
  publicDir: 'src/app/static',
  preview: { port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  build: { target: 'es2022' },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 20_000 },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          alias: { 'virtual:rapport/catalog': new URL('tests/fixtures/virtual-catalog.ts', import.meta.url).pathname },
          setupFiles: ['tests/component/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // The built app, and a CouchDB-compatible server for sync, both on this machine only.
          globalSetup: ['tests/e2e/serve-build.ts', 'tests/e2e/couch-server.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
