import type { SessionStore } from '../../../../../src/stores/session'
import { makeBackend, type Backend } from '../../../stores/backend'
import { sessionStore } from '../../../../kit/session'
import { StaffAdminStore } from '../../../../../src/pages/supervisor/model/staff'

/** What the H5 login page does with a bind code. */
const codeSignIn = (s: SessionStore, code: string, device?: string) =>
  s.signInWith((api) => api('auth.codeLogin', { code: code.trim(), device }))

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

describe('StaffAdminStore', () => {
  async function admin(staffId = 'demo-supervisor') {
    const { s, api } = sessionStore(b)
    await s.signInDemo(staffId)
    return new StaffAdminStore({ api })
  }

  it('adds a person and gets a bind code; the list shows masked phones', async () => {
    const st = await admin()
    await st.load()
    const n = st.list.length
    st.setField('name', '陈小洁')
    st.setField('phone', '13912345678')
    st.toggleRole('cleaner')
    expect(await st.create()).toBe(true)
    expect(st.created?.bindCode.code).toMatch(/^\w{6,}$/)
    expect(st.list).toHaveLength(n + 1)
    expect(st.form).toEqual({ name: '', phone: '', roles: [] })
    for (const p of st.list) expect(JSON.stringify(p)).not.toMatch(/1[3-9]\d{9}/)
  })

  it('checks the form before sending and marks each bad field', async () => {
    const st = await admin()
    const sent = b.calls.length
    st.setField('name', '')
    st.setField('phone', '12345')
    expect(await st.create()).toBe(false)
    expect(Object.keys(st.fieldErrors).sort()).toEqual(['name', 'phone', 'roles'])
    expect(st.fieldErrors.phone).toContain('手机号')
    expect(b.calls.length).toBe(sent)
    st.setField('phone', '13912345678')
    expect(st.fieldErrors.phone).toBeUndefined()
  })

  it('a guard cannot list staff: the server refuses', async () => {
    const st = await admin('demo-guard')
    await st.load()
    expect(st.error).toMatch(/[\u4e00-\u9fa5]/)
    expect(st.list).toEqual([])
  })

  it('toggling a role twice removes it', async () => {
    const st = await admin()
    st.toggleRole('guard')
    st.toggleRole('guard')
    expect(st.form.roles).toEqual([])
  })

  it('reissues a bind code for someone on the list and shows it with them; dismiss hides it', async () => {
    const st = await admin()
    await st.load()
    st.setField('name', '陈小洁')
    st.setField('phone', '13912345678')
    st.toggleRole('cleaner')
    expect(await st.create()).toBe(true)
    const person = st.created!.staff
    const first = st.created!.bindCode.code
    st.dismissCreated()
    const code = await st.reissue(person.id)
    expect(st.error).toBe('')
    expect(code?.code).toMatch(/^\w{6,}$/)
    expect(code!.code).not.toBe(first)
    expect(st.created).toEqual({ staff: person, bindCode: code })
    st.dismissCreated()
    expect(st.created).toBeUndefined()
  })

  it('a bind code for someone unknown is refused with the server’s message', async () => {
    const st = await admin()
    await st.load()
    expect(await st.reissue('nobody')).toBeUndefined()
    expect(st.error).toMatch(/[\u4e00-\u9fa5]/)
    expect(st.created).toBeUndefined()
  })

  it('lists people waiting for their first sign-in first, and counts them', async () => {
    const st = await admin()
    st.setField('name', '陈小洁')
    st.setField('phone', '13912345678')
    st.toggleRole('cleaner')
    await st.create()
    await st.load()
    expect(st.pendingCount).toBe(1)
    expect(st.sorted[0]).toMatchObject({ name: '陈小洁', pending: true, bound: false })
  })

  it('edits a person: only what changed is sent; a bad phone is marked on its field', async () => {
    const st = await admin()
    await st.load()
    const guard = st.list.find((p) => p.id === 'demo-guard')!
    st.startEdit(guard)
    expect(st.edit).toMatchObject({ name: '张卫国', phone: '', roles: ['guard'] })
    st.setEdit('phone', '123')
    expect(await st.saveEdit()).toBe(false)
    expect(st.editErrors.phone).toContain('手机号')
    st.setEdit('phone', '')
    st.setEdit('name', '张卫东')
    st.toggleEditRole('patrol')
    expect(await st.saveEdit()).toBe(true)
    expect(st.edit).toBeUndefined()
    expect(st.list.find((p) => p.id === 'demo-guard')).toMatchObject({
      name: '张卫东',
      roles: ['guard', 'patrol']
    })
    expect(st.notice).toContain('张卫东')
    // granting a role above one's own: the server's words
    st.startEdit(st.list.find((p) => p.id === 'demo-guard')!)
    st.toggleEditRole('admin')
    expect(await st.saveEdit()).toBe(false)
    expect(st.error).toBe('不能授予比自己高的岗位')
  })

  it('disables a person: the list says so, the notice counts the tasks sent back', async () => {
    const st = await admin()
    await st.load()
    const env = await b.h.as('demo-supervisor', 'work.taskCreate', {
      id: 'tk-model',
      title: '大堂保洁',
      type: 'cleaning',
      checklist: [],
      priority: 'normal',
      photoRequired: false,
      dueAt: b.h.clock.now + 3600_000,
      assigneeId: 'demo-cleaner'
    })
    expect(env.ok).toBe(true)
    expect(await st.disable('demo-cleaner')).toBe(true)
    expect(st.list.find((p) => p.id === 'demo-cleaner')).toMatchObject({ active: false })
    expect(st.notice).toBe('已停用 赵洁：已退出 0 台设备，1 项任务退回任务池')
    expect(st.sorted.at(-1)?.id).toBe('demo-cleaner')
    expect(await st.disable('demo-supervisor')).toBe(false)
    expect(st.error).toBe('不能停用自己的账号')
  })

  it('re-issues for a signed-in person (lost phone): they show as not bound; their devices can be listed and signed out', async () => {
    const st = await admin()
    st.setField('name', '陈保安')
    st.setField('phone', '13912345679')
    st.toggleRole('guard')
    await st.create()
    const id = st.created!.staff.id
    const phone = sessionStore(b)
    expect(
      await codeSignIn(phone.s, st.created!.bindCode.code, 'Mozilla/5.0 (Linux; Android 14) Chrome/120')
    ).toBe(true)
    await st.load()
    expect(st.list.find((p) => p.id === id)).toMatchObject({ bound: true, pending: false })
    await st.loadDevices(id)
    expect(st.devices[id]).toMatchObject([{ device: 'Android · Chrome' }])
    expect(await st.revokeDevice(id, st.devices[id][0].id)).toBe(true)
    expect(st.devices[id]).toEqual([])
    await phone.s.refreshProfile()
    expect(phone.s.error).toBe('登录已过期，请重新登录')

    const again = sessionStore(b)
    const c2 = await st.reissue(id)
    expect(await codeSignIn(again.s, c2!.code)).toBe(true)
    const c3 = await st.reissue(id)
    expect(st.list.find((p) => p.id === id)).toMatchObject({ bound: false, pending: true })
    expect(st.created?.bindCode.code).toBe(c3!.code)
    await again.s.refreshProfile()
    expect(again.s.error).toBe('登录已过期，请重新登录')
  })
})
