import { makeBackend, type Backend } from '../../../stores/backend'
import { sessionStore } from '../../../../kit/session'
import { StaffAdminStore } from '../../../../../src/pages/supervisor/model/staff'

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
})
