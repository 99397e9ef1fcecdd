import Taro from '@tarojs/taro'
import type { Envelope } from '../domain/errors'
import type { FunctionName } from '../domain/contract'
import { useCloud } from './env'

export interface Payload {
  action?: string
  input?: unknown
  estateId?: string
  op?: { id: string; deviceTime: number }
  sentAt: number
  /** Several operations in one request (the outbox); the server answers with one envelope each. */
  batch?: Omit<Payload, 'batch' | 'sentAt'>[]
}

/** Sends one request to a cloud function; network failures reject, server answers resolve. */
export type Transport = (fn: FunctionName, payload: Payload, token?: string) => Promise<Envelope<unknown>>

export class NetworkError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NetworkError'
  }
}

const TIMEOUT_MS = 8000

export const transport: Transport = async (fn, payload, token) => {
  if (useCloud) {
    let r: Taro.cloud.CallFunctionResult
    try {
      r = await Taro.cloud.callFunction({
        name: fn,
        data: payload as unknown as Record<string, unknown>
      })
    } catch (e) {
      // WeChat rejects with an Error carrying errCode and errMsg (-404011: the function failed)
      throw new NetworkError(String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e))
    }
    // a function that returned nothing of ours (killed at its timeout, an old deployment) is not
    // an answer: the operation stays queued, as for an HTTP error
    if (r.result && typeof r.result === 'object' && 'ok' in r.result) return r.result as Envelope<unknown>
    throw new NetworkError(`cloud function ${fn} returned no envelope`)
  }
  let r: Taro.request.SuccessCallbackResult<Envelope<unknown>>
  try {
    r = await Taro.request<Envelope<unknown>>({
      url: `${API_BASE}/api/${fn}`,
      method: 'POST',
      data: payload,
      timeout: TIMEOUT_MS,
      header: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }
    })
  } catch (e) {
    throw new NetworkError(String((e as Error)?.message ?? (e as { errMsg?: string })?.errMsg ?? e))
  }
  if (r.data && typeof r.data === 'object' && 'ok' in r.data) return r.data
  throw new NetworkError(`HTTP ${r.statusCode}`)
}
