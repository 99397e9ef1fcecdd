import Taro from '@tarojs/taro'
import { isWeapp } from './env'

/**
 * Hands a text file to the person: a download on H5; in the mini program the file is written
 * to the user data folder and shared to a chat (where it opens in Excel or WPS).
 */
export async function exportText(
  filename: string,
  text: string,
  mime = 'text/csv;charset=utf-8'
): Promise<void> {
  if (isWeapp) {
    const fs = Taro.getFileSystemManager()
    const path = `${Taro.env.USER_DATA_PATH}/${filename.replace(/[\\/:*?"<>|]/g, '_')}`
    fs.writeFileSync(path, text, 'utf8')
    await Taro.shareFileMessage({ filePath: path, fileName: filename })
    return
  }
  const blob = new Blob([text], { type: mime })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Hands a binary file the server made (base64, e.g. an .xlsx) to the person, as exportText does:
 * a download on H5, a file shared to a chat in the mini program.
 */
export async function exportBase64(filename: string, data: string, mime: string): Promise<void> {
  if (isWeapp) {
    const fs = Taro.getFileSystemManager()
    const path = `${Taro.env.USER_DATA_PATH}/${filename.replace(/[\\/:*?"<>|]/g, '_')}`
    fs.writeFileSync(path, data, 'base64')
    await Taro.shareFileMessage({ filePath: path, fileName: filename })
    return
  }
  const bin = atob(data)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
