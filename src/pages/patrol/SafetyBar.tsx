import { useEffect, useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Btn } from '../../components/Btn'
import { Panic } from '../../components/Panic'
import { localClock } from '../../domain/time'
import { ui } from '../../services/ui'
import { safety, now as clock } from './model'

/** The screen's own clock, ticking while the page is open: the check-in prompt comes on time. */
function useTick(ms: number): number {
  const [t, setT] = useState(clock())
  useEffect(() => {
    const id = setInterval(() => setT(clock()), ms)
    return () => clearInterval(id)
  }, [ms])
  return t
}

/** The panic button, on every patrol screen. */
export const PanicBar = observer(function PanicBar() {
  const fire = () =>
    void safety.panic().then((ok) => {
      if (ok) void ui.toast('已发出求助', 'success')
    })
  return (
    <View>
      <Panic
        onFire={fire}
        sent={
          safety.panicAt ? `${localClock(safety.panicAt)} 已发出求助，主管和在岗门岗会马上收到` : undefined
        }
      />
      {safety.error && <View className="warn-box">{safety.error}</View>}
    </View>
  )
})

/** 我安全: during a round, the check-in due every N minutes (the estate's setting). */
export const CheckInCard = observer(function CheckInCard() {
  const now = useTick(10_000)
  const due = safety.dueAt
  if (due === undefined) return null
  const late = safety.isDue(now)
  return (
    <View className={`card checkin ${late ? 'checkin-due' : ''}`}>
      <Text className="card-title">{late ? '该报平安了！' : `报平安：${localClock(due)} 前`}</Text>
      <Text className="muted">{`每 ${safety.interval} 分钟按一次「我安全」，超时未报会通知主管和在岗门岗`}</Text>
      <Btn
        className="checkin-btn"
        loading={safety.sending}
        onClick={() =>
          void safety.checkIn().then((ok) => {
            if (ok) void ui.toast('已报平安', 'success')
          })
        }
      >
        我安全
      </Btn>
    </View>
  )
})
