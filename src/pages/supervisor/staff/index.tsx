import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useLoad } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import { rootStore } from '../../../stores'
import { ROLES, ROLE_LABELS, roleNames } from '../../../domain/roles'
import { localClock, localDate } from '../../../domain/time'
import { ui } from '../../../services/ui'
import { staffAdmin } from '../model'
import '../index.scss'

function StaffPage() {
  const { session } = rootStore
  const s = staffAdmin
  useLoad(() => void s.load())
  const canAdmin = session.staff?.roles.includes('admin')
  const roles = ROLES.filter((r) => r !== 'admin' || canAdmin)

  return (
    <View className="page">
      {s.created && (
        <View className="card">
          <Text className="card-title">{`已为 ${s.created.staff.name} 生成绑定码`}</Text>
          <Text className="bind-code">{s.created.bindCode.code}</Text>
          <Text className="muted">
            {`请把绑定码告诉本人：在微信里打开岗位通，点「微信一键登录」后输入。一次有效，${localDate(s.created.bindCode.expiresAt)} ${localClock(s.created.bindCode.expiresAt)} 前使用。`}
          </Text>
          <Btn kind="ghost" onClick={() => void ui.setClipboard(s.created!.bindCode.code)}>
            复制绑定码
          </Btn>
          <Btn kind="ghost" onClick={() => s.dismissCreated()}>
            完成
          </Btn>
        </View>
      )}

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
        <View className="role-pick">
          {roles.map((r) => (
            <View
              key={r}
              className={`role-chip ${s.form.roles.includes(r) ? 'role-chip-on' : ''}`}
              onClick={() => s.toggleRole(r)}
            >
              {ROLE_LABELS[r]}
            </View>
          ))}
        </View>
        {s.fieldErrors.roles && <Text className="error-text">{s.fieldErrors.roles}</Text>}
        <Btn kind="primary" loading={s.saving} disabled={s.saving} onClick={() => void s.create()}>
          保存并生成绑定码
        </Btn>
        {s.error && <Text className="error-text">{s.error}</Text>}
      </View>

      <View className="card">
        <Text className="card-title">{`本小区员工（${s.list.length}）`}</Text>
        {s.list.map((p) => (
          <View key={p.id} className="staff-row">
            <View>
              <Text>{p.name}</Text>
              <Text className="muted">{`  ${roleNames(p.roles)} · ${p.phone}`}</Text>
            </View>
            {p.bound ? (
              <Text className="tag">已绑定</Text>
            ) : (
              <Text className="tag tag-warn" onClick={() => void s.reissue(p.id)}>
                生成绑定码
              </Text>
            )}
          </View>
        ))}
      </View>
      <PrivacyDialog />
    </View>
  )
}

export default observer(StaffPage)
