import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Input, Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { DeptChips } from '../DeptChips'
import '../lib'
import { phrasebook as s } from '../model'
import '../index.scss'
import { Back } from '../../../components/Back'

const PAGE = 30

/** 常用礼貌用语: every line of the library, searchable, grouped by situation. */
function PhrasesPage() {
  const [shown, setShown] = useState(PAGE)
  const groups = s.groups
  const count = groups.reduce((n, g) => n + g.phrases.length, 0)
  return (
    <View className="page">
      <Back />
      <Input
        className="input search"
        value={s.query}
        placeholder="搜索用语：您好、请稍等、对不起…"
        confirmType="search"
        onInput={(e) => {
          s.setQuery(e.detail.value)
          setShown(PAGE)
        }}
      />
      <DeptChips />
      <Text className="muted">{`共 ${count} 句，${groups.length} 个场景`}</Text>
      {groups.slice(0, shown).map((g) => (
        <View key={g.id} className="phrase-group">
          <Text className="phrase-situation">{g.situation}</Text>
          {g.phrases.map((p) => (
            <Text key={p.id} className="phrase-line">
              {s.line(p.text)}
            </Text>
          ))}
        </View>
      ))}
      {groups.length > shown && (
        <Btn kind="ghost" onClick={() => setShown(shown + PAGE)}>
          显示更多
        </Btn>
      )}
      {groups.length === 0 && <Text className="muted">{'\n'}没有找到，换个词或点「全部」再试。</Text>}
    </View>
  )
}

export default observer(PhrasesPage)
