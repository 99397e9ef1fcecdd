// babel-preset-taro: React + TypeScript for both weapp and H5 builds.
//
// The mini program targets WeChat's compatibility baseline for base library 2.20.2 and later:
// iOS 11 (JavaScriptCore of iOS 11) and Chrome 66 (Android's XWeb/V8). Both run ES2017 syntax
// (async/await, classes, spread in calls and arrays); iOS 11.0 lacks object rest/spread,
// async iteration and the ES2018 RegExp features, so everything newer is transpiled. Taro's
// own packages and the node_modules listed in config/index.ts (mini.compile.include) go
// through this config too. H5 keeps package.json's browserslist.
const WEAPP_TARGETS = { ios: '11', chrome: '66' }

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: false,
        ...(process.env.TARO_ENV === 'weapp' ? { targets: WEAPP_TARGETS } : {})
      }
    ]
  ]
}
