// `npm run cloud:indexes`: creates the CloudBase collections and indexes listed in
// dist/cloudfunctions/indexes.json (written by `npm run build:cloud` from schema.ts).
//
// With WX_APPID, WX_SECRET and CLOUD_ENV set it calls WeChat's server APIs:
//   GET  /cgi-bin/token?grant_type=client_credential      (access token)
//   POST /tcb/databasecollectionadd  { env, collection_name }
//   POST /tcb/updateindex            { env, collection_name, create_indexes, drop_indexes: [] }
// (developers.weixin.qq.com → 云开发 → HTTP API → 数据库: databaseCollectionAdd, updateIndex).
// The calling machine's IP must be in the mini program's IP allow-list (开发管理 → 开发设置 →
// IP白名单) for the access token. Without the variables it prints the console steps instead.
/* global fetch */
import { existsSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const file = resolve(root, process.env.CLOUD_OUT ?? 'dist/cloudfunctions', 'indexes.json')
if (!existsSync(file))
  execFileSync(process.execPath, [resolve(root, 'config/scripts/build-cloud.mjs')], { stdio: 'inherit' })
const manifest = JSON.parse(readFileSync(file, 'utf8'))

const { WX_APPID: appid, WX_SECRET: secret } = process.env
const env = process.env.CLOUD_ENV ?? process.env.TARO_APP_CLOUD_ENV
const base = (process.env.WX_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/$/, '')

function printSteps() {
  console.log('WX_APPID, WX_SECRET and CLOUD_ENV are not all set: create these by hand in the console.')
  console.log(
    '云开发控制台 → 数据库 → 集合名称 ＋ (create each collection), then the collection → 索引管理 → 添加索引:'
  )
  console.log('index name, 非唯一, each field 升序, in this order:\n')
  for (const c of manifest.collections) {
    console.log(`${c.collection_name}`)
    for (const ix of c.create_indexes)
      console.log(`  ${ix.name}: ${ix.keys.map((k) => `${k.name} 升序`).join(', ')}`)
  }
}

async function post(path, token, body) {
  const r = await fetch(`${base}${path}?access_token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  return r.json()
}

async function apply() {
  const t = await (
    await fetch(
      `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appid)}&secret=${encodeURIComponent(secret)}`
    )
  ).json()
  if (!t.access_token) throw new Error(`access token refused: ${t.errcode} ${t.errmsg}`)
  let failed = 0
  for (const c of manifest.collections) {
    const made = await post('/tcb/databasecollectionadd', t.access_token, {
      env,
      collection_name: c.collection_name
    })
    // an existing collection answers with a database error code: reported, not fatal
    console.log(
      `${c.collection_name}: collection ${made.errcode === 0 ? 'created' : `not created (${made.errcode} ${made.errmsg}; it may exist already)`}`
    )
    for (const ix of c.create_indexes) {
      const r = await post('/tcb/updateindex', t.access_token, {
        env,
        collection_name: c.collection_name,
        create_indexes: [ix],
        drop_indexes: []
      })
      if (r.errcode === 0) console.log(`  ${ix.name}: created`)
      else {
        failed++
        console.log(
          `  ${ix.name}: ${r.errcode} ${r.errmsg} (an index that exists already is refused; check 索引管理)`
        )
      }
    }
  }
  if (failed) console.log(`${failed} index request(s) refused: see above.`)
}

if (!appid || !secret || !env) printSteps()
else
  await apply().catch((e) => {
    console.error(String(e?.message ?? e))
    process.exit(1)
  })
