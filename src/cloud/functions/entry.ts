import type { FunctionName } from '../../domain/contract'
import type { Identity, ServerConfig } from '../context'
import { createCloudbaseAdapter } from '../data/cloudbase'
import { createDispatcher, type RawRequest } from '../dispatcher'
import { subscribeRequest } from '../notify'

/* wx-server-sdk is installed by WeChat's cloud from the function's package.json. */
 
const cloud = require('wx-server-sdk')

/**
 * The entry of one cloud function. Identity comes only from `getWXContext().OPENID`; a
 * timer trigger has no OPENID and an event Type of 'Timer'.
 */
export function makeMain(fn: FunctionName) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const config: ServerConfig = {
    demo: false,
    sessionSecret: process.env.SESSION_SECRET ?? 'unused-in-cloud',
    idSalt: process.env.ID_SALT ?? '',
    now: () => Date.now(),
    random: Math.random,
    log: (msg, extra) => console.error(msg, extra),
    timeoutMs: 15000,
    notify: async (n) => {
      const req = subscribeRequest(n, process.env)
      // a person who has not subscribed (or used up their one message) is a normal refusal
      if (req) await cloud.openapi.subscribeMessage.send(req).catch((e: unknown) => console.error('subscribe message', e))
    }
  }
  const dispatch = createDispatcher(fn, { store: createCloudbaseAdapter(cloud.database()), config })
  return async (event: RawRequest & { Type?: string }) => {
    const { OPENID } = cloud.getWXContext() as { OPENID?: string }
    const identity: Identity = OPENID
      ? { kind: 'openid', openid: OPENID }
      : event?.Type === 'Timer'
        ? { kind: 'timer' }
        : { kind: 'none' }
    return dispatch(event, identity)
  }
}
