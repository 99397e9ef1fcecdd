/**
 * WeChat subscribe messages for assignment, escalation and resolution. The template ids come
 * from the cloud function's environment (each estate's mini program registers its own
 * templates); a template with a short text field `thing1` and a time field `time2` is
 * expected, which is what the common "工单通知" templates have.
 */
import type { Nudge } from './context'
export type { Nudge }

const KIND_ENV: Record<string, string> = {
  assigned: 'SUBSCRIBE_TMPL_ASSIGNED',
  rejected: 'SUBSCRIBE_TMPL_ASSIGNED',
  escalated: 'SUBSCRIBE_TMPL_ESCALATED',
  emergency: 'SUBSCRIBE_TMPL_ESCALATED',
  // a lone-worker alert (未按时报平安, 长按求助) goes out on the escalation template
  safety: 'SUBSCRIBE_TMPL_ESCALATED',
  resolved: 'SUBSCRIBE_TMPL_RESOLVED'
}

/** The subscribeMessage.send request for a nudge, or undefined when no template is set for its kind. */
export function subscribeRequest(n: Nudge, env: Record<string, string | undefined>) {
  const templateId = env[KIND_ENV[n.kind] ?? '']
  if (!templateId) return undefined
  const t = new Date(n.at + 8 * 3600_000).toISOString()
  return {
    touser: n.openid,
    templateId,
    page: n.page,
    miniprogramState: env.SUBSCRIBE_STATE ?? 'formal',
    lang: 'zh_CN',
    data: {
      // thing: at most 20 characters
      thing1: { value: n.title.length > 20 ? `${n.title.slice(0, 19)}…` : n.title },
      time2: { value: `${t.slice(0, 10)} ${t.slice(11, 16)}` }
    }
  }
}
