// `npm run setup`: the first estate and admin of a production data folder (DATA_DIR, default .data),
// then prints the admin's one-time bind code. Flags (else asked at a terminal):
//   --company 利海物业 --estate 翠湖花园 --address 滨湖路88号 --name 吴经理 --phone 13800000008
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join, resolve } from 'node:path'
import { buildServer } from './build-server.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
await buildServer()
const child = spawn(
  process.execPath,
  [join(root, 'dist/server/main.js'), 'setup', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DEMO: '0' }
  }
)
child.on('exit', (code) => process.exit(code ?? 1))
