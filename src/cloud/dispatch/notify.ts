import type { FunctionName } from '../../domain/contract'
import type { Nudge, ServerConfig } from '../context'

/** Sends that have not answered by then are left behind (logged): the record is already saved. */
export const NUDGE_WAIT_MS = 3000

/** Subscribe messages after the operation committed: all at once, failures logged, never thrown. */
export async function sendNudges(fn: FunctionName, config: ServerConfig, nudges: Nudge[]): Promise<void> {
  const notify = config.notify
  if (!notify || !nudges.length) return
  let timer: ReturnType<typeof setTimeout> | undefined
  const sends = Promise.all(
    nudges.map((n) =>
      notify(n).catch((e: unknown) => {
        const err = e as { errCode?: unknown; code?: unknown; errMsg?: unknown; message?: unknown }
        config.log(`[${fn}] subscribe message not sent`, {
          errCode: err?.errCode ?? err?.code,
          errMsg: err?.errMsg ?? err?.message,
          kind: n.kind
        })
      })
    )
  )
  const late = new Promise<'late'>((r) => {
    timer = setTimeout(() => r('late'), NUDGE_WAIT_MS)
  })
  try {
    if ((await Promise.race([sends, late])) === 'late')
      config.log(`[${fn}] subscribe messages still pending after ${NUDGE_WAIT_MS} ms`)
  } finally {
    clearTimeout(timer)
  }
}
