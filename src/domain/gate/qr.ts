/**
 * What the QR codes on passes carry: a short tag and the six-digit code, so a code read by
 * the camera and one typed by the guard go through the same lookup.
 */
export type QrKind = 'visitorPass' | 'goodsSlip'
const TAGS: Record<QrKind, string> = { visitorPass: 'GWT-P', goodsSlip: 'GWT-G' }

export function qrText(kind: QrKind, code: string): string {
  return `${TAGS[kind]}:${code}`
}

/** The six-digit code from a scanned text (ours, or a bare code); undefined when it is neither. */
export function parseQr(text: string, expect: QrKind): { code: string } | { problem: string } {
  const t = text.trim()
  if (/^\d{6}$/.test(t)) return { code: t }
  const m = /^(GWT-[PG]):(\d{6})$/.exec(t)
  if (!m) return { problem: '这不是本系统的通行码' }
  if (m[1] !== TAGS[expect])
    return {
      problem:
        expect === 'visitorPass' ? '这是物品放行条的码，不是访客通行证' : '这是访客通行证的码，不是物品放行条'
    }
  return { code: m[2] }
}
