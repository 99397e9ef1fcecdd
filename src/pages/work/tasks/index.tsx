import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Image, Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import type { TaskOut } from '../../../domain/contract'
import {
  canFollowUp,
  grabLostLine,
  photoButton,
  rejectionLine,
  taskLine,
  taskTag
} from '../../../domain/work/lines'
import { taskCan } from '../../../domain/work/rules'
import { serverPhotoUrl, takePhoto } from '../../../services/files'
import { ui } from '../../../services/ui'
import { askSubscribe } from '../../../services/subscribe'
import { rootStore } from '../../../stores'
import { useBackOnline } from '../../online'
import { work, now as clock } from '../model'
import '../index.scss'
import { Back } from '../../../components/Back'

type Row = TaskOut & { pending: boolean; lostTo?: string }

/** What the reporter said and photographed: the worker goes by it (the task card shows it first). */
function ReportNote({ t }: { t: TaskOut }) {
  const r = t.report
  if (!r || (!r.note && !r.photoFiles.length)) return null
  return (
    <View className="task-report">
      <Text className="task-report-text">{`${r.reporterName}报：${r.note ?? '（没写说明，见照片）'}`}</Text>
      {r.photoFiles.map((f) => {
        const url = serverPhotoUrl(f)
        return url ? <Image key={f.id} className="after-photo" src={url} mode="aspectFill" /> : null
      })}
    </View>
  )
}

const TaskCard = observer(function TaskCard({ t, now }: { t: Row; now: number }) {
  const me = rootStore.session.staff?.id
  const [open, setOpen] = useState(false)
  const [ticks, setTicks] = useState<boolean[]>(t.checklist.map((c) => c.done))
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [handing, setHanding] = useState(false)
  const [reason, setReason] = useState('')
  const mine = t.assigneeId === me
  const photo = async () => {
    const p = await takePhoto()
    if (p) setPhotos([...photos, await rootStore.photos.add(p)])
  }
  const done = (ok: boolean, msg: string) => {
    if (ok) {
      setOpen(false)
      void ui.toast(msg, 'success')
    }
  }
  if (t.lostTo)
    return (
      <View className="card task task-lost">
        <Text className="rep-title">{t.title}</Text>
        <Text className="tag tag-warn">没抢到</Text>
        <Text className="error-text task-lost-line">{grabLostLine(t.lostTo)}</Text>
      </View>
    )
  const rejected = rejectionLine(t)
  return (
    <View className={`card task ${t.overdue ? 'task-overdue' : ''}`}>
      <View onClick={() => setOpen(!open)}>
        <Text className="rep-title">{`${t.title}`}</Text>
        <Text className="muted task-line">{taskLine(t, now)}</Text>
        <Text className={`tag ${t.status === 'open' ? 'tag-warn' : ''}`}>{taskTag(t)}</Text>
        {t.pending && <Text className="tag tag-warn">待上传</Text>}
      </View>
      {rejected && <Text className="error-text task-rejected">{rejected}</Text>}
      <ReportNote t={t} />
      {taskCan('grab', t.status) && (
        <Btn
          onClick={() => {
            askSubscribe()
            void work.grab(t).then((r) => {
              // only a grab the server confirmed is shown as won
              if (r === 'won') void ui.toast('已抢单', 'success')
              else if (r === 'waiting') void ui.toast('没联网：已排队，联网后才知道是否抢到')
            })
          }}
        >
          抢单
        </Btn>
      )}
      {mine && taskCan('accept', t.status) && (
        <Btn
          onClick={() => {
            askSubscribe()
            done(work.act(t, 'accept'), '已接单')
          }}
        >
          接单
        </Btn>
      )}
      {mine && taskCan('start', t.status) && (
        <Btn onClick={() => done(work.act(t, 'start'), '已开始')}>开始</Btn>
      )}
      {mine && taskCan('complete', t.status) && (
        <View>
          {t.checklist.map((c, k) => (
            <View
              key={c.label}
              className="toggle"
              onClick={() => setTicks(ticks.map((x, j) => (j === k ? !x : x)))}
            >
              <Text>{`${ticks[k] ? '☑' : '☐'} ${c.label}`}</Text>
            </View>
          ))}
          {!open ? (
            <Btn kind="ghost" onClick={() => setOpen(true)}>
              完成……
            </Btn>
          ) : (
            <View>
              <Btn kind="ghost" onClick={() => void photo()}>
                {photoButton(photos.length, t.photoRequired)}
              </Btn>
              <Field value={note} maxlength={300} placeholder="处理说明" onChange={setNote} />
              <Btn
                onClick={() =>
                  done(
                    work.act(t, 'complete', {
                      checklist: t.checklist.length ? ticks : undefined,
                      note: note.trim() || undefined,
                      photoIds: photos.length ? photos : undefined
                    }),
                    '已完成'
                  )
                }
              >
                确认完成
              </Btn>
            </View>
          )}
        </View>
      )}
      {work.errorTask === t.id && work.error && <Text className="error-text task-act-why">{work.error}</Text>}
      {mine &&
        taskCan('handBack', t.status) &&
        (handing ? (
          <View>
            <Field value={reason} maxlength={100} placeholder="退回原因" onChange={setReason} />
            <Btn kind="danger" onClick={() => done(work.act(t, 'handBack', { reason }), '已退回')}>
              确认退回
            </Btn>
          </View>
        ) : (
          <Text className="link" onClick={() => setHanding(true)}>
            做不了，退回
          </Text>
        ))}
      {t.completionNote && <Text className="muted">{`处理说明：${t.completionNote}`}</Text>}
    </View>
  )
})

/** Today's work: overdue first, then by due time; the department's open items to grab. */
function TasksPage() {
  useDidShow(() => {
    void work.load()
    // the tasks are in front of the person now: home's 新任务 / 退回 messages have done their job
    const told = rootStore.home.inbox.filter((x) => x.kind === 'assigned' || x.kind === 'rejected')
    if (told.length) rootStore.home.markRead(told.map((x) => x.id))
  })
  useDidHide(() => work.forgetLost())
  usePullDownRefresh(() => void work.load())
  useBackOnline(() => void work.load())
  const now = clock()
  const roles = rootStore.session.staff?.roles ?? []
  const list = work.shownTasks
  return (
    <View className="page">
      <Back />
      {work.note && <Text className="muted">{work.note}</Text>}
      {canFollowUp(roles) && (
        <Btn kind="ghost" onClick={() => void ui.go('/pages/work/followup/index')}>
          业主回访
        </Btn>
      )}
      {list.length === 0 && (
        <View className="card">
          <Text className="muted">现在没有任务</Text>
        </View>
      )}
      {list.map((t) => (
        <TaskCard key={t.id} t={t} now={now} />
      ))}
      {work.error && !work.errorTask && <Text className="error-text">{work.error}</Text>}
      <PrivacyDialog />
    </View>
  )
}

export default observer(TasksPage)
