// The public site: Astro on Node (standalone), rendered on the server, no client-side JavaScript.
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  output: 'server',
  // The complaint form takes at most 5 attachments of 10 MB, plus the typed fields (site/lib/complaintForm.ts).
  adapter: node({ mode: 'standalone', bodySizeLimit: 52 * 1024 * 1024 }),
  // Forms post across no other origin; Astro refuses a POST whose Origin does not match.
  security: { checkOrigin: true, actionBodySizeLimit: 52 * 1024 * 1024 },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // The root .env holds the CMS's secrets (PAYLOAD_SECRET…): the site reads only what `npm start` hands it.
  vite: { envDir: false },
})
