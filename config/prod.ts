import type { UserConfigExport } from '@tarojs/cli'

export default {
  // Taro minifies the mini program with terser's ascii_only, which writes every Chinese
  // character as a 6-byte \uXXXX escape (3 bytes in UTF-8). WeChat reads package files as
  // UTF-8 (Taro's own unminified dev builds ship the characters as they are), so the
  // production build keeps them: about 8 KB less in the main package.
  terser: { enable: true, config: { output: { ascii_only: false } } },
  mini: {},
  h5: {}
} satisfies UserConfigExport<'webpack5'>
