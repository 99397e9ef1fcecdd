/**
 * The plans of patrol setup: each plan in the list opens, in its place, the form it was made
 * with (filled in), with 保存 / 取消; 停用 takes a plan out of force and 启用 brings a stopped one
 * back. The days are seven chips in one row at 390 px. A save names the version it was read at;
 * a conflict shows the server's message (who and when) by the button and fills the form again
 * from the current plan. Styles: ./setup.scss.
 */
import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { ROLE_LABELS, type Role } from '../../../domain/roles'
import type { PlanOut } from '../../../domain/contract'
import {
  WEEKDAY_NAMES,
  intervalChoices,
  intervalLabel,
  newPlanForm,
  planFormOf,
  planLine,
  planProblem,
  toggled,
  type PlanForm
} from '../../../domain/patrol/setupForm'
import { ui } from '../../../services/ui'
import { patrolAdmin as p } from '../model'
import { useEditForm } from './useEditForm'
import { EditButtons } from './EditButtons'

function PlanFields(props: { f: PlanForm; set: (f: PlanForm) => void }) {
  const { f, set } = props
  const routes = p.refs?.routes ?? []
  return (
    <View>
      <Field value={f.name} placeholder="计划名称，如 夜间巡逻" onChange={(v) => set({ ...f, name: v })} />
      <Text className="field-label">路线</Text>
      <View className="chips">
        {routes.map((r) => (
          <View
            key={r.id}
            className={`chip ${f.routeId === r.id ? 'chip-on' : ''}`}
            onClick={() => set({ ...f, routeId: r.id })}
          >
            {r.name}
          </View>
        ))}
      </View>
      <Text className="field-label">星期</Text>
      <View className="day-chips">
        {WEEKDAY_NAMES.map((w, d) => (
          <View
            key={d}
            className={`day-chip ${f.days.includes(d) ? 'chip-on' : ''}`}
            onClick={() => set({ ...f, days: toggled(f.days, d) })}
          >
            {w}
          </View>
        ))}
      </View>
      <Text className="field-label">时段（可跨零点）和间隔</Text>
      <Field value={f.start} placeholder="开始 HH:mm" onChange={(v) => set({ ...f, start: v })} />
      <Field value={f.end} placeholder="结束 HH:mm" onChange={(v) => set({ ...f, end: v })} />
      <View className="chips">
        {intervalChoices(f.everyMinutes).map((m) => (
          <View
            key={m}
            className={`chip ${f.everyMinutes === m ? 'chip-on' : ''}`}
            onClick={() => set({ ...f, everyMinutes: m })}
          >
            {intervalLabel(m)}
          </View>
        ))}
      </View>
      <Text className="field-label">谁来巡</Text>
      <View className="chips">
        {(['patrol', 'guard'] as Role[]).map((r) => (
          <View
            key={r}
            className={`chip ${f.roles.includes(r) ? 'chip-on' : ''}`}
            onClick={() => set({ ...f, roles: toggled(f.roles, r) })}
          >
            {ROLE_LABELS[r]}
          </View>
        ))}
      </View>
      <Text className="field-label">一轮用时（分钟）：最短、最长</Text>
      <Field
        value={String(f.minMinutes)}
        type="number"
        placeholder="最短"
        onChange={(v) => set({ ...f, minMinutes: Number(v) || 0 })}
      />
      <Field
        value={String(f.maxMinutes)}
        type="number"
        placeholder="最长"
        onChange={(v) => set({ ...f, maxMinutes: Number(v) || 0 })}
      />
    </View>
  )
}

export const Plans = observer(function Plans() {
  const routes = p.refs?.routes ?? []
  const defaults = p.refs?.planDefaults
  /** a 停用 / 启用 refusal, by the plan it was about */
  const [rowWhy, setRowWhy] = useState<{ id: string; message: string } | undefined>(undefined)
  const { f, setF, editing, why, busy, open, reset, save } = useEditForm<PlanForm, PlanOut>({
    empty: () => newPlanForm(defaults),
    formOf: planFormOf,
    problem: planProblem,
    send: (form, at) => p.savePlan(form, at),
    current: (id) => p.refs?.plans.find((x) => x.id === id),
    onOpen: () => setRowWhy(undefined)
  })
  // the estate's patrol settings arrive with the refs: a form not yet touched starts from them
  const [filledFrom, setFilledFrom] = useState(defaults)
  if (defaults !== filledFrom) {
    setFilledFrom(defaults)
    if (!editing && !f.name && !f.routeId) setF(newPlanForm(defaults))
  }
  const setActive = async (pl: PlanOut, active: boolean) => {
    if (
      !active &&
      !(await ui.confirm('停用计划', `停用「${pl.name}」后不再排巡更轮次，已巡的记录保留。`, '停用'))
    )
      return
    setRowWhy(undefined)
    const out = await p.setPlanActive(pl, active)
    if (!out.ok) setRowWhy({ id: pl.id, message: out.message })
  }
  const buttons = (
    <EditButtons why={why} editing={!!editing} busy={busy} save={save} reset={reset} addLabel="添加计划" />
  )
  const routeName = (id: string) => routes.find((r) => r.id === id)?.name ?? '路线已删除'
  const row = (pl: PlanOut) =>
    editing?.id === pl.id ? (
      <View key={pl.id} className="edit-box plan-edit">
        <Text className="sup-row-title">{`修改计划「${pl.name}」`}</Text>
        <PlanFields f={f} set={setF} />
        {buttons}
      </View>
    ) : (
      <View key={pl.id} className={`sup-row plan-row ${pl.active ? '' : 'plan-stopped'}`}>
        <View className="plan-line">
          <View className="tap-row plan-main" hoverClass="tap-row-hover" onClick={() => open(pl)}>
            <Text className="sup-row-title">{pl.active ? pl.name : `${pl.name}（已停用）`}</Text>
            <Text className="muted">{planLine(pl, routeName(pl.routeId))}</Text>
            <Text className="tap-hint">点按修改</Text>
          </View>
          <View
            className="row-act"
            hoverClass="order-btn-hover"
            onClick={() => void setActive(pl, !pl.active)}
          >
            {pl.active ? '停用' : '启用'}
          </View>
        </View>
        {rowWhy?.id === pl.id && <Text className="error-text">{rowWhy.message}</Text>}
      </View>
    )
  const stopped = p.refs?.stoppedPlans ?? []
  return (
    <View className="card">
      <Text className="card-title">计划</Text>
      {(p.refs?.plans ?? []).map(row)}
      {stopped.length > 0 && <Text className="field-label">已停用的计划</Text>}
      {stopped.map(row)}
      {!editing && (
        <View className="plan-new">
          <PlanFields f={f} set={setF} />
          {buttons}
        </View>
      )}
    </View>
  )
})
