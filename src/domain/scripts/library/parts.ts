/**
 * Pieces several SOPs share word for word: the lines more than one department says, and small
 * typed makers for the step shapes that recur (a gate's admit/refuse answers, a goods slip check,
 * the owner's 满意/不满意, the home-visit door, a recorded complaint of the owner, 合格/整改).
 * The words are the seeds' own; test/unit/domain/scripts/libraryWords.test.ts holds the library to
 * what it said before these makers existed.
 */
import type { Branch, Step } from '../model'

export const SAY_REPORT_UP = '可以,我帮您报告上级安排完成好吗?'
export const SAY_THANK_FEEDBACK = '非常感谢您提出的宝贵意见,我们会及时改进。'
export const SAY_SHOW_ID = '请您出示证件登记。'
export const SAY_AT_DOOR = '{surname}{honorific},您好,请问有什么可以帮到您?'

type Answers = Record<string, string>

/**
 * The two ends of a gate check (visitors: `cardIssued`, vehicles: `icCardIssued`): every answer
 * that lets someone in records whether an ID was deposited and a card issued; every refusal
 * records that neither happened and why. `before` are the answers the branch also sets, first.
 */
export function gateAnswers(card: 'cardIssued' | 'icCardIssued') {
  return {
    admit(label: string, deposited: boolean, before: Answers = {}): Branch {
      return {
        label,
        to: 'end.admitted',
        set: { ...before, idDeposited: deposited ? 'yes' : 'no', [card]: 'yes', result: 'admitted' }
      }
    },
    refuse(label: string, reason: string, before: Answers = {}): Branch {
      return {
        label,
        to: 'end.refused',
        set: { ...before, idDeposited: 'no', [card]: 'no', result: 'refused', reason }
      }
    }
  }
}

/** A yes/no check on the way out: `key` yes goes on to `to`, no holds the goods with `reason`. */
export function heldUnless(
  key: string,
  ok: [label: string, to: string],
  fail: string,
  reason: string
): Branch[] {
  return [
    { label: ok[0], to: ok[1], set: { [key]: 'yes' } },
    { label: fail, to: 'end.held', set: { [key]: 'no', result: 'held', reason } }
  ]
}

/** 满意 / 不满意 (the owner's answer, recorded as `satisfied`). */
export function satisfied(yes: string, no: string, noLabel = '不满意'): Branch[] {
  return [
    { label: '满意', to: yes, set: { satisfied: 'yes' } },
    { label: noLabel, to: no, set: { satisfied: 'no' } }
  ]
}

/** 全部合格 / 有不合格项 of an appearance check. */
export function passOrFix(): Branch[] {
  return [
    { label: '全部合格', to: 'end.ok', set: { passed: 'yes' } },
    { label: '有不合格项', to: 'fix', set: { passed: 'no' } }
  ]
}

/** At an owner's door: shoe covers, the bell, the greeting. */
export function atTheDoor(more: Omit<Step, 'id' | 'title' | 'say'>): Step {
  return {
    id: 'door',
    title: '到达换鞋套',
    do: ['带好鞋套', '先按门铃', '到达以后换上鞋套'],
    say: [SAY_AT_DOOR],
    ...more
  }
}

/** The owner's complaint heard, thanked for and recorded as `feedback` (业主意见). */
export function ownerFeedback(id: string, title: string, more: Omit<Step, 'id' | 'title' | 'ask'>): Step {
  return {
    id,
    title,
    say: [SAY_THANK_FEEDBACK],
    ...more,
    ask: { key: 'feedback', label: '业主意见', kind: 'text', required: true }
  }
}
