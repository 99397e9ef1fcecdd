import { startServer } from './server'

/** `npm start`: the local runtime on 127.0.0.1. */
async function main() {
  const port = Number(process.env.PORT ?? 8620)
  const demo = process.env.DEMO !== '0'
  const wx =
    process.env.WX_APPID && process.env.WX_SECRET
      ? { appid: process.env.WX_APPID, secret: process.env.WX_SECRET }
      : undefined
  const r = await startServer({
    port,
    dataDir: process.env.DATA_DIR ?? '.data',
    h5Dir: process.env.H5_DIR ?? 'dist/h5',
    demo,
    wx
  })
  console.log(`岗位通已启动：${r.url}`)
  if (demo)
    console.log('演示模式：打开上面的地址，在登录页点「演示登录」里的任一员工即可（例如 张卫国 · 门岗）。')
  const stop = () => void r.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
