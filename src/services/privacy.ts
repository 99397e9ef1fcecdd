import Taro from '@tarojs/taro'
import { isWeapp } from './env'

type Resolve = (r: { event: 'agree' | 'disagree'; buttonId?: string }) => void

/**
 * WeChat asks the app to show its privacy guide before the first personal-data API
 * (scanCode, chooseMedia, getLocation ...). The pending resolve is kept until the person taps
 * 同意 (a button with open-type="agreePrivacyAuthorization") or 拒绝.
 */
let pending: Resolve | undefined
const listeners = new Set<(open: boolean) => void>()

export const privacy = {
  install() {
    if (!isWeapp || !Taro.onNeedPrivacyAuthorization) return
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending = resolve as Resolve
      listeners.forEach((l) => l(true))
    })
  },
  subscribe(l: (open: boolean) => void) {
    listeners.add(l)
    return () => listeners.delete(l)
  },
  agreed() {
    pending?.({ event: 'agree', buttonId: 'privacy-agree' })
    pending = undefined
    listeners.forEach((l) => l(false))
  },
  refused() {
    pending?.({ event: 'disagree' })
    pending = undefined
    listeners.forEach((l) => l(false))
  },
  /**
   * True when WeChat would stop the next personal-data API to show the privacy guide. Reads
   * made without the person asking (the home page finding where it is as it shows) skip then:
   * a page without the dialog would leave the request pending.
   */
  async needsConsent(): Promise<boolean> {
    if (!isWeapp || !Taro.getPrivacySetting) return false
    try {
      const r = (await Taro.getPrivacySetting({})) as unknown as { needAuthorization?: boolean }
      return r.needAuthorization === true
    } catch {
      return true
    }
  },
  openContract() {
    if (isWeapp && Taro.openPrivacyContract) void Taro.openPrivacyContract({})
  }
}
