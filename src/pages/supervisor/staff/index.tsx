import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useLoad } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import { rootStore } from '../../../stores'
import type { StaffListItem } from '../../../domain/contract'
import { ROLE_LABELS, roleNames, type Role } from '../../../domain/roles'
import { offerableRoles } from '../../../domain/staff/rules'
import { localClock, localDate } from '../../../domain/time'
import { ui } from '../../../services/ui'
import { staffAdmin } from '../model'
import '../index.scss'
import '../staff.scss'
import { Back } from '../../../components/Back'

const when = (t: number) => `${localDate(t)} ${localClock(t)}`

function RolePick(props: { roles: readonly Role[]; picked: readonly Role[]; onToggle: (r: Role) => void }) {
  return (
    <View className="role-pick">
      {props.roles.map((r) => (
        <View
          key={r}
          className={`role-chip ${props.picked.includes(r) ? 'role-chip-on' : ''}`}
          onClick={() => props.onToggle(r)}
        >
          {ROLE_LABELS[r]}
        </View>
      ))}
    </View>
  )
}

/** The actions of one person, opened under their row: edit, new bind code, devices, disable. */
const PersonActions = observer(function PersonActions({ p, self }: { p: StaffListItem; self: boolean }) {
  const s = staffAdmin
  const { session } = rootStore
  const roles = offerableRoles(session.staff?.roles ?? [])
  const f = s.edit?.staffId === p.id ? s.edit : undefined
  const devices = s.devices[p.id]

  const reissue = async () => {
    const ok =
      !p.bound ||
      (await ui.confirm(
        '重新生成绑定码',
        `${p.name} 已经登录的微信和设备会立即退出，之前的绑定码作废。用于手机丢失或换手机。`,
        '生成'
      ))
    if (ok) await s.reissue(p.id)
  }
  const disable = async () => {
    if (
      await ui.confirm('停用员工', `停用 ${p.name}：立即退出登录、解绑微信，未完成的任务退回任务池。`, '停用')
    )
      await s.disable(p.id)
  }

  if (f)
    return (
      <View className="staff-actions">
        <View className="field">
          <Text className="field-label">姓名</Text>
          <Field value={f.name} onChange={(v) => s.setEdit('name', v)} />
          {s.editErrors.name && <Text className="error-text">{s.editErrors.name}</Text>}
        </View>
        <View className="field">
          <Text className="field-label">{`新手机号（现为 ${p.phone}，不改请留空）`}</Text>
          <Field
            value={f.phone}
            type="number"
            maxlength={11}
            placeholder="11位手机号"
            onChange={(v) => s.setEdit('phone', v)}
          />
          {s.editErrors.phone && <Text className="error-text">{s.editErrors.phone}</Text>}
        </View>
        {!self && (
          <View>
            <Text className="field-label">岗位</Text>
            <RolePick roles={roles} picked={f.roles} onToggle={(r) => s.toggleEditRole(r)} />
            {s.editErrors.roles && <Text className="error-text">{s.editErrors.roles}</Text>}
            {(session.staff?.estates.length ?? 0) > 1 && (
              <View>
                <Text className="field-label">任职小区</Text>
                <View className="role-pick">
                  {session.staff!.estates.map((e) => (
                    <View
                      key={e.id}
                      className={`role-chip ${f.estateIds.includes(e.id) ? 'role-chip-on' : ''}`}
                      onClick={() => s.toggleEditEstate(e.id)}
                    >
                      {e.name}
                    </View>
                  ))}
                </View>
                {s.editErrors.estateIds && <Text className="error-text">{s.editErrors.estateIds}</Text>}
              </View>
            )}
          </View>
        )}
        <Btn kind="primary" loading={s.saving} onClick={() => void s.saveEdit()}>
          保存
        </Btn>
        <Btn kind="ghost" onClick={() => s.cancelEdit()}>
          取消
        </Btn>
      </View>
    )

  return (
    <View className="staff-actions">
      <Btn kind="ghost" onClick={() => s.startEdit(p)}>
        修改资料
      </Btn>
      {p.active && !self && (
        <Btn kind="ghost" disabled={s.saving} onClick={() => void reissue()}>
          {p.bound ? '重新生成绑定码（丢手机）' : '生成绑定码'}
        </Btn>
      )}
      {p.active && (
        <Btn kind="ghost" disabled={s.saving} onClick={() => void s.loadDevices(p.id)}>
          登录设备
        </Btn>
      )}
      {devices && devices.length === 0 && <Text className="muted">没有网页登录的设备</Text>}
      {devices?.map((d) => (
        <View key={d.id} className="staff-device">
          <View>
            <Text>{d.device}</Text>
            <Text className="muted">{`  ${when(d.createdAt)} 登录`}</Text>
          </View>
          <Text className="tag tag-warn" onClick={() => void s.revokeDevice(p.id, d.id)}>
            退出登录
          </Text>
        </View>
      ))}
      {p.active && !self && (
        <Btn kind="danger" disabled={s.saving} onClick={() => void disable()}>
          停用
        </Btn>
      )}
    </View>
  )
})

function StaffPage() {
  const { session } = rootStore
  const s = staffAdmin
  useLoad(() => void s.load())
  const roles = offerableRoles(session.staff?.roles ?? [])

  return (
    <View className="page">
      <Back />
      {s.created && (
        <View className="card">
          <Text className="card-title">{`已为 ${s.created.staff.name} 生成绑定码`}</Text>
          <Text className="bind-code">{s.created.bindCode.code}</Text>
          <Text className="muted">
            {`请把绑定码告诉本人：在微信里打开岗位通，点「微信一键登录」后输入；用网页版的，在登录页「绑定码登录」输入。一次有效，${when(s.created.bindCode.expiresAt)} 前使用。`}
          </Text>
          <Btn kind="ghost" onClick={() => void ui.setClipboard(s.created!.bindCode.code)}>
            复制绑定码
          </Btn>
          <Btn kind="ghost" onClick={() => s.dismissCreated()}>
            完成
          </Btn>
        </View>
      )}
      {s.notice && <Text className="staff-notice">{s.notice}</Text>}
      {s.error && <Text className="error-text">{s.error}</Text>}

      <View className="card">
        <Text className="card-title">
          {`本小区员工（${s.list.length}）${s.pendingCount ? ` · ${s.pendingCount} 人未绑定` : ''}`}
        </Text>
        {s.sorted.map((p) => (
          <View key={p.id} className={`staff-person ${p.active ? '' : 'staff-off'}`}>
            <View className="staff-head" onClick={() => s.toggleOpen(p.id)}>
              <View>
                <Text className="staff-name">{p.name}</Text>
                <Text className="muted">{`${roleNames(p.roles)} · ${p.phone}`}</Text>
              </View>
              {!p.active ? (
                <Text className="tag">已停用</Text>
              ) : p.pending ? (
                <Text className="tag tag-warn">未绑定</Text>
              ) : (
                <Text className="tag">已绑定</Text>
              )}
            </View>
            {s.openId === p.id && <PersonActions p={p} self={p.id === session.staff?.id} />}
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="card-title">新增员工</Text>
        <View className="field">
          <Text className="field-label">姓名</Text>
          <Field value={s.form.name} placeholder="员工姓名" onChange={(v) => s.setField('name', v)} />
          {s.fieldErrors.name && <Text className="error-text">{s.fieldErrors.name}</Text>}
        </View>
        <View className="field">
          <Text className="field-label">手机号</Text>
          <Field
            value={s.form.phone}
            type="number"
            maxlength={11}
            placeholder="11位手机号"
            onChange={(v) => s.setField('phone', v)}
          />
          {s.fieldErrors.phone && <Text className="error-text">{s.fieldErrors.phone}</Text>}
        </View>
        <Text className="field-label">岗位（可多选）</Text>
        <RolePick roles={roles} picked={s.form.roles} onToggle={(r) => s.toggleRole(r)} />
        {s.fieldErrors.roles && <Text className="error-text">{s.fieldErrors.roles}</Text>}
        <Btn kind="primary" loading={s.saving} disabled={s.saving} onClick={() => void s.create()}>
          保存并生成绑定码
        </Btn>
      </View>
      <PrivacyDialog />
    </View>
  )
}

export default observer(StaffPage)
