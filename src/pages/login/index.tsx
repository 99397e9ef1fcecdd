import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Input, Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { rootStore } from '../../stores'
import { roleNames } from '../../domain/roles'
import { ui } from '../../services/ui'
import { PrivacyDialog } from '../../components/PrivacyDialog'
import './index.scss'

const HOME = '/pages/home/index'

function LoginPage() {
  const { session } = rootStore
  const [code, setCode] = useState('')
  const [needBind, setNeedBind] = useState(false)

  useLoad(() => {
    if (session.signedIn) {
      void ui.tab(HOME)
      return
    }
    void session.loadDemoAccounts()
  })

  const wechat = async () => {
    const r = await session.signInWechat()
    if (r === 'ok') void ui.tab(HOME)
    if (r === 'not-bound') setNeedBind(true)
  }
  const bind = async () => {
    if (await session.bind(code)) void ui.tab(HOME)
  }
  const byCode = async () => {
    const ua = typeof navigator !== 'undefined' ? navigator.userAgent : undefined
    const ok = await session.signInWith((api) =>
      api('auth.codeLogin', { code: code.trim(), device: ua?.slice(0, 400) })
    )
    if (ok) void ui.tab(HOME)
  }
  const demo = async (staffId: string) => {
    if (await session.signInDemo(staffId)) void ui.tab(HOME)
  }

  return (
    <View className="page login">
      <View className="login-head">
        <Text className="login-title">岗位通</Text>
        <Text className="login-sub">物业一线员工的工作台</Text>
      </View>

      {/* the build writes the platform in: each build drops the other platform's sign-in */}
      {process.env.TARO_ENV === 'weapp' && (
        <View className="card">
          <Btn kind="primary" loading={session.busy} onClick={wechat}>
            微信一键登录
          </Btn>
          {needBind && (
            <View>
              <Text className="muted">第一次使用：请输入主管给您的8位绑定码</Text>
              <Input
                className="input"
                value={code}
                maxlength={8}
                placeholder="绑定码"
                onInput={(e) => setCode(e.detail.value)}
              />
              <Btn kind="ghost" onClick={bind} disabled={code.trim().length !== 8}>
                绑定并登录
              </Btn>
            </View>
          )}
        </View>
      )}

      {process.env.TARO_ENV !== 'weapp' && (
        <View className="card">
          <Text className="card-title">绑定码登录</Text>
          <Text className="muted">输入主管给您的8位绑定码，这台设备就登录了（一次有效）</Text>
          <Input
            className="input login-code"
            value={code}
            maxlength={8}
            placeholder="8位绑定码"
            onInput={(e) => setCode(e.detail.value)}
          />
          <Btn kind="primary" loading={session.busy} onClick={byCode} disabled={code.trim().length !== 8}>
            登录
          </Btn>
          {/* under the button that was tapped: below the demo list it was off the screen */}
          {session.error && <Text className="error-text">{session.error}</Text>}
        </View>
      )}

      {session.demoAccounts.length > 0 && (
        <View className="card">
          <View className="card-title">
            <Text className="tag tag-demo">演示</Text>
            <Text>演示登录：点一位员工即可进入</Text>
          </View>
          {session.demoAccounts.map((a) => (
            <Btn
              key={a.staffId}
              kind="ghost"
              className="demo-btn"
              disabled={session.busy}
              onClick={() => demo(a.staffId)}
            >
              {a.name} · {roleNames(a.roles)}
            </Btn>
          ))}
          <Text className="muted">演示数据：{session.demoAccounts[0]?.estateName}</Text>
        </View>
      )}

      {session.error && process.env.TARO_ENV === 'weapp' && (
        <Text className="error-text">{session.error}</Text>
      )}
      <PrivacyDialog />
    </View>
  )
}

export default observer(LoginPage)
