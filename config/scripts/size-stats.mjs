// Preloaded into `taro build` by `npm run size -- --modules` (NODE_OPTIONS=--import): when webpack
// is done, writes every chunk's modules (with the parts of concatenated modules and their source
// sizes) to SIZE_STATS, so size.mjs can say which module each byte of the output belongs to.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const Compiler = createRequire(import.meta.url)('webpack/lib/Compiler')
const compile = Compiler.prototype.compile
const tapped = new WeakSet()
Compiler.prototype.compile = function (callback) {
  if (!tapped.has(this)) {
    tapped.add(this)
    this.hooks.done.tap('size-stats', (stats) => {
      const c = stats.compilation
      const chunks = []
      for (const chunk of c.chunks) {
        const mods = []
        for (const m of c.chunkGraph.getChunkModulesIterable(chunk)) {
          const inner = m.modules ? [...m.modules] : [m]
          mods.push({
            id: c.chunkGraph.getModuleId(m),
            parts: inner.map((x) => ({ name: x.readableIdentifier(c.requestShortener), size: x.size() }))
          })
        }
        chunks.push({ name: chunk.name, files: [...chunk.files], mods })
      }
      writeFileSync(process.env.SIZE_STATS, JSON.stringify(chunks))
    })
  }
  return compile.call(this, callback)
}
