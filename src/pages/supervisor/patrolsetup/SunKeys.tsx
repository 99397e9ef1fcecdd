/**
 * A checkpoint's NFC anti-forgery keys (NTAG 424 DNA SUN) on the supervisor's patrol setup:
 * 防伪密钥已设置/未设置 (the keys are never shown: the server does not give them back), a form
 * for both keys, and 关闭防伪. Sent at once with patrol.checkpointSunKey and waited for, not
 * queued: secret keys are not kept in the phone's outbox.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { Btn } from '../../../components/Btn'
import { rootStore } from '../../../stores'
import { AppError } from '../../../domain/errors'
import type { InputOf } from '../../../domain/contract'
import { messageOf } from '../../../stores/api'
import { ui } from '../../../services/ui'
import { EMPTY_SUN_KEY_FORM, sunKeyInput, sunKeyProblems, sunKeyStatus } from '../../../domain/patrol/sunForm'

type Problems = { sunMetaKey?: string; sunFileKey?: string; other?: string }

/** A refusal's messages on the form's fields (the server names them), the rest below the form. */
function problemsOf(e: unknown): Problems {
  const out: Problems = {}
  if (e instanceof AppError)
    for (const d of e.details ?? []) {
      if (d.field === 'sunMetaKey' || d.field === 'sunFileKey') out[d.field] = d.message
    }
  return out.sunMetaKey || out.sunFileKey ? out : { other: messageOf(e) }
}

export function SunKeys(props: {
  id: string
  name: string
  signedTag?: boolean
  onSaved: () => Promise<void>
}) {
  const [open, setOpen] = useState(false)
  const [f, setF] = useState(EMPTY_SUN_KEY_FORM)
  const [problems, setProblems] = useState<Problems>({})
  const [busy, setBusy] = useState(false)
  const send = async (input: InputOf<'patrol.checkpointSunKey'>, done: string) => {
    setBusy(true)
    try {
      await rootStore.api('patrol.checkpointSunKey', input)
      setF(EMPTY_SUN_KEY_FORM)
      setOpen(false)
      setProblems({})
      await props.onSaved()
      void ui.toast(done, 'success')
    } catch (e) {
      setProblems(problemsOf(e))
    } finally {
      setBusy(false)
    }
  }
  const save = () => {
    const found = sunKeyProblems(f)
    setProblems(found)
    if (found.sunMetaKey || found.sunFileKey) return
    void send(sunKeyInput(props.id, f), '密钥已保存')
  }
  const off = async () => {
    if (!(await ui.confirm('关闭防伪', `${props.name}的 NFC 防伪密钥将删除，之后按普通标签计`, '关闭防伪')))
      return
    void send({ id: props.id, sunOff: true }, '已关闭防伪')
  }
  return (
    <View className="sun-keys">
      <Text className={props.signedTag ? 'muted sun-on' : 'muted'}>{sunKeyStatus(props.signedTag)}</Text>
      {!open && (
        <View className="chips">
          <View className="chip" onClick={() => setOpen(true)}>
            {props.signedTag ? '更换防伪密钥' : '设置防伪密钥'}
          </View>
          {props.signedTag && (
            <View className="chip" onClick={() => void off()}>
              关闭防伪
            </View>
          )}
        </View>
      )}
      {open && (
        <View>
          <Text className="field-label">NTAG 424 DNA 的两个密钥（各32位十六进制，保存后不再显示）</Text>
          <Field
            value={f.meta}
            placeholder="SDMMetaReadKey（解密读数）"
            upper
            maxlength={64}
            onChange={(meta) => setF({ ...f, meta })}
          />
          {problems.sunMetaKey && <Text className="error-text">{problems.sunMetaKey}</Text>}
          <Field
            value={f.file}
            placeholder="SDMFileReadKey（校验签名）"
            upper
            maxlength={64}
            onChange={(file) => setF({ ...f, file })}
          />
          {problems.sunFileKey && <Text className="error-text">{problems.sunFileKey}</Text>}
          <View className="chips">
            <Btn loading={busy} onClick={save}>
              保存密钥
            </Btn>
            <Btn
              kind="ghost"
              onClick={() => {
                setOpen(false)
                setF(EMPTY_SUN_KEY_FORM)
                setProblems({})
              }}
            >
              取消
            </Btn>
          </View>
        </View>
      )}
      {problems.other && <Text className="error-text">{problems.other}</Text>}
    </View>
  )
}
