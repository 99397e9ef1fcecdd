/** Jest: domain and store unit tests, and every cloud action against real SQLite. */
const tsJest = [
  'ts-jest',
  { diagnostics: false, tsconfig: { isolatedModules: true, module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', esModuleInterop: true } }
]
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest, '^.+\\.m?js$': tsJest },
  transformIgnorePatterns: ['/node_modules/(?!(valibot)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json']
}
module.exports = {
  cacheDirectory: '<rootDir>/.jest-cache',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'cloud', testMatch: ['<rootDir>/test/cloud/**/*.test.ts'] },
    {
      // the same cloud suites, stored through the real wx-server-sdk on the CloudBase test engine
      ...base,
      displayName: 'cloudbase',
      testMatch: ['<rootDir>/test/cloud/**/*.test.ts', '<rootDir>/test/cloudbase/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/cloudbase/setup-env.js'],
      setupFilesAfterEnv: ['<rootDir>/test/cloudbase/setup-timeout.js']
    },
    {
      ...base,
      displayName: 'weapp',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      globalSetup: '<rootDir>/test/weapp/global-setup.js'
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.js',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/setup.ts']
    }
  ]
}
