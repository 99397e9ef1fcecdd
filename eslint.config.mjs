// ESLint flat config. The one architectural rule that matters most: only src/services/
// talks to the platform (`@tarojs/taro` APIs); pages may use Taro's lifecycle hooks and types.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const TARO_HOOKS = [
  'useLoad',
  'useDidShow',
  'useDidHide',
  'usePullDownRefresh',
  'useReachBottom',
  'useRouter',
  'useReady',
  'useUnload',
  'useLaunch',
  'usePageScroll',
  'useShareAppMessage'
]

// On weapp Taro keeps only a page module's default export: anything else imported from another
// page's `index` is undefined there (React error #130). Shared components live in src/components.
const PAGE_MODULE_IMPORTS = [
  {
    regex: '^(?!.*(^|/)(components|domain|stores|services|styles|cloud)/).*(^|/)index(\\.[jt]sx?)?$',
    message:
      '不要从页面模块（pages/**/index）导入：小程序里页面模块只保留默认导出。共用组件放到 src/components/<Name>/。'
  },
  {
    regex: '^(\\.\\.?/)*\\.\\.?/?$',
    message: '不要从页面目录（其 index）导入；共用组件放到 src/components/<Name>/。'
  }
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.jest-cache/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }]
    }
  },
  {
    // Pages, components and stores reach the platform only through src/services.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/services/**', 'src/app.ts', 'src/app.config.ts', 'src/**/*.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tarojs/taro',
              allowImportNames: TARO_HOOKS,
              allowTypeImports: true,
              message: '平台 API 只能在 src/services/ 中调用（页面只可使用生命周期 hook 与类型）。'
            }
          ],
          patterns: PAGE_MODULE_IMPORTS
        }
      ]
    }
  },
  {
    // The domain is pure: no Taro, no React, no Node, no I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@tarojs/*',
                'react',
                'mobx*',
                'node:*',
                'fs',
                'path',
                'better-sqlite3',
                'wx-server-sdk'
              ],
              message: 'src/domain 必须是纯 TypeScript。'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['config/**/*.{js,mjs,ts}', 'test/**/*.{js,ts}', '*.{js,mjs}', 'src/cloud/**/*.ts'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly'
      }
    },
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' }
  }
)
