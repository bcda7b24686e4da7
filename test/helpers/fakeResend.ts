import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'

export type FakeAttachment = { filename: string | null; contentType: string | null; content: Buffer }

export type FakeDelivery = {
  id: string
  idempotencyKey: string | null
  authorization: string | null
  from: string
  to: string[]
  cc: string[]
  replyTo: string[]
  subject: string
  html: string | null
  text: string | null
  attachments: FakeAttachment[]
}

export type ResendErrorBody = { statusCode: number; message: string; name: string }

export type FakeResend = {
  /** Base URL to hand to the SDK (`new Resend(key, { baseUrl })`). */
  url: string
  /** Messages Resend would have sent: accepted once, idempotent replays not repeated. */
  deliveries: FakeDelivery[]
  /** Every POST /emails received, whatever the answer. */
  readonly requests: number
  /** The next `count` POST /emails get `status` (a string body is sent as-is, not as JSON). */
  failNext(count: number, status: number, body?: ResendErrorBody | string): void
  /** The next POST /emails gets a Resend-shaped error with this message. */
  rejectNext(status: number, message: string): void
  /** The next POST /emails is processed (and recorded) but the connection is dropped before any answer. */
  dropNextAfterAccept(): void
  /** Forgets scripted answers not yet used and the deliveries so far (between tests). */
  reset(): void
  /** The next POST /emails is processed at once but answered only after `ms`; meanwhile its key is in progress. */
  delayNextAnswer(ms: number): void
  close(): Promise<void>
}

type Answer = { status: number; body: ResendErrorBody | { id: string } | string }
type Script = { kind: 'fail'; answer: Answer } | { kind: 'drop' } | { kind: 'delay'; ms: number }
type IdempotencyEntry = { bodyHash: string; inProgress: boolean; answer: Answer }

// Names Resend uses for each status (https://resend.com/docs/api-reference/errors).
const ERROR_NAMES: Record<number, string> = {
  400: 'validation_error',
  401: 'restricted_api_key',
  403: 'invalid_api_key',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'invalid_idempotent_request',
  422: 'validation_error',
  429: 'rate_limit_exceeded',
  451: 'security_error',
  500: 'internal_server_error',
}

function resendError(statusCode: number, message: string, name?: string): Answer {
  return {
    status: statusCode,
    body: { statusCode, message, name: name ?? ERROR_NAMES[statusCode] ?? 'application_error' },
  }
}

/**
 * A local stand-in for the Resend API (POST /emails only) so tests drive the real SDK without network.
 * With `apiKey` set, any other bearer token gets Resend's 403 `invalid_api_key`.
 */
export async function startFakeResend(options: { apiKey?: string } = {}): Promise<FakeResend> {
  const deliveries: FakeDelivery[] = []
  const scripts: Script[] = []
  const idempotency = new Map<string, IdempotencyEntry>()
  const timers = new Set<NodeJS.Timeout>()
  let requests = 0

  const server = createServer((req, res) => {
    readBody(req).then(
      (raw) => handle(req, res, raw),
      () => req.socket.destroy(),
    )
  })

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    // For browser tests, whose portal runs in another process: what was delivered so far (no attachments).
    if (path === '/test/deliveries' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(deliveries.map(({ attachments: _attachments, ...delivery }) => delivery)))
      return
    }
    if (path !== '/emails') return send(res, resendError(404, 'The requested endpoint does not exist.'))
    if (req.method !== 'POST') return send(res, resendError(405, 'Method is not allowed for the requested path.'))
    requests += 1

    const authorization = req.headers.authorization ?? null
    const token = /^Bearer\s+(\S+)$/.exec(authorization ?? '')?.[1]
    if (token === undefined) {
      return send(
        res,
        resendError(
          401,
          'Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY.',
          'missing_api_key',
        ),
      )
    }
    if (options.apiKey !== undefined && token !== options.apiKey) {
      return send(res, resendError(403, 'API key is invalid.', 'invalid_api_key'))
    }

    const header = req.headers['idempotency-key']
    const idempotencyKey = typeof header === 'string' ? header : null
    if (idempotencyKey !== null && (idempotencyKey.length < 1 || idempotencyKey.length > 256)) {
      return send(res, resendError(400, 'The key must be between 1-256 chars.', 'invalid_idempotency_key'))
    }

    const script = scripts.shift()
    if (script?.kind === 'fail') return send(res, script.answer)

    const bodyHash = createHash('sha256').update(raw).digest('hex')
    const previous = idempotencyKey === null ? undefined : idempotency.get(idempotencyKey)
    let answer: Answer
    if (previous !== undefined) {
      if (previous.bodyHash !== bodyHash) {
        answer = resendError(
          409,
          'Same idempotency key used with a different request payload. Change your idempotency key or payload.',
          'invalid_idempotent_request',
        )
      } else if (previous.inProgress) {
        answer = resendError(
          409,
          'Same idempotency key used while original request is still in progress. Try the request again later.',
          'concurrent_idempotent_requests',
        )
      } else {
        answer = previous.answer
      }
    } else {
      const parsed = parseDelivery(raw, idempotencyKey, authorization)
      if ('status' in parsed) return send(res, parsed)
      deliveries.push(parsed)
      answer = { status: 200, body: { id: parsed.id } }
      if (idempotencyKey !== null) {
        const entry: IdempotencyEntry = { bodyHash, inProgress: script?.kind === 'delay', answer }
        idempotency.set(idempotencyKey, entry)
      }
    }

    if (script?.kind === 'drop') {
      res.socket?.destroy()
      return
    }
    if (script?.kind === 'delay') {
      const entry = idempotencyKey === null ? undefined : idempotency.get(idempotencyKey)
      const timer = setTimeout(() => {
        timers.delete(timer)
        if (entry !== undefined) entry.inProgress = false
        // The client may have given up (timeout) in the meantime.
        if (!res.destroyed) send(res, answer)
      }, script.ms)
      timers.add(timer)
      return
    }
    send(res, answer)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('fake Resend is not listening on a TCP port')
  const { port } = address

  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    get requests() {
      return requests
    },
    failNext(count, status, body) {
      const answer: Answer =
        body === undefined ? resendError(status, `Scripted failure (HTTP ${status}).`) : { status, body }
      for (let i = 0; i < count; i += 1) scripts.push({ kind: 'fail', answer })
    },
    rejectNext(status, message) {
      scripts.push({ kind: 'fail', answer: resendError(status, message) })
    },
    dropNextAfterAccept() {
      scripts.push({ kind: 'drop' })
    },
    reset() {
      scripts.length = 0
      deliveries.length = 0
    },
    delayNextAnswer(ms) {
      scripts.push({ kind: 'delay', ms })
    },
    async close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())))
    },
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, answer: Answer): void {
  const isRaw = typeof answer.body === 'string'
  const payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
  res.writeHead(answer.status, { 'Content-Type': isRaw ? 'text/html; charset=utf-8' : 'application/json' })
  res.end(payload)
}

/** Validates the body the way Resend does for the fields tests rely on; an Answer means refused. */
function parseDelivery(
  raw: string,
  idempotencyKey: string | null,
  authorization: string | null,
): FakeDelivery | Answer {
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    return resendError(400, 'Invalid JSON in request body.', 'validation_error')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return resendError(422, 'The request body must be a JSON object.', 'validation_error')
  }
  const field = (key: string): unknown => Reflect.get(body, key)
  const from = field('from')
  const subject = field('subject')
  const to = addresses(field('to'))
  if (typeof from !== 'string' || from === '')
    return resendError(422, 'Missing `from` field.', 'missing_required_field')
  if (to.length === 0) return resendError(422, 'Missing `to` field.', 'missing_required_field')
  if (typeof subject !== 'string') return resendError(422, 'Missing `subject` field.', 'missing_required_field')
  const html = field('html')
  const text = field('text')

  const rawAttachments = field('attachments')
  const attachments: FakeAttachment[] = []
  if (Array.isArray(rawAttachments)) {
    for (const item of rawAttachments) {
      const content: unknown = typeof item === 'object' && item !== null ? Reflect.get(item, 'content') : undefined
      if (typeof content !== 'string') {
        return resendError(422, 'Attachment content must be a base64 string.', 'invalid_attachment')
      }
      const filename: unknown = Reflect.get(item, 'filename')
      const contentType: unknown = Reflect.get(item, 'content_type')
      attachments.push({
        filename: typeof filename === 'string' ? filename : null,
        contentType: typeof contentType === 'string' ? contentType : null,
        content: Buffer.from(content, 'base64'),
      })
    }
  }

  return {
    id: randomUUID(),
    idempotencyKey,
    authorization,
    from,
    to,
    cc: addresses(field('cc')),
    replyTo: addresses(field('reply_to')),
    subject,
    html: typeof html === 'string' ? html : null,
    text: typeof text === 'string' ? text : null,
    attachments,
  }
}

function addresses(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return []
}
