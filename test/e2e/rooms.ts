/**
 * The room keys (src/components/RoomPicker) in e2e tests: a room picked by its visible keys,
 * building, unit and room, one tap each (a row of one key is chosen already and not tapped).
 */
import type { Page } from 'playwright-core'

/** The key `text` in the row titled 楼栋 / 单元 / 房号 on screen. */
export function roomKey(page: Page, row: '楼栋' | '单元' | '房号', text: string) {
  return page
    .locator('.room-keys-row', { hasText: row })
    .filter({ visible: true })
    .locator('.room-key', { hasText: new RegExp(`^${text}$`) })
}

/** Taps 1-1-101 (or 5-101 without units); answers how many taps it took. */
export async function pickRoom(page: Page, building: string, unit: string, no: string): Promise<number> {
  let taps = 0
  for (const [row, text] of [
    ['楼栋', building],
    ['单元', unit],
    ['房号', no]
  ] as const) {
    if (!text) continue
    const key = roomKey(page, row, text)
    await key.first().waitFor()
    if ((await key.first().getAttribute('class'))?.includes('room-key-on')) continue
    await key.first().click()
    taps++
  }
  await page
    .getByText(`房号 ${unit ? `${building}-${unit}-${no}` : `${building}-${no}`}`)
    .filter({ visible: true })
    .waitFor()
  return taps
}
