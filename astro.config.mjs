// The public site: Astro on Node (standalone), rendered on the server, no client-side JavaScript.
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // Forms post across no other origin; Astro refuses a POST whose Origin does not match.
  security: { checkOrigin: true },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
})
