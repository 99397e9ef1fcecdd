/**
 * HTTP mode (no cloud env) on weapp: WeChat sends requests only to absolute HTTPS URLs on the
 * request/uploadFile legal domains of the account, so a relative or http:// base builds a mini
 * program that cannot reach its server. A production build refuses it; a development (watch)
 * build may use http:// for DevTools with "不校验合法域名" on.
 */
export function weappApiBaseProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (env.TARO_ENV !== 'weapp' || env.TARO_APP_CLOUD_ENV) return undefined
  const base = env.TARO_APP_API_BASE ?? ''
  let url: URL | undefined
  try {
    url = new URL(base)
  } catch {
    url = undefined
  }
  const okProtocol =
    url?.protocol === 'https:' || (env.NODE_ENV === 'development' && url?.protocol === 'http:')
  if (!url || !okProtocol || url.search || url.hash || base.endsWith('/'))
    return (
      'weapp build refused: without TARO_APP_CLOUD_ENV the mini program talks HTTP and needs ' +
      'TARO_APP_API_BASE=https://<host>[/<path>] (absolute HTTPS, no trailing slash, its host listed as a request and ' +
      `uploadFile legal domain); got ${JSON.stringify(base)}`
    )
  return undefined
}
