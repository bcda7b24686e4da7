import http from 'node:http'

/**
 * Sits between the site and the CMS in browser tests: counts every request the site makes to
 * the CMS (each one a database read there) and can play "CMS down". Control endpoints:
 * GET /__proxy/stats → { requests, paths }, POST /__proxy/down and /__proxy/up.
 */
export async function startCountingProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  let requests = 0
  let paths: string[] = []
  let down = false
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    if (url.startsWith('/__proxy/')) {
      if (url === '/__proxy/stats') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requests, paths }))
        return
      }
      if (url === '/__proxy/reset') [requests, paths] = [0, []]
      if (url === '/__proxy/down') down = true
      if (url === '/__proxy/up') down = false
      res.writeHead(204).end()
      return
    }
    requests += 1
    paths.push(`${req.method} ${url}`)
    if (down) {
      req.socket.destroy()
      return
    }
    const upstream = http.request(new URL(url, target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('proxy has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
