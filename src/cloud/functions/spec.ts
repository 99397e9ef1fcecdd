import type { FunctionName } from '../../domain/contract'

/**
 * What each cloud function needs from WeChat CloudBase. `npm run build:cloud` writes
 * `config.json` from it, and the entry checks the environment against it at cold start.
 */
export interface FunctionSpec {
  /** Seconds; config.json `timeout` (also set it in the console: 云函数 → 配置 → 超时时间). */
  timeout: number
  /** Environment variables the function refuses to serve without. */
  requiredEnv: readonly string[]
  /** config.json `permissions.openapi`. */
  openapi: readonly string[]
  triggers: readonly { name: string; type: 'timer'; config: string }[]
}

/** Shortest ID_SALT accepted: it keys the ID hashes and the patrol QR signatures. */
export const MIN_SECRET_LENGTH = 16

/** A timer sweep stops this long before the function's timeout. */
export const SWEEP_MARGIN_MS = 10_000

export const FUNCTION_SPECS: Record<FunctionName, FunctionSpec> = {
  // bind and first-deployment setup; no hashes, no messages
  auth: { timeout: 5, requiredEnv: [], openapi: [], triggers: [] },
  // gate (ID hashes), patrol (QR signatures), work (subscribe messages)
  staff: { timeout: 5, requiredEnv: ['ID_SALT'], openapi: ['subscribeMessage.send'], triggers: [] },
  admin: { timeout: 10, requiredEnv: ['ID_SALT'], openapi: ['subscribeMessage.send'], triggers: [] },
  // every hour at minute 7 (CloudBase cron has 7 fields: s m h d M w y): the sweep; and every
  // minute at second 0 the lone-worker check (`safety` → cron.safety, dispatch/request.ts): an
  // hour is too slow for a missed patrol check-in, and the check is one indexed query of the due ones
  cron: {
    timeout: 60,
    requiredEnv: [],
    openapi: ['subscribeMessage.send'],
    triggers: [
      { name: 'hourly', type: 'timer', config: '0 7 * * * * *' },
      { name: 'safety', type: 'timer', config: '0 * * * * * *' }
    ]
  }
}

/** The variables `fn` needs that are missing or too short in `env`, each with why. */
export function missingEnv(fn: FunctionName, env: Record<string, string | undefined>): string[] {
  const out: string[] = []
  for (const name of FUNCTION_SPECS[fn].requiredEnv) {
    const v = env[name]
    if (!v) out.push(`${name} is not set`)
    else if (v.length < MIN_SECRET_LENGTH) out.push(`${name} is shorter than ${MIN_SECRET_LENGTH} characters`)
  }
  return out
}
