// babel-preset-taro: React + TypeScript for both weapp and H5 builds.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]]
}
