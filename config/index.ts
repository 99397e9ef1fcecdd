import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import webpack from 'webpack'

const { LimitChunkCountPlugin } = webpack.optimize

/**
 * Taro build config. Output goes to dist/<platform> so the weapp and H5 builds never
 * overwrite each other; WeChat DevTools opens the repository root (project.config.json
 * points miniprogramRoot at dist/weapp/).
 */
export default defineConfig<'webpack5'>(async (merge) => {
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
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      optimizeMainPackage: { enable: true }
    },
    h5: {
      // One script bundle: once the page is open, every screen works with no network
      // (offline-first), instead of fetching each page's chunk on first visit.
      webpackChain(chain) {
        chain.plugin('single-chunk').use(LimitChunkCountPlugin, [{ maxChunks: 1 }])
        chain.performance.hints(false)
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    }
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
