// Builds the mini program (production, HTTP mode against an absolute HTTPS base that the
// runtime test maps to the local server) when it is missing or older than the sources,
// once per run. WEAPP_DIR chooses the folder (default dist/weapp-test).
const { buildIfStale } = require('../kit/build-if-stale')

const WEAPP_API_BASE = 'https://api.gangweitong.test'
module.exports = async () => {
  const out = process.env.WEAPP_DIR ?? 'dist/weapp-test'
  process.env.WEAPP_DIR = out
  process.env.WEAPP_API_BASE = WEAPP_API_BASE
  buildIfStale({
    type: 'weapp',
    out,
    marker: 'app.json',
    also: ['package.json'],
    what: 'the mini program for the weapp tests',
    maxBuffer: 64 * 1024 * 1024,
    env: { TARO_ENV: 'weapp', TARO_APP_API_BASE: WEAPP_API_BASE }
  })
}
