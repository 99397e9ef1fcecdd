import Taro from '@tarojs/taro'
import { isWeapp } from './env'

/** A spreadsheet the person picked, as the import actions take it: its name and its bytes in base64. */
export interface PickedSheet {
  name: string
  data: string
  size: number
}

function base64(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)))
  return btoa(bin)
}

/**
 * Lets the person pick an .xlsx or .csv: in the mini program from a WeChat chat (where the
 * company's file was sent), on H5 from the computer. Undefined when they cancel.
 */
export async function pickSheet(): Promise<PickedSheet | undefined> {
  if (isWeapp) {
    try {
      const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
      const f = r.tempFiles[0]
      if (!f) return undefined
      const data = Taro.getFileSystemManager().readFileSync(f.path, 'base64') as string
      return { name: f.name, data, size: f.size }
    } catch {
      return undefined
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv'
    input.style.display = 'none'
    input.onchange = async () => {
      const f = input.files?.[0]
      input.remove()
      if (!f) return resolve(undefined)
      resolve({ name: f.name, data: base64(new Uint8Array(await f.arrayBuffer())), size: f.size })
    }
    document.body.appendChild(input)
    input.click()
  })
}
