import Taro from '@tarojs/taro'

/** Network status and app foreground events, for the outbox. */
export const network = {
  /** Calls back with true when the network comes back, false when it goes. */
  onChange(cb: (online: boolean) => void): void {
    try {
      Taro.onNetworkStatusChange((r) => cb(r.isConnected))
    } catch {
      // not available on this platform: the browser events below cover H5
    }
    if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
      window.addEventListener('online', () => cb(true))
      window.addEventListener('offline', () => cb(false))
    }
  },
  /** The app came back to the foreground. */
  onForeground(cb: () => void): void {
    try {
      Taro.onAppShow(() => cb())
    } catch {
      // H5: visibility below
    }
    if (typeof document !== 'undefined' && typeof document.addEventListener === 'function')
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') cb()
      })
  }
}
