/** 客服部 / 前台: from 000 (客服部礼仪), 001 (前台客服岗位标准), 002 (接待、回访、投诉、通知) and 004 (客户接待流程). */
import type { Script } from '../model'
import { SAY_REPORT_UP, SAY_SHOW_ID, ownerFeedback, satisfied } from './parts'
import { SEED, end, src, steps } from './seeds'

const DESK = ['service', 'supervisor'] as const

const SAY_RETURN_DOCS = '这是您的资料,请收好。如果您还有其他问题,随时可以联系我们。'
const SAY_RECEIPT = '这是您的发票和零钱,请收好'
const SAY_THANK_ANSWER = '感谢您的接听,祝您生活愉快,再见!'
const SAY_END_FOLLOWUP = '感谢您抽出时间接听我们的回访电话,祝您生活愉快,再见!'
const HANG_UP = '等客户先挂断电话,再轻轻放下听筒'

export const servicePhone: Script = {
  id: 'service.phone',
  version: 1,
  department: 'service',
  title: '接听电话',
  situation: '服务中心、客服部的电话响起时',
  source: src(SEED.deptCourtesy, '客服部礼仪礼貌服务规范 电话接听礼仪'),
  moreSources: [
    src(SEED.frontDesk, '二、电话接听规范'),
    src(SEED.familyCare, '小区物业部“亲情服务”操作规程 一、接待规程 接听电话')
  ],
  roles: [...DESK],
  tags: ['电话', '接听', '来电', '三声', '复述', '记录', '转接', '回电', '报修'],
  start: 'pickUp',
  steps: steps(
    {
      id: 'pickUp',
      title: '三声之内接听',
      do: ['电话在三声响内接听(包括其他部门电话)', '用清晰、温和的语气问好,报出部门名称', '提前准备好纸笔'],
      say: ['您好,{company}{estate}服务中心,有什么可以帮您的?', '您好,{company}客服部'],
      source: src(SEED.frontDesk, '二、电话接听规范'),
      never: ['说话粗鲁、语气生硬', '使用语言不专业规范,随便,不使用礼貌语言'],
      next: 'listen'
    },
    {
      id: 'listen',
      title: '专注倾听并记录',
      do: [
        '保持专注,不时使用“嗯”“是的”等词语给予回应',
        '记录客户语言信息,确保准确无误',
        '使用客户能够听懂的语言,吐字清晰'
      ],
      say: ['嗯', '是的'],
      ask: { key: 'request', label: '来电内容', kind: 'text', required: true },
      next: 'repeat'
    },
    {
      id: 'repeat',
      title: '复述确认',
      do: ['边听边复述重点内容,重复对方要求,以确认信息的准确性'],
      say: ['您是说您家{room}的水管在{place}漏水了,对吗?'],
      branches: [
        { label: '能准确解答', to: 'reply' },
        { label: '暂时不清楚', to: 'unknown' },
        { label: '需要转给其他同事', to: 'transfer' },
        { label: '需要派人处理(报修等)', to: 'dispatch' }
      ]
    },
    {
      id: 'reply',
      title: '专业解答',
      do: ['使用专业、易懂的语言回答'],
      never: ['使用模糊不清的表述,如“可能是这样”“大概是那样”', '推脱责任、回避客户', '与客户争辩'],
      next: 'end.answered'
    },
    {
      id: 'unknown',
      title: '不清楚时',
      say: ['很抱歉,这个问题我暂时不太清楚,我会马上咨询相关部门,之后第一时间给您回电。'],
      do: ['记下回电号码', '马上咨询相关部门,第一时间回电'],
      ask: { key: 'callback', label: '回电号码', kind: 'text' },
      next: 'end.callback'
    },
    {
      id: 'transfer',
      title: '转接电话',
      say: ['请稍等'],
      do: ['先向对方说“请稍等”,随后将电话转过'],
      source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 一、接待规程 接听电话'),
      next: 'end.transferred'
    },
    {
      id: 'dispatch',
      title: '传递与填单',
      do: ['向相关人员传递电话内容、填单', '做好每一次来电记录'],
      never: ['不作记录,遗忘传递电话内容'],
      source: src(SEED.frontDesk, '二、电话接听规范'),
      next: 'end.dispatched'
    },
    end('end.answered', 'call.answered', '已解答', { do: [HANG_UP], never: ['甩话筒'] }),
    end('end.callback', 'call.callbackPromised', '已承诺回电', { do: [HANG_UP], never: ['甩话筒'] }),
    end('end.transferred', 'call.transferred', '已转接', { do: ['确认对方已接通'] }),
    end('end.dispatched', 'call.dispatched', '已填单派人', { do: [HANG_UP], never: ['甩话筒'] })
  )
}

export const serviceReception: Script = {
  id: 'service.reception',
  version: 1,
  department: 'service',
  title: '面对面接待',
  situation: '业主、客户来到客服中心(管理中心、前台)咨询或办理业务时',
  source: src(SEED.deptCourtesy, '客服部礼仪礼貌服务规范 面对面接待礼仪'),
  moreSources: [
    src(SEED.frontDesk, '三、访客接待规范'),
    src(SEED.familyCare, '小区物业部“亲情服务”操作规程 一、接待规程 业主来访'),
    src(SEED.reception, '二、客户接待标准流程 (二)客户接待与咨询')
  ],
  roles: [...DESK],
  tags: [
    '接待',
    '来访',
    '前台',
    '咨询',
    '起身',
    '微笑',
    '倒水',
    '就座',
    '查找资料',
    '核实',
    '办理业务',
    '送客'
  ],
  start: 'welcome',
  steps: steps(
    {
      id: 'welcome',
      title: '起身迎接',
      do: ['立即起身,面带微笑迎接', '目光注视客户,热情、主动问候'],
      say: [
        '您好,请问有什么可以帮到您?',
        '您好,有什么可以帮到您吗?',
        '{surname}{honorific}您好',
        '我可以帮到你吗?',
        '您好!请问有什么可以帮您?',
        '{greeting}!'
      ],
      next: 'seat'
    },
    {
      id: 'seat',
      title: '引导就座',
      do: ['引导客户到合适的座位就座', '为客户送上一杯水'],
      say: ['请您先喝杯水,慢慢说。'],
      next: 'listen'
    },
    {
      id: 'listen',
      title: '倾听来意',
      do: [
        '起身站立或端正坐姿,身体略微前倾,眼望对方,面带微笑',
        '耐心倾听客人的来意,必要时做简要记录',
        '全神贯注地和他(她)讲话,不做其他的事情'
      ],
      never: [
        '东张西望或眼神游离',
        '随意插话或打断客户',
        '对待客人态度冷淡或粗鲁,带着情绪上班',
        '同时办理几件事情',
        '与熟悉的客人谈话过久,冷淡其他客人',
        '吃东西、嚼口香糖、抽烟等'
      ],
      ask: { key: 'request', label: '客户来意', kind: 'text', required: true },
      branches: [
        { label: '咨询,能准确解答', to: 'answer' },
        { label: '咨询,需要查找资料', to: 'lookup' },
        { label: '咨询,不能准确解答', to: 'verify' },
        { label: '办理业务', to: 'business' },
        { label: '投诉或不满', to: 'end.complaint' }
      ]
    },
    {
      id: 'answer',
      title: '解答',
      do: ['细心倾听后再做解答,解答问题要耐心', '依据相关规定、政策及实际情况,给予清晰、准确、专业的解答'],
      next: 'farewell'
    },
    {
      id: 'lookup',
      title: '查找资料',
      say: ['请稍等,我尽快帮您查找一下', '对不起,让您久等了。'],
      do: ['如果查找时间过长,应致歉'],
      source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 一、接待规程 业主来访'),
      next: 'farewell'
    },
    {
      id: 'verify',
      title: '不能准确解答时',
      say: [
        '对不起,请您稍等,我核实一下再回复您,好吗?',
        '这个问题我需要进一步核实,请您留下联系方式,我确认后尽快回复您'
      ],
      never: ['随意猜测或承诺'],
      ask: { key: 'contact', label: '客户联系方式', kind: 'text' },
      next: 'end.followUp'
    },
    {
      id: 'business',
      title: '办理业务',
      do: ['高效、准确地办理', '办理完毕后,将相关资料双手递给客户'],
      say: [SAY_RETURN_DOCS],
      next: 'farewell'
    },
    end('farewell', 'reception.resolved', '已接待', {
      title: '送客',
      do: ['主动起立微笑示意'],
      say: ['请慢走'],
      source: src(SEED.frontDesk, '五、送客服务规范')
    }),
    end('end.followUp', 'reception.followUp', '待核实后回复', {
      do: ['核实后按约定尽快回复客户', '主动起立微笑示意'],
      say: ['请慢走']
    }),
    end('end.complaint', 'reception.complaint', '转投诉处理', { do: ['按“接受投诉”话术处理'] })
  )
}

export const serviceComplaint: Script = {
  id: 'service.complaint',
  version: 1,
  department: 'service',
  title: '接受投诉',
  situation: '业主、客户来投诉或对服务表示不满时',
  source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 五、处理业主投诉操作规程'),
  moreSources: [
    src(SEED.deptCourtesy, '客服部礼仪礼貌服务规范 面对面接待礼仪'),
    src(SEED.frontDesk, '七、接受投诉规范'),
    src(SEED.reception, '二、客户接待标准流程 (二)5.情绪安抚')
  ],
  roles: ['service', 'supervisor', 'housekeeper'],
  tags: ['投诉', '不满', '道歉', '致歉', '记录', '登记表', '上报', '上级', '跟踪', '反馈'],
  start: 'receive',
  steps: steps(
    {
      id: 'receive',
      title: '请坐倾听',
      do: [
        '请业主入坐,主动倒茶给业主',
        '保持冷静,认真倾听客户的意见,不要急于辩解',
        '首先站在客户的角度思考问题,急客户之所急,想客户之所想',
        '表示关心和理解,耐心安抚其情绪'
      ],
      never: [
        '总在为自己做辩解,不对客人表示同情和理解',
        '与客户争吵',
        '让投诉客人在其他客人面前倾诉不作处置,扩大负面影响'
      ],
      next: 'apologize'
    },
    {
      id: 'apologize',
      title: '诚恳致歉',
      do: ['待客户情绪稳定后,诚恳致歉'],
      say: ['非常抱歉给您带来了不好的体验,我们一定会重视这个问题,尽快为您解决。'],
      source: src(SEED.deptCourtesy, '客服部礼仪礼貌服务规范 面对面接待礼仪'),
      next: 'record'
    },
    {
      id: 'record',
      title: '详细记录',
      do: ['详细记录客户的投诉内容和要求', '在《业主投诉意见登记表》上做好记录'],
      ask: { key: 'complaint', label: '投诉内容和要求', kind: 'text', required: true },
      never: ['对客人的问题敷衍了事,心不在焉,不及时做记录,推诿'],
      branches: [
        { label: '本职责范围内能解决', to: 'resolve', set: { handledBy: 'self' } },
        { label: '有争议或本人不能解决', to: 'escalate', set: { handledBy: 'superior' } }
      ]
    },
    {
      id: 'resolve',
      title: '尽快解决',
      do: [
        '尽快解决',
        '与客户约定好的服务事项,应按时赴约,言行一致',
        '不轻易对客户许诺,一旦许诺就必须守信,按约定期限解决'
      ],
      next: 'end.resolved'
    },
    {
      id: 'escalate',
      title: '报告上级并跟踪',
      do: [
        '有争议的问题可婉转解释或请上级处理',
        '马上向上级汇报,由上级落实处理',
        '及时跟踪和向客户反馈问题进展的程度,直到问题解决'
      ],
      say: [SAY_REPORT_UP],
      next: 'end.escalated'
    },
    end('end.resolved', 'complaint.resolved', '已解决'),
    end('end.escalated', 'complaint.escalated', '已上报跟踪')
  )
}

export const serviceFollowUp: Script = {
  id: 'service.followup',
  version: 1,
  department: 'service',
  title: '回访',
  situation: '维修、有偿服务(绿化、清洁、洗衣)或投诉处理完成后,电话回访业主,直到业主满意',
  source: src(SEED.deptCourtesy, '客服部礼仪礼貌服务规范 客户回访礼仪'),
  moreSources: [src(SEED.familyCare, '小区物业部“亲情服务”操作规程 二、回访规程(报修、投诉、有偿服务)')],
  roles: ['service', 'housekeeper', 'supervisor'],
  tags: ['回访', '满意度', '报修', '维修', '有偿服务', '意见', '改进', '电话'],
  start: 'prepare',
  steps: steps(
    {
      id: 'prepare',
      title: '回访准备',
      do: ['提前做好准备,熟悉客户的相关信息和之前的服务记录'],
      branches: [
        { label: '报修回访', to: 'call', set: { followupKind: 'repair' } },
        { label: '有偿服务回访', to: 'call', set: { followupKind: 'paid' } },
        { label: '投诉回访', to: 'call', set: { followupKind: 'complaint' } }
      ]
    },
    {
      id: 'call',
      title: '表明身份',
      say: ['您好,我是{company}客服部的{staffName},之前您在我们这里办理了{matter},现在想跟您做个回访。'],
      next: 'ask'
    },
    {
      id: 'ask',
      title: '询问满意度',
      say: ['请问我们上次为您提供的服务您还满意吗?有没有什么需要改进的地方?'],
      do: ['真诚地询问客户对服务的满意度'],
      branches: satisfied('end.satisfied', 'record')
    },
    ownerFeedback('record', '记录意见', {
      do: ['认真记录客户提出的建议和意见', '将业主反馈意见进行登记'],
      branches: [
        { label: '报修不合格,通知工程部再次解决', to: 'redo' },
        { label: '反馈给相应部门', to: 'end.feedback' }
      ]
    }),
    {
      id: 'redo',
      title: '再次处理后再回访',
      do: ['将不合格事项通知工程部再次解决', '再次处理后要再次进行回访,直到业主对维修服务工作满意为止'],
      source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 二、回访规程(报修、投诉、有偿服务)'),
      branches: [
        { label: '工程部已再次处理,再次回访', to: 'ask' },
        { label: '多次处理仍不满意,报告上级', to: 'end.escalated' }
      ]
    },
    end('end.satisfied', 'followup.satisfied', '业主满意', { say: [SAY_END_FOLLOWUP], do: [HANG_UP] }),
    end('end.feedback', 'followup.feedbackSent', '意见已反馈相应部门', {
      say: [SAY_END_FOLLOWUP],
      do: ['将业主意见反馈给相应部门', HANG_UP]
    }),
    end('end.escalated', 'followup.escalated', '已报告上级', { say: [SAY_END_FOLLOWUP], do: [HANG_UP] })
  )
}

export const serviceGuidance: Script = {
  id: 'service.guidance',
  version: 1,
  department: 'service',
  title: '访客指引',
  situation: '有客人到前台要找某人(被访者)时',
  source: src(SEED.frontDesk, '四、访客指引规范'),
  roles: [...DESK],
  tags: ['访客', '指引', '被访者', '贵姓', '联系', '等候', '休息区', '茶水', '手势'],
  start: 'ask',
  steps: steps(
    {
      id: 'ask',
      title: '询问被访对象',
      do: ['先询问被访对象,然后微笑有礼貌地询问来访者姓名', '在与被访者联系前,作相关登记工作'],
      say: ['请问您贵姓?', '请问怎么称呼您?是否已与{host}联系好', '请稍候,我马上帮您联系'],
      ask: { key: 'host', label: '被访对象', kind: 'text', required: true },
      never: ['没记住经常来访客人的姓名,不主动打招呼'],
      next: 'contact'
    },
    {
      id: 'contact',
      title: '联系被访者',
      do: ['联系被访者,确认是否接见'],
      branches: [
        { label: '被访者同意,马上来', to: 'meet', set: { hostReply: 'coming' } },
        { label: '被访者不在', to: 'absent', set: { hostReply: 'absent' } },
        { label: '被访者要求来访者等候', to: 'wait', set: { hostReply: 'wait' } }
      ]
    },
    {
      id: 'meet',
      title: '请客人稍等',
      say: ['{host}马上来见您,请您在前台接待厅稍等片刻', '让您久等了'],
      do: ['以手势示意方向'],
      never: ['为客人指引方向时,用一个手指'],
      next: 'end.met'
    },
    {
      id: 'absent',
      title: '被访者不在',
      say: ['对不起,{host}不在公司,请您稍后与他联系'],
      do: ['向来访者表示歉意'],
      next: 'end.absent'
    },
    {
      id: 'wait',
      title: '安排等候',
      do: ['热情接待客人并安排到休息区等候', '提供茶水服务'],
      never: ['与在等待的来访者过多地聊天,特别是聊一些私人话题,说话声音大'],
      next: 'end.waiting'
    },
    end('end.met', 'guidance.met', '被访者已接待'),
    end('end.absent', 'guidance.absent', '被访者不在', { say: ['请慢走'] }),
    end('end.waiting', 'guidance.waiting', '来访者在休息区等候')
  )
}

export const serviceFarewell: Script = {
  id: 'service.farewell',
  version: 1,
  department: 'service',
  title: '送客',
  situation: '访客、业主离开前台或服务中心时',
  source: src(SEED.frontDesk, '五、送客服务规范'),
  roles: ['service', 'supervisor', 'housekeeper'],
  tags: ['送客', '请慢走', '离开', '起立'],
  start: 'seeOff',
  steps: steps(
    end('seeOff', 'done', '已送客', {
      title: '起立送客',
      do: ['主动起立微笑示意'],
      say: ['请慢走'],
      never: ['对客离开不闻不问,装作没看见', '客户尚在视线范围就作不恰当的评价', '对情绪激动的客户以非对非']
    })
  )
}

export const serviceDocuments: Script = {
  id: 'service.documents',
  version: 1,
  department: 'service',
  title: '文件及资料的收发与传递',
  situation: '客户要发传真,或收到需要转交代送的文件、资料、物品时',
  source: src(SEED.frontDesk, '六、文件及资料的收发与传递规范'),
  roles: [...DESK],
  tags: ['传真', '文件', '资料', '转交', '代送', '登记', '保密', '收件人'],
  start: 'kind',
  steps: steps(
    {
      id: 'kind',
      title: '收发类型',
      never: [
        '代顾客收发的任何文件、资料、信件、传真件,在未经得顾客本人同意的情况下,给第三人传阅',
        '不及时递送资料,延误信息',
        '不妥善保管受人委托管理的资料'
      ],
      branches: [
        { label: '客户要发送传真', to: 'fax', set: { docKind: 'fax' } },
        { label: '收到需转交代送的文件、资料、物品', to: 'handover', set: { docKind: 'handover' } }
      ]
    },
    {
      id: 'fax',
      title: '发送传真',
      do: [
        '有礼貌地向顾客明确发送地址、传真号码、收件人、联系电话',
        '与收件方电话予以确认',
        '作好相关登记工作'
      ],
      check: ['发送地址', '传真号码', '收件人', '联系电话', '已与收件方电话确认', '已登记'],
      ask: { key: 'faxNumber', label: '传真号码', kind: 'text', required: true },
      next: 'end.sent'
    },
    {
      id: 'handover',
      title: '转交代送',
      do: ['尽快转交给物品接收人', '作好相关登记工作'],
      ask: { key: 'recipient', label: '接收人', kind: 'text', required: true },
      next: 'end.handedOver'
    },
    end('end.sent', 'documents.sent', '传真已发送并登记'),
    end('end.handedOver', 'documents.handedOver', '已转交并登记')
  )
}

export const serviceBusiness: Script = {
  id: 'service.business',
  version: 1,
  department: 'service',
  title: '办理业务与交费',
  situation: '客户来办理门禁、会员卡、停车卡等业务,或业主来交纳管理费时',
  source: src(SEED.frontDesk, '八、办理各类业务(如门禁、会员卡、停车卡等)规范'),
  moreSources: [src(SEED.familyCare, '小区物业部“亲情服务”操作规程 一、接待规程 业主来访(2)交纳管理费')],
  roles: [...DESK],
  tags: ['业务', '门禁', '会员卡', '停车卡', '证件', '表格', '收费', '交费', '管理费', '发票', '零钱'],
  start: 'receive',
  steps: steps(
    {
      id: 'receive',
      title: '及时接待',
      do: ['客人进门及时接待', '熟悉业务操作规程,办事迅速,工作认真细致'],
      say: ['您好,有什么可以帮到您吗?'],
      never: [
        '客人进门,接待人员不及时接待,与人聊天或继续干自己的事情',
        '有多名客人等待不一视同仁,熟悉的人先办,或对久等的顾客置之不理,没有作好安抚工作'
      ],
      branches: [
        { label: '办理门禁、会员卡、停车卡等业务', to: 'documents', set: { businessKind: 'card' } },
        { label: '业主来交纳管理费', to: 'fee', set: { businessKind: 'managementFee' } }
      ]
    },
    {
      id: 'documents',
      title: '请出示证件',
      do: ['礼貌地请客户出示所需的证件,“请、您”字不离口'],
      say: [SAY_SHOW_ID],
      source: src(SEED.security, '五、12、推广礼貌服务用语十条'),
      next: 'form'
    },
    {
      id: 'form',
      title: '引导填表',
      do: ['为客户准备好笔和表格', '耐心细致地引导客户填写表格'],
      next: 'explain'
    },
    {
      id: 'explain',
      title: '解释收费标准',
      do: ['向客户解释清楚相关的收费标准'],
      never: ['客人多问问题时显得不耐烦', '客人态度激动时,以牙还牙'],
      next: 'pay'
    },
    {
      id: 'fee',
      title: '业主交管理费',
      do: [
        '起身“笑脸”相迎',
        '请业主入坐,倒茶给业主',
        '通知财务部收款',
        '与业主亲切交谈,借此机会向业主介绍我司有关服务项目'
      ],
      say: ['{surname}{honorific}您好'],
      source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 一、接待规程 业主来访(2)'),
      next: 'pay'
    },
    {
      id: 'pay',
      title: '双手奉上发票零钱',
      do: ['请客户交费', '将开具的发票收据和零钱以双手奉上', '微笑注视客户,等客户确认无误后,向客户表示感谢'],
      say: [SAY_RECEIPT, '谢谢'],
      never: ['遇到客人交费时热情,有其他需求时冷淡'],
      next: 'end.done'
    },
    end('end.done', 'business.done', '已办理', { say: ['请慢走'], do: ['待业主办完手续后欢送业主离开'] })
  )
}

export const serviceFeeCollection: Script = {
  id: 'service.fee-collection',
  version: 1,
  department: 'service',
  title: '催收服务费',
  situation: '业主拖欠服务费,需要电话预约、上门收费或在前台收费时',
  source: src(SEED.frontDesk, '五、催收服务费规范'),
  roles: ['service', 'housekeeper', 'supervisor'],
  tags: ['催收', '收费', '欠费', '服务费', '物业费', '上门', '明细表', '发票', '找零'],
  start: 'kind',
  steps: steps(
    {
      id: 'kind',
      title: '催收方式',
      do: ['工作时情绪饱满,不卑不亢,对工作有高度的责任心,积极主动'],
      branches: [
        { label: '电话预约', to: 'phone', set: { collectKind: 'phone' } },
        { label: '特殊情况上门收费', to: 'visit', set: { collectKind: 'visit' } },
        { label: '客户来交费', to: 'statement', set: { collectKind: 'counter' } }
      ]
    },
    {
      id: 'phone',
      title: '电话预约交费时间',
      do: ['首先电话预约客户,请其约定来交费的时间', '在电话中清楚告之其拖欠费用的款项和数目'],
      say: [SAY_THANK_ANSWER],
      ask: { key: 'payTime', label: '约定的交费时间', kind: 'text' },
      source: src(SEED.deptCourtesy, '客服部礼仪礼貌服务规范 电话接听礼仪'),
      branches: [
        { label: '已约定交费时间', to: 'end.appointment' },
        { label: '客户有意见或投诉', to: 'complaint' }
      ]
    },
    {
      id: 'visit',
      title: '上门收费',
      do: ['尊重客户的生活习惯和个人喜好', '因工作造成打扰应诚恳道歉'],
      say: ['打扰您了'],
      never: ['去客户家中迟到,或提前到达超过5分钟', '抽客户的烟,吃客户的东西', '对客户家里的东西评头论足'],
      branches: [
        { label: '客户同意交费', to: 'statement' },
        { label: '客户有意见或投诉', to: 'complaint' }
      ]
    },
    {
      id: 'statement',
      title: '出具费用明细',
      do: ['及时出具相关费用明细表', '如客户有疑问,要做好相关的解释工作'],
      never: ['帐目不清楚', '票据不完整'],
      branches: [
        { label: '客户交费', to: 'pay' },
        { label: '客户有意见或投诉', to: 'complaint' }
      ]
    },
    {
      id: 'pay',
      title: '双手奉上发票找零',
      do: ['将开具的发票和找零用双手奉上给客户', '微笑注视客户,等客户确认无误后,向客户表示感谢'],
      say: [SAY_RECEIPT, '谢谢'],
      never: ['收取现金不按财务要求及时交帐'],
      next: 'end.paid'
    },
    {
      id: 'complaint',
      title: '收费中碰到投诉',
      do: [
        '对态度不好的投诉客户要理智冷静',
        '对客户的意见应诚挚道歉并虚心接受',
        '自己不能处理时,予以记录并报告上级领导'
      ],
      say: ['很抱歉'],
      never: ['当客人有意见时,向客户诉苦,数落公司的不是,以博取客户的同情'],
      ask: { key: 'complaint', label: '客户意见', kind: 'text', required: true },
      next: 'end.complaint'
    },
    end('end.appointment', 'fee.appointment', '已约定交费时间'),
    end('end.paid', 'fee.paid', '已收费'),
    end('end.complaint', 'fee.complaint', '已记录意见并报告上级')
  )
}

export const serviceNotice: Script = {
  id: 'service.notice',
  version: 1,
  department: 'service',
  title: '停水停电等通知',
  situation: '接到临时停水、停电通知,或园区要杀虫、灭鼠时',
  source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 六、通知的传达'),
  roles: ['service', 'housekeeper', 'supervisor'],
  tags: ['通知', '停水', '停电', '恢复', '见谅', '杀虫', '灭鼠', '书面通知'],
  start: 'kind',
  steps: steps(
    {
      id: 'kind',
      title: '通知类型',
      do: ['把握每一次与业主接触的机会'],
      branches: [
        { label: '临时停水、停电', to: 'outage', set: { noticeKind: 'outage' } },
        { label: '园区杀虫、灭鼠', to: 'pest', set: { noticeKind: 'pest' } }
      ]
    },
    {
      id: 'outage',
      title: '电话通知业主',
      do: ['接到临时停水、停电通知应及时电话业主', '尽量说明事由及恢复时间'],
      ask: { key: 'matter', label: '停水停电的事由和恢复时间', kind: 'text', required: true },
      say: [
        '您好,我是{company}{estate}服务中心的{staffName},因{matter},将临时停水(停电),预计{time}恢复,不便之处请您见谅。',
        SAY_THANK_ANSWER
      ],
      next: 'end.called'
    },
    {
      id: 'pest',
      title: '书面通知',
      do: ['园区杀虫、灭鼠作出书面通知', '提前一天发放给业主'],
      check: ['书面通知写明时间和范围', '已提前一天发放'],
      next: 'end.posted'
    },
    end('end.called', 'notice.called', '已电话通知'),
    end('end.posted', 'notice.posted', '已发放书面通知')
  )
}

export const servicePaidRequest: Script = {
  id: 'service.paid-request',
  version: 1,
  department: 'service',
  title: '受理有偿服务',
  situation: '业主提出绿化、清洁、洗衣等有偿服务需求时',
  source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 三、有偿服务工作规程'),
  roles: ['service', 'housekeeper', 'supervisor'],
  tags: ['有偿服务', '绿化', '清洁', '洗衣', '预约', '上门服务'],
  start: 'thank',
  steps: steps(
    {
      id: 'thank',
      title: '致谢',
      say: ['多谢您给我们为您服务的机会'],
      ask: {
        key: 'serviceKind',
        label: '服务项目',
        kind: 'choice',
        options: ['绿化', '清洁', '洗衣', '其他'],
        required: true
      },
      next: 'details'
    },
    {
      id: 'details',
      title: '记下要求',
      do: ['记下业主需要的事项、日期及要求'],
      ask: { key: 'details', label: '事项、日期及要求', kind: 'text', required: true },
      next: 'promise'
    },
    end('promise', 'paidService.booked', '已受理', {
      title: '承诺安排',
      do: ['承诺业主尽快安排有关部门上门服务', '通知有关部门']
    })
  )
}

export const serviceDeskOpening: Script = {
  id: 'service.desk-opening',
  version: 1,
  department: 'service',
  title: '接待前准备',
  situation: '每天开始接待前,前台、服务中心自查',
  source: src(SEED.reception, '二、客户接待标准流程 (一)接待前准备'),
  roles: [...DESK],
  tags: ['接待', '准备', '前台', '自查', '物料', '环境', '上岗'],
  start: 'environment',
  steps: steps(
    {
      id: 'environment',
      title: '环境准备',
      check: ['接待区域干净整洁,物品摆放有序', '光线充足,空气流通'],
      next: 'people'
    },
    {
      id: 'people',
      title: '人员准备',
      check: [
        '提前到岗',
        '按规定着装,整理仪容仪表',
        '调整精神状态,保持饱满热情',
        '熟悉当日工作重点及常见问题的处理预案'
      ],
      next: 'supplies'
    },
    end('supplies', 'desk.ready', '准备就绪', {
      title: '物料准备',
      check: ['登记本、笔、便签、饮用水、纸杯', '电话、电脑等办公设备运行正常']
    })
  )
}

export const serviceRequestIntake: Script = {
  id: 'service.request-intake',
  version: 1,
  department: 'service',
  title: '报事受理与跟进',
  situation: '业主通过电话、网络平台、维修报修单等提交服务申请(报事、报修)时',
  source: src(SEED.familyCare, '小区物业部亲情服务操作规程 四、服务流程'),
  moreSources: [src(SEED.familyCare, '物业亲情服务管理程序(2023版) 四、服务流程')],
  roles: ['service', 'housekeeper', 'supervisor'],
  tags: ['报事', '报修', '受理', '派单', '上报', '跟进', '反馈', '评价'],
  start: 'receive',
  steps: steps(
    {
      id: 'receive',
      title: '受理并分类',
      do: ['受理业主的服务申请', '记录并分类问题'],
      ask: { key: 'request', label: '报事内容', kind: 'text', required: true },
      branches: [
        { label: '较为简单,可在线处理', to: 'online', set: { handling: 'online' } },
        { label: '需要派人上门', to: 'assign', set: { handling: 'assign' } },
        { label: '需要更换、修理,上报管理层', to: 'escalate', set: { handling: 'escalate' } }
      ]
    },
    { id: 'online', title: '在线处理', do: ['在线处理或指导业主自行处理'], next: 'notify' },
    {
      id: 'assign',
      title: '指派专人',
      do: ['根据申请内容指派专人负责', '及时了解具体情况,检查设施或现场,诊断问题', '根据紧急程度进行处理'],
      next: 'notify'
    },
    {
      id: 'escalate',
      title: '上报管理层',
      do: ['将事情上报管理层', '需要进一步处理的问题进入待解决问题清单'],
      next: 'end.pending'
    },
    {
      id: 'notify',
      title: '通知与评价',
      do: ['通知业主处理进展情况及处理结果', '请业主对处理结果进行评价', '跟进服务问题,及时采取改善措施'],
      next: 'end.closed'
    },
    end('end.closed', 'request.closed', '已处理并反馈'),
    end('end.pending', 'request.pending', '已上报,待解决', { do: ['通知业主维修进展情况'] })
  )
}

export const SERVICE_SCRIPTS: Script[] = [
  servicePhone,
  serviceReception,
  serviceComplaint,
  serviceFollowUp,
  serviceGuidance,
  serviceFarewell,
  serviceDocuments,
  serviceBusiness,
  serviceFeeCollection,
  serviceNotice,
  servicePaidRequest,
  serviceDeskOpening,
  serviceRequestIntake
]
