import { observer } from 'mobx-react-lite'
import { Input, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { ui } from '../../services/ui'
import { DeptChips } from './DeptChips'
import { library, runUrl } from './lib'
import { acks, catalog as s } from './model'
import './index.scss'
import { Back } from '../../components/Back'

/** 话术: find a script by search or department; the person's own department first. */
function ScriptsIndex() {
  useDidShow(() => void acks.load())
  const list = s.list

  return (
    <View className="page">
      <Back />
      <Input
        className="input search"
        value={s.query}
        placeholder="搜索话术：访客、投诉、报修…"
        confirmType="search"
        onInput={(e) => s.setQuery(e.detail.value)}
      />
      <DeptChips />

      <View
        className="card link-card"
        hoverClass="script-item-hover"
        onClick={() => void ui.go('/pages/scripts/phrases/index')}
      >
        <Text>常用礼貌用语</Text>
        <Text>›</Text>
      </View>

      {list.map((sc) => (
        <View
          key={sc.id}
          className="script-item"
          hoverClass="script-item-hover"
          onClick={() => void ui.go(runUrl(sc.id))}
        >
          {acks.needsAck(sc) && <Text className="tag-new">新版本待确认</Text>}
          <Text className="script-title">{sc.title}</Text>
          <Text className="script-situation">{library.toDisplayPunctuation(sc.situation)}</Text>
        </View>
      ))}
      {list.length === 0 && <Text className="muted">没有找到相关话术，换个词或点「全部」再试。</Text>}
    </View>
  )
}

export default observer(ScriptsIndex)
