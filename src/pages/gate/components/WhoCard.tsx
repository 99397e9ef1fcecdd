import { useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { VisitorRecallOut } from '../../../domain/contract'
import { recallLine } from '../../../domain/gate/recall'
import { CN_MOBILE } from '../../../domain/privacy'

/** Who the walk-in is, as the guard registers them while the script runs. */
export interface Who {
  phone: string
  name: string
  /** the earlier visit this phone was recognised by; its name is shown masked */
  recallId?: string
}

export const NO_ONE: Who = { phone: '', name: '' }

/**
 * 麻烦您登记一下: the phone first (the keyboard is up when the step opens), then the name. A phone
 * of an earlier visitor of this estate fills in the name (masked) and hands the last room to
 * `onRecall`; an unknown one moves the cursor to the name. Both stay editable.
 */
export function WhoCard({
  who,
  onChange,
  recall,
  onRecall
}: {
  who: Who
  /** an update of what is registered (a look-up answers after more may have been typed) */
  onChange: (update: (who: Who) => Who) => void
  recall: (phone: string) => Promise<VisitorRecallOut | undefined | string>
  /** the visitor recognised by the phone, or undefined when the phone changes */
  onRecall: (r: VisitorRecallOut | undefined) => void
}) {
  const [found, setFound] = useState<VisitorRecallOut | undefined>(undefined)
  const [note, setNote] = useState('')
  const [nameFocus, setNameFocus] = useState(false)
  // the cursor goes to the phone once the step is on screen: a focus asked for while the page
  // is still sliding in is lost on H5, so it is asked for after the first paint
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const t = setTimeout(() => setShown(true), 100)
    return () => clearTimeout(t)
  }, [])
  // the phone the last look-up was for: a look-up answers only if the phone is still that one
  const asked = useRef('')
  const typePhone = (raw: string) => {
    const phone = raw.replace(/\D/g, '')
    const was = found
    // another phone: the name the earlier one filled in goes
    onChange((w) => ({ phone, name: was && w.name === was.name ? '' : w.name }))
    onRecall(undefined)
    setFound(undefined)
    setNote('')
    setNameFocus(false)
    if (!CN_MOBILE.test(phone)) return
    asked.current = phone
    void recall(phone).then((r) => {
      if (asked.current !== phone) return
      if (typeof r === 'string') {
        setNote(r)
        setNameFocus(true)
      } else if (r) {
        setFound(r)
        onChange((w) => (w.phone === phone ? { ...w, name: w.name || r.name, recallId: r.id } : w))
        onRecall(r)
      } else setNameFocus(true)
    })
  }
  return (
    <View className="card who-card">
      <Text className="block-title">麻烦您登记一下</Text>
      <View className="field">
        <Text className="field-label">来访人手机号</Text>
        <Input
          className="input"
          type="number"
          maxlength={11}
          // the cursor is here until the number is whole (Taro's H5 input re-focuses on every
          // render while this is on, so it must go off for the name to take the cursor)
          focus={shown && who.phone.length < 11 && !nameFocus}
          value={who.phone}
          placeholder="来访人手机号"
          onInput={(e) => typePhone(e.detail.value)}
        />
      </View>
      {found && <Text className="ok-line">{recallLine(found)}</Text>}
      {note && <Text className="muted">{note}</Text>}
      <View className="field">
        <Text className="field-label">来访人姓名</Text>
        <Input
          className="input"
          maxlength={20}
          focus={nameFocus}
          value={who.name}
          placeholder="来访人姓名"
          onInput={(e) =>
            // typed over the masked name: the server keeps what was typed (recalledName)
            onChange((w) => ({ ...w, name: e.detail.value }))
          }
        />
      </View>
    </View>
  )
}
