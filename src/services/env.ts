export const isWeapp = process.env.TARO_ENV === 'weapp'

/** Cloud calls only on weapp with a configured env; everything else speaks HTTP. */
export const useCloud = isWeapp && !!CLOUD_ENV
