import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import webpack from 'webpack'
import { weappApiBaseProblem } from './apiBase'
import { H5ShellPlugin } from './h5Shell'

const { LimitChunkCountPlugin } = webpack.optimize

/**
 * node_modules shipped in the mini program whose published code uses syntax newer than
 * WeChat's compatibility target (ES2017: iOS 11, Chrome 66; see babel.config.js): they go
 * through Babel like our own code. test/weapp/syntax.test.ts fails when one is missing.
 */
export const WEAPP_TRANSPILE = ['valibot', 'mobx', 'mobx-react-lite', 'qrcode-generator', 'dayjs']
const transpiled = new RegExp(
  `[\\\\/]node_modules[\\\\/](${WEAPP_TRANSPILE.map((m) => m.replace('/', '[\\\\/]')).join('|')})[\\\\/]`
)

export default defineConfig<'webpack5'>(async (merge) => {
  const apiProblem = weappApiBaseProblem(process.env)
  if (apiProblem) throw new Error(apiProblem)
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gangweitong',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUT lets two builds (e.g. parallel e2e work) use separate folders
    outputRoot: process.env.TARO_OUT ?? `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // A CloudBase env id turns on Taro.cloud on weapp; without it the app talks HTTP.
      CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      SUBSCRIBE_TMPLS: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TMPLS ?? '')
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' }
        }
      },
      optimizeMainPackage: { enable: true },
      compile: { include: [(file: string) => transpiled.test(file)] },
      webpackChain(chain) {
        // mobx 7 reads `globalThis` at load; iOS 11's JavaScriptCore has none (WeChat's
        // core-js polyfill may add it, but we do not depend on that).
        chain
          .plugin('global-this')
          .use(webpack.ProvidePlugin, [{ globalThis: require.resolve('./globalThis.js') }])
      }
    },
    h5: {
      // One script bundle: once the page is open, every screen works with no network
      // (offline-first), instead of fetching each page's chunk on first visit.
      webpackChain(chain) {
        chain.plugin('single-chunk').use(LimitChunkCountPlugin, [{ maxChunks: 1 }])
        chain.performance.hints(false)
        // production builds: the offline app shell (sw.js) and .br/.gz copies (config/h5Shell.ts)
        if (process.env.NODE_ENV !== 'development') chain.plugin('h5-shell').use(H5ShellPlugin)
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' }
        }
      }
    }
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
