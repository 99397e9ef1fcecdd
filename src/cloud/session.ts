import { createHmac, timingSafeEqual } from 'node:crypto'

/** A signed session token: base64url(payload).base64url(hmac-sha256). */
export interface TokenPayload {
  sid: string
  staffId: string
  exp: number
}

export function signToken(p: TokenPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(p), 'utf8').toString('base64url')
  const sig = createHmac('sha256', secret).update(body).digest('base64url')
  return `${body}.${sig}`
}

/** Returns the payload if the signature holds, else null. Expiry is the caller's check. */
export function verifyToken(token: string, secret: string): TokenPayload | null {
  if (typeof token !== 'string' || token.length > 2048) return null
  const [body, sig] = token.split('.')
  if (!body || !sig) return null
  // Compare the canonical text: decoding first would accept a different last character
  // whose extra bits base64 ignores, so two spellings of one token would both verify.
  const want = Buffer.from(createHmac('sha256', secret).update(body).digest('base64url'), 'utf8')
  const got = Buffer.from(sig, 'utf8')
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null
  try {
    const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload
    if (typeof p.sid !== 'string' || typeof p.staffId !== 'string' || typeof p.exp !== 'number') return null
    return p
  } catch {
    return null
  }
}
