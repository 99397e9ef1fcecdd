import { randomBytes } from 'node:crypto'
import { createInterface } from 'node:readline/promises'
import { startServer, type ServerOptions } from './server'
import type { SetupOut } from '../../domain/contract'
import { localClock, localDate } from '../../domain/time'

/**
 * `npm start`: the local runtime (127.0.0.1 unless `HOST`). `npm run setup`: the first estate
 * and admin of a production data folder, printing the admin's bind code.
 */
function options(): ServerOptions {
  return {
    port: Number(process.env.PORT ?? 8620),
    host: process.env.HOST || undefined,
    hosts: (process.env.HOSTS ?? '').split(',').filter(Boolean),
    trustProxy: process.env.TRUST_PROXY === '1',
    dataDir: process.env.DATA_DIR ?? '.data',
    h5Dir: process.env.H5_DIR ?? 'dist/h5',
    demo: process.env.DEMO !== '0',
    removeDemo: process.argv.includes('--remove-demo') || process.env.REMOVE_DEMO === '1',
    wx:
      process.env.WX_APPID && process.env.WX_SECRET
        ? { appid: process.env.WX_APPID, secret: process.env.WX_SECRET }
        : undefined
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  try {
    return (await rl.question(question)).trim()
  } finally {
    rl.close()
  }
}

/** `--name value` from the command line, else asked at a terminal, else missing. */
async function arg(flag: string, question: string, optional = false): Promise<string> {
  const i = process.argv.indexOf(`--${flag}`)
  if (i >= 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1]
  if (process.stdin.isTTY) return ask(question)
  if (optional) return ''
  throw new Error(`缺少 --${flag}`)
}

async function setup(): Promise<number> {
  const input = {
    company: await arg('company', '物业公司名称：'),
    estateName: await arg('estate', '第一个小区名称：'),
    estateAddress: await arg('address', '小区地址（可不填）：', true),
    adminName: await arg('name', '管理员姓名：'),
    adminPhone: await arg('phone', '管理员手机号：')
  }
  // a token of this process only: the setup action's own guard (meta/setup) makes it once
  const setupToken = randomBytes(24).toString('hex')
  const r = await startServer({ ...options(), port: 0, demo: false, quiet: true, setupToken })
  try {
    const env = await r.runtime.call(
      'auth',
      { action: 'auth.setup', input: { ...input, setupToken } },
      { kind: 'none' }
    )
    if (!env.ok) {
      console.error(`设置失败：${env.message}（${env.code}）`)
      return 1
    }
    const out = env.data as SetupOut
    const bc = out.bindCode!
    console.log(`已创建小区「${input.estateName}」和管理员 ${input.adminName}。`)
    console.log(`管理员绑定码：${bc.code}`)
    console.log(
      `在浏览器打开本服务器的地址（npm start 后显示），在登录页「绑定码登录」输入这个码；${localDate(bc.expiresAt)} ${localClock(bc.expiresAt)} 前有效，只能用一次。`
    )
    return 0
  } finally {
    await r.close()
  }
}

async function serve(): Promise<void> {
  const opts = options()
  const r = await startServer(opts)
  console.log(`岗位通已启动：${r.url}`)
  if (r.removedDemo) console.log(`已删除演示数据 ${r.removedDemo} 条。`)
  if (opts.demo)
    console.log('演示模式：打开上面的地址，在登录页点「演示登录」里的任一员工即可（例如 张卫国 · 门岗）。')
  const left = r.demoLeft
  if (left.estate || left.staff > 0) {
    console.log(
      `注意：数据目录里还有演示数据（演示小区${left.estate ? '' : '已删'}，${left.staff} 位演示员工）。生产模式下演示员工和演示登录一律被拒绝。`
    )
    const yes = process.stdin.isTTY && /^y(es)?$/i.test(await ask('现在删除演示数据吗？(y/N) '))
    if (yes) console.log(`已删除演示数据 ${await r.removeDemo()} 条。`)
    else console.log('保留演示数据。要删除：DEMO=0 npm start -- --remove-demo（或 REMOVE_DEMO=1）。')
  }
  const stop = () => void r.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

const run = process.argv[2] === 'setup' ? setup() : serve().then(() => undefined)
run.then(
  (code) => {
    if (typeof code === 'number') process.exit(code)
  },
  (e) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  }
)
