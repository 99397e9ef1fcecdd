import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { ui } from '../../../services/ui'
import { quizResultLine } from '../../../domain/scripts/quiz'
import { library } from '../lib'
import { catalog, quiz as s } from '../model'
import '../index.scss'
import { Back } from '../../../components/Back'

/** Practice: "in this situation, what do you say?", one tap, then the right line. */
function QuizPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  useLoad(() => void s.start(id))

  const script = catalog.getScript(id)
  const q = s.quiz
  if (!script || !q || q.quiz.scriptId !== id || q.quiz.questions.length === 0) {
    return (
      <View className="page">
        <Back />
        <Text className="muted">这份话术暂时没有练习题。</Text>
        <Btn kind="ghost" onClick={() => void ui.back()}>
          返回
        </Btn>
      </View>
    )
  }

  const total = q.quiz.questions.length
  const r = s.result
  if (r) {
    return (
      <View className="page">
        <Back />
        <View className="card">
          <Text className="card-title title-block">{`${script.title} · 练习成绩`}</Text>
          <Text className="quiz-score">{`${r.score} 分`}</Text>
          <Text className="muted">{quizResultLine(r)}</Text>
        </View>
        <Btn onClick={() => s.start(id)}>再练一次</Btn>
        <Btn kind="ghost" onClick={() => void ui.back()}>
          返回话术
        </Btn>
      </View>
    )
  }

  const question = s.question!
  const chosen = s.chosen
  const answered = chosen !== null
  const show = (t: string) => library.toDisplayPunctuation(t)
  return (
    <View className="page">
      <Back />
      <Text className="run-title">{`${script.title} · 第 ${q.index + 1} / ${total} 题`}</Text>
      <View className="card">
        <Text className="quiz-prompt">{show(question.prompt)}</Text>
        {question.options.map((o, i) => {
          const cls =
            answered && i === question.answer ? 'quiz-right' : answered && i === chosen ? 'quiz-wrong' : ''
          return (
            <View key={i} className={`quiz-option ${cls}`} onClick={() => s.answer(i)}>
              {show(o)}
            </View>
          )
        })}
        {answered &&
          (chosen === question.answer ? (
            <Text className="quiz-verdict-ok">回答正确</Text>
          ) : (
            <View>
              <Text className="quiz-verdict-bad">回答错误</Text>
              <Text className="muted">{`正确的说法是：${show(question.options[question.answer])}`}</Text>
            </View>
          ))}
      </View>
      {answered && <Btn onClick={() => s.next()}>{q.index + 1 < total ? '下一题' : '看成绩'}</Btn>}
    </View>
  )
}

export default observer(QuizPage)
