/**
 * The supervisor's form for a checkpoint's NFC anti-forgery keys (NTAG 424 DNA SUN): two AES-128
 * keys of 32 hex digits each, SDMMetaReadKey and SDMFileReadKey, checked as the contract checks
 * them (domain/contract/patrol.ts: patrol.checkpointSunKey) before anything is sent. The keys are
 * written only: the server never gives them back, the point only says whether it has them.
 */

export interface SunKeyForm {
  meta: string
  file: string
}

export const EMPTY_SUN_KEY_FORM: SunKeyForm = { meta: '', file: '' }

/** What a person may paste: spaces, colons and dashes between bytes are dropped, letters in capitals. */
export function normalizeSunKey(text: string): string {
  return text.replace(/[\s:-]/g, '').toUpperCase()
}

const KEY = /^[0-9A-F]{32}$/

function keyProblem(text: string): string | undefined {
  const k = normalizeSunKey(text)
  if (!k) return '请填写密钥'
  if (/[^0-9A-F]/.test(k)) return '只能有 0-9 和 A-F'
  if (!KEY.test(k)) return `应为32位十六进制密钥（现在 ${k.length} 位）`
  return undefined
}

/** Why the form cannot be sent, by the contract's field names; empty when both keys are right. */
export function sunKeyProblems(f: SunKeyForm): { sunMetaKey?: string; sunFileKey?: string } {
  const meta = keyProblem(f.meta)
  const file = keyProblem(f.file)
  return { ...(meta ? { sunMetaKey: meta } : {}), ...(file ? { sunFileKey: file } : {}) }
}

/** The input of patrol.checkpointSunKey for a form with no problems. */
export function sunKeyInput(
  id: string,
  f: SunKeyForm
): { id: string; sunMetaKey: string; sunFileKey: string } {
  return { id, sunMetaKey: normalizeSunKey(f.meta), sunFileKey: normalizeSunKey(f.file) }
}

/** The point's line: whether it has keys, never the keys. */
export function sunKeyStatus(signedTag: boolean | undefined): string {
  return signedTag ? '防伪密钥已设置' : '防伪密钥未设置'
}
