import { weappApiBaseProblem } from '../../../config/apiBase'

describe('weapp build: HTTP mode needs an absolute HTTPS API base', () => {
  const weapp = (env: Record<string, string>) =>
    weappApiBaseProblem({ TARO_ENV: 'weapp', NODE_ENV: 'production', ...env })

  it('refuses a missing, relative, http or malformed base in a production build', () => {
    for (const base of [
      '',
      '/api',
      'api.example.com',
      'http://api.example.com',
      'https://api.example.com/',
      'https://x.com?a=1',
      'ftp://x.com'
    ])
      expect([base, weapp({ TARO_APP_API_BASE: base })]).toEqual([
        base,
        expect.stringContaining('weapp build refused')
      ])
    expect(weappApiBaseProblem({ TARO_ENV: 'weapp', NODE_ENV: 'production' })).toMatch(/got ""/)
  })

  it('accepts an HTTPS origin, with or without a path', () => {
    expect(weapp({ TARO_APP_API_BASE: 'https://api.example.com' })).toBeUndefined()
    expect(weapp({ TARO_APP_API_BASE: 'https://example.com/gwt' })).toBeUndefined()
  })

  it('lets a development build use http for DevTools, and does not apply to cloud mode or H5', () => {
    expect(weapp({ NODE_ENV: 'development', TARO_APP_API_BASE: 'http://127.0.0.1:8620' })).toBeUndefined()
    expect(weapp({ NODE_ENV: 'development', TARO_APP_API_BASE: '/api' })).toBeDefined()
    expect(weapp({ TARO_APP_CLOUD_ENV: 'prod-1a2b' })).toBeUndefined()
    expect(weappApiBaseProblem({ TARO_ENV: 'h5', TARO_APP_API_BASE: '' })).toBeUndefined()
  })
})
