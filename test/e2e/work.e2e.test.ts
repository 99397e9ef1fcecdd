import { startApp, signInDemo, field, type App, until, tap } from './app'
import type { Incident, Task } from '../../src/domain/work/model'

type Doc<T> = T & { [k: string]: unknown }
let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

// the smallest valid JPEG: what a phone camera hands over, as far as the server can tell
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
  'base64'
)

describe('报事 and 任务: one loop', () => {
  it('a guard reports a leak offline in two taps; the engineer fixes it with a photo; the guard sees it resolved', async () => {
    const guard = await app.phone()
    await signInDemo(guard.page, '张卫国 · 门岗')
    await guard.context.setOffline(true)
    await tap(guard.page, '一键报事') // tap 1
    await tap(guard.page, '漏水') // tap 2: recorded
    await guard.page.getByText('已记录：💧 漏水').filter({ visible: true }).waitFor()
    // a second tap right after is the same report
    await tap(guard.page, '完成')
    await guard.page
      .getByText('我报的事')
      .filter({ visible: true })
      .waitFor()
      .catch(() => undefined)
    await guard.context.setOffline(false)
    const incident = await until(
      'the report on the server',
      async () =>
        (
          await app.server.runtime.store.find<Doc<Incident>>('incidents', {
            where: { reporterId: 'demo-guard' }
          })
        ).items[0]
    )
    expect(incident).toMatchObject({ category: 'leak', status: 'assigned', dept: 'engineering' })
    expect(await app.server.runtime.store.count('incidents')).toBe(1)

    const eng = await app.phone()
    await signInDemo(eng.page, '钱工 · 工程')
    await tap(eng.page, '今日任务与报事处理')
    const card = eng.page.locator('.task', { hasText: '漏水' }).filter({ visible: true }).first()
    await card.waitFor()
    await card.getByText('抢单', { exact: true }).click()
    await card.getByText('完成……', { exact: true }).click()
    const [chooser] = await Promise.all([
      eng.page.waitForEvent('filechooser'),
      card.getByText('拍完成后的照片（必须）', { exact: true }).click()
    ])
    await chooser.setFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: JPEG })
    await card.getByText('再拍一张（已拍 1 张）', { exact: true }).waitFor()
    await card.locator('input[placeholder="处理说明"]').fill('已更换漏水的水管接头')
    await card.getByText('确认完成', { exact: true }).click()
    const task = await until('the task done on the server', async () => {
      const t = await app.server.runtime.store.get<Doc<Task>>('tasks', incident.taskId)
      return t?.status === 'done' ? t : undefined
    })
    expect(task).toMatchObject({ assigneeName: '钱工', completionNote: '已更换漏水的水管接头' })
    expect(task.completionPhotoIds).toHaveLength(1)
    // the photo itself reaches the server too
    await until(
      'the photo on the server',
      async () => (await app.server.runtime.store.get('files', task.completionPhotoIds![0])) ?? undefined
    )

    await guard.page.reload()
    await tap(guard.page, '一键报事')
    const row = guard.page.locator('.rep-row', { hasText: '漏水' }).filter({ visible: true }).first()
    await row.getByText('已处理 · 钱工').waitFor()
    expect(await row.textContent()).toContain('处理说明：已更换漏水的水管接头')
    await row.locator('img').first().waitFor()
    await guard.context.close()
    await eng.context.close()
  })

  it('a supervisor gives a cleaner a task; the cleaner accepts, ticks the checklist and completes it', async () => {
    const sup = await app.phone()
    await signInDemo(sup.page, '周主管 · 主管')
    await sup.page.locator('.area-title', { hasText: /^主管$/ }).click()
    await tap(sup.page, '报事与任务')
    await field(sup.page, '任务，如 1栋大堂保洁').fill('2栋大堂保洁')
    await field(sup.page, '检查项，用逗号分开（可不填）').fill('地面，玻璃门')
    await tap(sup.page, '赵洁·保洁')
    await tap(sup.page, '派出')
    const t = await until(
      'the task on the server',
      async () =>
        (await app.server.runtime.store.find<Doc<Task>>('tasks', { where: { title: '2栋大堂保洁' } }))
          .items[0]
    )
    expect(t).toMatchObject({
      status: 'assigned',
      assigneeName: '赵洁',
      checklist: [
        { label: '地面', done: false },
        { label: '玻璃门', done: false }
      ]
    })

    const cl = await app.phone()
    await signInDemo(cl.page, '赵洁 · 保洁')
    await cl.page.getByText('新消息 1').filter({ visible: true }).waitFor()
    await tap(cl.page, '新任务：2栋大堂保洁')
    const card = cl.page.locator('.task', { hasText: '2栋大堂保洁' }).filter({ visible: true }).first()
    await card.getByText('接单', { exact: true }).click()
    await card.getByText('开始', { exact: true }).click()
    await card.getByText('☐ 地面', { exact: true }).click()
    await card.getByText('☐ 玻璃门', { exact: true }).click()
    await card.getByText('完成……', { exact: true }).click()
    await card.getByText('确认完成', { exact: true }).click()
    await until(
      'the task done',
      async () => (await app.server.runtime.store.get<Doc<Task>>('tasks', t._id))?.status === 'done'
    )
    const done = (await app.server.runtime.store.get<Doc<Task>>('tasks', t._id))!
    expect(done.checklist.every((c) => c.done)).toBe(true)

    // the supervisor accepts it
    await sup.page.reload()
    const review = sup.page
      .locator('.sup-row', { hasText: '2栋大堂保洁 · 赵洁' })
      .filter({ visible: true })
      .first()
    await review.getByText('验收通过', { exact: true }).click()
    await until(
      'closed',
      async () => (await app.server.runtime.store.get<Doc<Task>>('tasks', t._id))?.status === 'closed'
    )
    await sup.context.close()
    await cl.context.close()
  })
})
