/**
 * The routes of patrol setup: each route in the list opens, in its place, the same form it was
 * made with (filled in), with 保存 / 取消; the form orders its points with large 上移 / 下移
 * buttons (one hand) and adds or takes points out. A save names the version it was read at; if
 * someone changed the route meanwhile the server's message (who and when) shows by the button
 * and the form is filled again from the current route. Styles: ./setup.scss.
 */
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import type { RouteOut } from '../../../domain/contract'
import { moved } from '../../../domain/patrol/edit'
import {
  NEW_ROUTE_FORM,
  routeFormOf,
  routeFormProblem,
  routeLines,
  type RouteForm
} from '../../../domain/patrol/setupForm'
import { patrolAdmin as p } from '../model'
import { useEditForm } from './useEditForm'
import { EditButtons } from './EditButtons'

function RouteFields(props: {
  f: RouteForm
  set: (f: RouteForm) => void
  nameOf: (id: string) => string
  points: readonly { id: string; name: string }[]
}) {
  const { f, set, nameOf, points } = props
  const left = points.filter((c) => !f.checkpointIds.includes(c.id))
  const ids = f.checkpointIds
  return (
    <View>
      <Field value={f.name} placeholder="路线名称" onChange={(name) => set({ ...f, name })} />
      <Text className="field-label">巡更点（按走的顺序）</Text>
      {ids.map((id, i) => (
        <View key={id} className="order-row">
          <Text className="order-name">{`${i + 1}. ${nameOf(id)}`}</Text>
          <View
            className={`order-btn ${i === 0 ? 'order-btn-off' : ''}`}
            hoverClass="order-btn-hover"
            onClick={() => set({ ...f, checkpointIds: moved(ids, i, -1) })}
          >
            上移
          </View>
          <View
            className={`order-btn ${i === ids.length - 1 ? 'order-btn-off' : ''}`}
            hoverClass="order-btn-hover"
            onClick={() => set({ ...f, checkpointIds: moved(ids, i, 1) })}
          >
            下移
          </View>
          <View
            className="order-btn order-del"
            hoverClass="order-btn-hover"
            onClick={() => set({ ...f, checkpointIds: ids.filter((x) => x !== id) })}
          >
            去掉
          </View>
        </View>
      ))}
      {left.length > 0 && <Text className="field-label">点选加到路线末尾</Text>}
      <View className="chips">
        {left.map((c) => (
          <View
            key={c.id}
            className="chip"
            hoverClass="chip-hover"
            onClick={() => set({ ...f, checkpointIds: [...ids, c.id] })}
          >
            {`＋ ${c.name}`}
          </View>
        ))}
      </View>
      <View className="chips">
        <View className={`chip ${f.ordered ? 'chip-on' : ''}`} onClick={() => set({ ...f, ordered: true })}>
          按顺序巡
        </View>
        <View className={`chip ${!f.ordered ? 'chip-on' : ''}`} onClick={() => set({ ...f, ordered: false })}>
          不限顺序
        </View>
      </View>
    </View>
  )
}

export const Routes = observer(function Routes() {
  const { f, setF, editing, why, busy, open, reset, save } = useEditForm<RouteForm, RouteOut>({
    empty: () => NEW_ROUTE_FORM,
    formOf: routeFormOf,
    problem: routeFormProblem,
    send: (form, at) => p.saveRoute(form, at),
    current: (id) => p.refs?.routes.find((r) => r.id === id)
  })
  const points = p.refs?.checkpoints ?? []
  const nameOf = (id: string) => points.find((c) => c.id === id)?.name ?? '已删除的点'
  const buttons = (
    <EditButtons why={why} editing={!!editing} busy={busy} save={save} reset={reset} addLabel="添加路线" />
  )
  return (
    <View className="card">
      <Text className="card-title">路线</Text>
      {(p.refs?.routes ?? []).map((r) => {
        if (editing?.id === r.id)
          return (
            <View key={r.id} className="edit-box route-edit">
              <Text className="sup-row-title">{`修改路线「${r.name}」`}</Text>
              <RouteFields f={f} set={setF} nameOf={nameOf} points={points} />
              {buttons}
            </View>
          )
        const line = routeLines(r, nameOf)
        return (
          <View
            key={r.id}
            className="sup-row tap-row route-row"
            hoverClass="tap-row-hover"
            onClick={() => open(r)}
          >
            <Text className="sup-row-title">{line.title}</Text>
            <Text className="muted">{line.detail}</Text>
            <Text className="tap-hint">点按修改</Text>
          </View>
        )
      })}
      {!editing && (
        <View className="route-new">
          <RouteFields f={f} set={setF} nameOf={nameOf} points={points} />
          {buttons}
        </View>
      )}
    </View>
  )
})
