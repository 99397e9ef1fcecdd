/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

/** Injected by config/index.ts defineConstants. */
declare const CLOUD_ENV: string
declare const API_BASE: string
/** WeChat subscribe-message template ids, comma separated (TARO_APP_SUBSCRIBE_TMPLS) */
declare const SUBSCRIBE_TMPLS: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_CLOUD_ENV?: string
    TARO_APP_API_BASE?: string
  }
}
