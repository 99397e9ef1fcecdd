import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Image, Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import type { TaskOut } from '../../../domain/contract'
import { DEPT_LABELS, DEPTS, TASK_TYPES, TASK_TYPE_LABELS, type TaskType } from '../../../domain/work/model'
import {
  boardIncidentLines,
  checklistLine,
  completionLine,
  dueWhen,
  percentOf,
  staffChip,
  taskHolder,
  templateLine
} from '../../../domain/work/lines'
import type { DueChoice, Repeat } from '../../../domain/work/rules'
import {
  assignable,
  repeatOptions,
  reviewProblem,
  taskFormProblem,
  taskRequest
} from '../../../domain/work/taskForm'
import { ui } from '../../../services/ui'
import { serverPhotoUrl } from '../../../services/files'
import { askSubscribe } from '../../../services/subscribe'
import { workAdmin as w, now as clock } from '../model'
import { timeDoubt } from '../../../domain/time/eventTime'
import '../index.scss'
import { Chips } from '../../../components/Chips'
import { Back } from '../../../components/Back'

const Review = observer(function Review({ t }: { t: TaskOut }) {
  const [reason, setReason] = useState('')
  return (
    <View className="sup-row">
      <Text className="sup-row-title">{`${t.title} · ${t.assigneeName ?? ''}`}</Text>
      {completionLine(t) && <Text className="muted">{completionLine(t)}</Text>}
      {checklistLine(t) && <Text className="review-line">{checklistLine(t)}</Text>}
      {t.completionPhotoFiles?.length ? (
        <View className="review-photos">
          {t.completionPhotoFiles.map((f) => {
            const url = serverPhotoUrl(f)
            return url ? <Image key={f.id} className="review-photo" src={url} mode="aspectFill" /> : null
          })}
        </View>
      ) : (
        t.photoRequired && <Text className="error-text">完成照片还没传到，先别验收</Text>
      )}
      {t.timeFlag && <Text className="error-text">{`完成${timeDoubt(t.timeFlag)}，已按上传时间记`}</Text>}
      <Btn onClick={() => void w.review(t, 'close')}>验收通过</Btn>
      <Field value={reason} placeholder="不通过的原因" onChange={setReason} />
      <Btn
        kind="danger"
        onClick={() => {
          const problem = reviewProblem('reject', reason)
          void (problem ? ui.toast(problem) : w.review(t, 'reject', reason))
        }}
      >
        验收不通过
      </Btn>
    </View>
  )
})

/** A late task: who has it, and a one-tap change of hands. */
const Overdue = observer(function Overdue({ t, now }: { t: TaskOut; now: number }) {
  const [open, setOpen] = useState(false)
  const people = assignable(w.staff, t.assigneeId)
  return (
    <View className="sup-row tone-bad">
      <Text className="sup-row-title" onClick={() => setOpen(!open)}>{`${t.title} · ${taskHolder(t)}`}</Text>
      <Text className="muted">{`应在 ${dueWhen(t.dueAt, now)} 前完成 · 点任务名改派`}</Text>
      {open && (
        <Chips
          options={people.map((s) => ({ v: s.id, label: `改派给${s.name}` }))}
          onPick={(id) => void w.reassign(t, id).then((ok) => ok && setOpen(false))}
        />
      )}
    </View>
  )
})

const NewTask = observer(function NewTask() {
  const now = clock()
  const [title, setTitle] = useState('')
  const [type, setType] = useState<TaskType>('cleaning')
  const [place, setPlace] = useState('')
  const [checklist, setChecklist] = useState('')
  const [due, setDue] = useState<DueChoice>('2h')
  const [priority, setPriority] = useState<'low' | 'normal' | 'high'>('normal')
  const [photo, setPhoto] = useState(false)
  const [to, setTo] = useState('')
  const [repeat, setRepeat] = useState<Repeat | 'none'>('none')
  const [time, setTime] = useState('08:00')
  const submit = async () => {
    askSubscribe()
    const form = { title, type, place, checklist, due, priority, photo, to, repeat, time }
    const problem = taskFormProblem(form)
    if (problem) return void ui.toast(problem)
    const req = taskRequest(form, now)
    const ok =
      req.action === 'work.taskCreate' ? await w.createTask(req.input) : await w.saveTemplate(req.input)
    if (ok) {
      setTitle('')
      setPlace('')
      setChecklist('')
      void ui.toast(repeat === 'none' ? '已派出' : '已保存周期任务', 'success')
    }
  }
  const people = assignable(w.staff)
  return (
    <View className="card">
      <Text className="card-title">派任务</Text>
      <Field value={title} maxlength={40} placeholder="任务，如 1栋大堂保洁" onChange={setTitle} />
      <Chips
        options={TASK_TYPES.map((t) => ({ v: t, label: TASK_TYPE_LABELS[t] }))}
        value={type}
        onPick={setType}
      />
      <Field value={place} maxlength={40} placeholder="地点" onChange={setPlace} />
      <Field
        value={checklist}
        maxlength={300}
        placeholder="检查项，用逗号分开（可不填）"
        onChange={setChecklist}
      />
      <Text className="field-label">派给</Text>
      <Chips
        options={[
          ...DEPTS.map((d) => ({ v: d as string, label: `${DEPT_LABELS[d]}（抢单）` })),
          ...people.map((s) => ({
            v: s.id,
            label: staffChip(s)
          }))
        ]}
        value={to}
        onPick={setTo}
      />
      <Text className="field-label">重复</Text>
      <Chips options={repeatOptions(now)} value={repeat} onPick={setRepeat} />
      {repeat === 'none' ? (
        <Chips
          options={[
            { v: '1h', label: '1小时内' },
            { v: '2h', label: '2小时内' },
            { v: 'today', label: '今天18:00前' }
          ]}
          value={due}
          onPick={setDue}
        />
      ) : (
        <Field value={time} placeholder="每次开始时间 HH:mm" onChange={setTime} />
      )}
      <Chips
        options={[
          { v: 'high', label: '优先级高' },
          { v: 'normal', label: '中' },
          { v: 'low', label: '低' }
        ]}
        value={priority}
        onPick={setPriority}
      />
      <View className={`chip ${photo ? 'chip-on' : ''}`} onClick={() => setPhoto(!photo)}>
        完成时必须拍照
      </View>
      <Btn onClick={() => void submit()}>{repeat === 'none' ? '派出' : '保存周期任务'}</Btn>
    </View>
  )
})

/** Incidents and tasks at a glance: what is open and late, who is done, what kind of trouble. */
function WorkBoardPage() {
  useDidShow(() => void w.load())
  const b = w.board
  const now = clock()
  const max = Math.max(1, ...(b?.perCategory.categories.flatMap((c) => c.counts) ?? [1]))
  return (
    <View className="page">
      <Back />
      {w.error && <Text className="error-text">{w.error}</Text>}
      {b && (
        <View className="card">
          <Text className="card-title">{`未结报事（${b.openIncidents.length}）`}</Text>
          {b.openIncidents.length === 0 && <Text className="muted">没有未结报事</Text>}
          {b.openIncidents.map((i) => {
            const line = boardIncidentLines(i, now)
            return (
              <View key={i.id} className={`sup-row ${i.overdue || i.emergency ? 'tone-bad' : ''}`}>
                <Text className="sup-row-title">{line.title}</Text>
                <Text className="muted">{line.detail}</Text>
              </View>
            )
          })}
        </View>
      )}
      {w.toReview.length > 0 && (
        <View className="card">
          <Text className="card-title">{`待验收（${w.toReview.length}）`}</Text>
          {w.toReview.map((t) => (
            <Review key={t.id} t={t} />
          ))}
        </View>
      )}
      {b && b.overdueTasks.length > 0 && (
        <View className="card">
          <Text className="card-title">{`超时任务（${b.overdueTasks.length}）`}</Text>
          {b.overdueTasks.map((t) => (
            <Overdue key={t.id} t={t} now={now} />
          ))}
        </View>
      )}
      {b && (
        <View className="card">
          <Text className="card-title">今天各部门完成率</Text>
          {b.completion.map((c) => (
            <View key={c.dept} className="bar-row">
              <Text className="bar-label">{c.label}</Text>
              <View className="bar-track">
                <View className="bar-fill" style={{ width: `${percentOf(c.done, c.total)}%` }} />
              </View>
              <Text className="bar-n">{c.total ? `${c.done}/${c.total}` : '—'}</Text>
            </View>
          ))}
        </View>
      )}
      {b && b.perCategory.categories.length > 0 && (
        <View className="card">
          <Text className="card-title">近14天报事（按类别）</Text>
          {b.perCategory.categories.map((c) => (
            <View key={c.key}>
              <Text className="muted">{`${c.label} · 共${c.counts.reduce((a, n) => a + n, 0)}`}</Text>
              <View className="chart chart-small">
                {c.counts.map((n, k) => (
                  <View key={k} className="chart-col">
                    <View
                      className="chart-bar"
                      style={{ height: ui.px(Math.max(2, Math.round((n / max) * 80))) }}
                    />
                  </View>
                ))}
              </View>
            </View>
          ))}
        </View>
      )}
      {w.templates.length > 0 && (
        <View className="card">
          <Text className="card-title">{`周期任务（${w.templates.length}）`}</Text>
          {w.templates.map((t) => (
            <View key={t.id} className="sup-row">
              <Text className="sup-row-title">{t.title}</Text>
              <Text className="muted">{templateLine(t)}</Text>
              <Btn
                kind="ghost"
                onClick={async () => {
                  if (
                    !(await ui.confirm(
                      `停用「${t.title}」？`,
                      '以后不再自动生成，已生成的任务不受影响',
                      '停用'
                    ))
                  )
                    return
                  if (await w.stopTemplate(t)) void ui.toast('已停用', 'success')
                }}
              >
                停用
              </Btn>
            </View>
          ))}
        </View>
      )}
      <NewTask />
    </View>
  )
}

export default observer(WorkBoardPage)
