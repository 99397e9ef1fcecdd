import Taro from '@tarojs/taro'

/** Key-value storage: wx storage on weapp (10 MB per user, 1 MB per key), localStorage on H5. */
export interface KeyValueStorage {
  get<T>(key: string): T | undefined
  set(key: string, value: unknown): void
  remove(key: string): void
}

export const storage: KeyValueStorage = {
  get<T>(key: string): T | undefined {
    try {
      const v = Taro.getStorageSync(key)
      return v === '' || v === undefined || v === null ? undefined : (v as T)
    } catch {
      return undefined
    }
  },
  set(key, value) {
    Taro.setStorageSync(key, value)
  },
  remove(key) {
    Taro.removeStorageSync(key)
  }
}
