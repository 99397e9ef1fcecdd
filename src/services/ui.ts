import Taro from '@tarojs/taro'

/** Navigation and feedback: pages call these, never Taro directly. */
export const ui = {
  go(url: string) {
    return Taro.navigateTo({ url })
  },
  back() {
    return Taro.navigateBack()
  },
  /**
   * H5's back control: back a page, or to 工作台 when there is none (a page opened by its
   * address or reloaded). The mini program has WeChat's own back arrow (the test folds away there).
   */
  backOrHome() {
    return process.env.TARO_ENV === 'h5' && Taro.getCurrentPages().length <= 1
      ? Taro.switchTab({ url: '/pages/home/index' })
      : Taro.navigateBack()
  },
  tab(url: string) {
    return Taro.switchTab({ url })
  },
  relaunch(url: string) {
    return Taro.reLaunch({ url })
  },
  toast(title: string, kind: 'success' | 'error' | 'none' = 'none') {
    return Taro.showToast({ title, icon: kind, duration: kind === 'none' ? 2500 : 1500 })
  },
  async confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
    const r = await Taro.showModal({ title, content, confirmText, cancelText: '取消' })
    return r.confirm
  },
  /** Scrolls the page so the element is at the top (a form that opened below the fold). */
  scrollTo(selector: string) {
    return Taro.pageScrollTo({ selector, duration: 200 })
  },
  setClipboard(data: string) {
    return Taro.setClipboardData({ data })
  },
  /** The phone's dialler with this number (the person still taps call). */
  call(phoneNumber: string) {
    return Taro.makePhoneCall({ phoneNumber })
  },
  /** A design size (750-wide rpx) as the platform's unit, for inline styles (H5 does not convert rpx there). */
  px(n: number): string {
    return Taro.pxTransform(n)
  },
  title(title: string) {
    return Taro.setNavigationBarTitle({ title })
  }
}
