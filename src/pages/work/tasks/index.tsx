import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import type { TaskOut } from '../../../domain/contract'
import { canFollowUp, photoButton, taskLine, taskTag } from '../../../domain/work/lines'
import { taskCan } from '../../../domain/work/rules'
import { takePhoto } from '../../../services/files'
import { ui } from '../../../services/ui'
import { askSubscribe } from '../../../services/subscribe'
import { rootStore } from '../../../stores'
import { work, now as clock } from '../model'
import '../index.scss'

type Row = TaskOut & { pending: boolean }

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
  return (
    <View className={`card task ${t.overdue ? 'task-overdue' : ''}`}>
      <View onClick={() => setOpen(!open)}>
        <Text className="rep-title">{`${t.title}`}</Text>
        <Text className="muted">{taskLine(t, now)}</Text>
        <Text className={`tag ${t.status === 'open' ? 'tag-warn' : ''}`}>{taskTag(t)}</Text>
        {t.pending && <Text className="tag tag-warn">待上传</Text>}
      </View>
      {taskCan('grab', t.status) && (
        <Btn
          onClick={() => {
            askSubscribe()
            done(work.act(t, 'grab'), '已抢单')
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
  useDidShow(() => void work.load())
  usePullDownRefresh(() => void work.load())
  const now = clock()
  const roles = rootStore.session.staff?.roles ?? []
  const list = work.myTasks
  return (
    <View className="page">
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
      {work.error && <Text className="error-text">{work.error}</Text>}
      <PrivacyDialog />
    </View>
  )
}

export default observer(TasksPage)
