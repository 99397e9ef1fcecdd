import Taro from '@tarojs/taro'
import { isWeapp } from './env'

/**
 * A picture drawn on a canvas and shared as an image. In the mini program the canvas is the
 * page's `<Canvas type="2d" id=…>` (its node, sized in pixels here), saved with
 * canvasToTempFilePath and offered with wx.showShareImageMenu (send to a chat, save, collect; base
 * library 2.14.3+, not a privacy-guide API). In H5 an off-screen HTML canvas gives a PNG data URL,
 * which the person downloads. The drawing itself is the caller's (`draw` gets the 2D context).
 */
export async function renderPicture(
  canvasId: string,
  width: number,
  height: number,
  draw: (ctx: never) => void
): Promise<string> {
  if (isWeapp) {
    const node = await new Promise<Taro.Canvas>((resolve, reject) => {
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: Taro.Canvas }[] | null) => {
          const n = res?.[0]?.node
          if (n) resolve(n)
          else reject(new Error('画布还没有准备好，请稍后再试'))
        })
    })
    node.width = width
    node.height = height
    draw(node.getContext('2d') as never)
    const r = await Taro.canvasToTempFilePath({
      canvas: node,
      x: 0,
      y: 0,
      width,
      height,
      destWidth: width,
      destHeight: height,
      fileType: 'png'
    })
    return r.tempFilePath
  }
  const c = document.createElement('canvas')
  c.width = width
  c.height = height
  const ctx = c.getContext('2d')
  if (!ctx) throw new Error('浏览器不支持画图')
  draw(ctx as never)
  return c.toDataURL('image/png')
}

/**
 * Offers the picture: WeChat's share-image menu (no mini-program entrance on the message, which
 * WeChat allows only some categories and otherwise fails with `forbidden`), or a PNG download.
 */
export async function sharePicture(src: string, filename: string): Promise<void> {
  if (isWeapp) {
    await Taro.showShareImageMenu({ path: src, needShowEntrance: false } as Taro.showShareImageMenu.Option)
    return
  }
  const a = document.createElement('a')
  a.href = src
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
}
