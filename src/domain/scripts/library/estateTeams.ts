/**
 * The estate's teams on the ground: 管家/有偿服务、工程部、清洁部、绿化部, and scripts for everyone (仪容仪表, 亲情服务用语, 亲情帮扶).
 * From 002 (亲情服务操作规程 合集), 003 (上门服务), 000/001/004 (仪容仪表).
 */
import { ALL_ROLES } from '../../roles'
import type { Script } from '../model'
import {
  SAY_AT_DOOR,
  SAY_REPORT_UP,
  SAY_THANK_FEEDBACK,
  atTheDoor,
  ownerFeedback,
  passOrFix,
  satisfied
} from './parts'
import { SEED, end, src, steps } from './seeds'

const SAY_OK = '{surname}{honorific},这样做可以吗?'
const SAY_SATISFIED = '{surname}{honorific},这样做可以吗?您满意吗?'
const NEVER_AT_HOME = ['吃业主的饭', '抽业主的烟', '接受业主的任何回赠', '对客户家里的东西评头论足']
const HOME_VISIT = src(SEED.security, '四、日常工作的礼节礼貌操作规程 7')
const NO_GIFTS = src(SEED.familyCare, '物业公司亲情服务实施方案 四、活动内容 1')

export const housekeepingLaundry: Script = {
  id: 'housekeeping.laundry',
  version: 1,
  department: 'housekeeping',
  title: '洗衣上门收送',
  situation: '业主需要上门收取干(湿)洗衣物,或洗好的衣物送还业主时',
  source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 三、有偿服务 洗衣规程'),
  roles: ['housekeeper', 'service'],
  tags: ['洗衣', '干洗', '湿洗', '衣物', '收衣', '送衣', '收据', '客户联', '高洁公司', '有偿服务'],
  start: 'kind',
  steps: steps(
    {
      id: 'kind',
      title: '收衣还是送衣',
      do: ['注意礼貌、礼节、讲话语气及微笑服务'],
      branches: [
        { label: '上门收取衣物', to: 'pickup.door', set: { laundryKind: 'pickup' } },
        { label: '送还洗好的衣物', to: 'return.inspect', set: { laundryKind: 'return' } }
      ]
    },
    {
      id: 'pickup.door',
      title: '到业主门口',
      do: ['到业主门口,按门铃', '见到业主面带微笑'],
      say: ['{surname}{honorific}您好,我是管理中心工作人员,是来收取您需干(湿)洗的衣服'],
      next: 'pickup.inspect'
    },
    {
      id: 'pickup.inspect',
      title: '检查点数',
      do: ['接收衣物时检查衣物有无损坏', '点清数量后写清收价', '将收据“客户联”交给业主'],
      check: ['衣物有无损坏已检查', '数量已点清', '收价已写清', '收据“客户联”已交给业主'],
      ask: { key: 'count', label: '衣物件数', kind: 'text', required: true },
      next: 'pickup.date'
    },
    {
      id: 'pickup.date',
      title: '问清归还日期',
      do: ['问清需归还的日期'],
      ask: { key: 'returnDate', label: '归还日期', kind: 'text', required: true },
      next: 'pickup.mark'
    },
    {
      id: 'pickup.mark',
      title: '标记并送洗',
      do: ['在每件衣物上做好标记,避免遗漏', '联系高洁公司收取衣物,并说明需返还日期'],
      next: 'end.collected'
    },
    {
      id: 'return.inspect',
      title: '检查送回的衣物',
      do: ['高洁公司归还衣物后,仔细检查有无损坏', '核实数量', '确认是否是业主衣服'],
      check: ['没有损坏', '数量相符', '是业主的衣服'],
      branches: [
        { label: '核实无误', to: 'return.door', set: { returnCheck: 'ok' } },
        { label: '有损坏、缺件或不是业主的衣服', to: 'end.problem', set: { returnCheck: 'problem' } }
      ]
    },
    {
      id: 'return.door',
      title: '送还业主',
      do: ['将衣物核实无误后送还业主(上门送衣服务程序与收衣相同)', '按门铃,见到业主面带微笑'],
      say: ['{surname}{honorific}您好,我是管理中心工作人员,是来送还您干(湿)洗的衣服'],
      next: 'return.ask'
    },
    {
      id: 'return.ask',
      title: '询问洗衣质量',
      do: ['询问业主对洗衣质量是否满意'],
      say: ['请问您对这次洗衣的质量满意吗?'],
      branches: satisfied('end.returned', 'return.feedback')
    },
    ownerFeedback('return.feedback', '记录意见', {
      do: ['诚心听取住户意见', '将业主意见反馈给相应部门'],
      source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 二、回访规程 有偿服务'),
      next: 'end.returned'
    }),
    end('end.collected', 'laundry.collected', '已收衣送洗'),
    end('end.returned', 'laundry.returned', '已送还'),
    end('end.problem', 'laundry.problem', '衣物有问题,暂不送还', {
      do: ['联系高洁公司核查', '如实告知业主并致歉'],
      say: ['很抱歉']
    })
  )
}

export const housekeepingHomeVisit: Script = {
  id: 'housekeeping.home-visit',
  version: 1,
  department: 'housekeeping',
  title: '上门服务',
  situation: '业主需要工作人员上门帮忙(接电、接水、收拾家、浇花等)时',
  source: src(SEED.security, '四、日常工作的礼节礼貌操作规程 7'),
  moreSources: [src(SEED.familyCare, '物业公司亲情服务实施方案 四、活动内容 1、5')],
  roles: ['housekeeper', 'guard', 'service', 'supervisor'],
  tags: ['上门', '鞋套', '门铃', '帮扶', '满意', '接电', '接水', '不抽烟', '不吃饭', '回赠'],
  start: 'door',
  steps: steps(
    atTheDoor({ next: 'work' }),
    {
      id: 'work',
      title: '服务',
      do: ['提供力所能及的帮助,比如接电、接水、收拾家、浇花、做饭等', '边做边说'],
      say: [SAY_OK],
      never: NEVER_AT_HOME,
      source: NO_GIFTS,
      next: 'check'
    },
    {
      id: 'check',
      title: '询问是否满意',
      do: ['帮业主做完事以后询问'],
      say: [SAY_SATISFIED],
      branches: satisfied('end.satisfied', 'redo')
    },
    {
      id: 'redo',
      title: '重新处理或上报',
      do: ['按业主的要求重新处理', '本人无法完成时,应先承诺业主,再报告上级'],
      say: [SAY_REPORT_UP],
      source: src(SEED.security, '四、日常工作的礼节礼貌操作规程 8'),
      branches: [
        { label: '已重新处理,再次询问', to: 'check' },
        { label: '已报告上级安排', to: 'end.escalated' }
      ]
    },
    end('end.satisfied', 'visit.satisfied', '业主满意'),
    end('end.escalated', 'visit.escalated', '已报告上级安排')
  )
}

export const housekeepingPaidService: Script = {
  id: 'housekeeping.paid-service',
  version: 1,
  department: 'housekeeping',
  title: '有偿清洁、绿化上门服务',
  situation: '已受理的有偿清洁、绿化服务,上门实施并听取业主意见',
  source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 三、有偿服务工作规程'),
  moreSources: [src(SEED.familyCare, '小区物业部“亲情服务”操作规程 二、回访规程 有偿服务'), HOME_VISIT],
  roles: ['housekeeper', 'cleaner', 'supervisor'],
  tags: ['有偿服务', '清洁', '保洁', '绿化', '上门', '鞋套', '满意', '意见'],
  start: 'kind',
  steps: steps(
    {
      id: 'kind',
      title: '服务项目',
      do: ['按记下的事项、日期及要求上门'],
      branches: [
        { label: '有偿清洁', to: 'door', set: { serviceKind: 'cleaning' } },
        { label: '有偿绿化', to: 'door', set: { serviceKind: 'greening' } }
      ]
    },
    atTheDoor({ source: HOME_VISIT, next: 'work' }),
    {
      id: 'work',
      title: '实施服务',
      do: ['按业主要求进行服务', '使用清洁用品和工具时要正确操作,避免对自己和他人造成伤害'],
      never: NEVER_AT_HOME,
      next: 'check'
    },
    {
      id: 'check',
      title: '询问是否满意',
      say: [SAY_SATISFIED],
      branches: satisfied('end.done', 'feedback')
    },
    ownerFeedback('feedback', '听取意见', {
      do: ['与住户交谈,诚心听取住户意见', '将业主意见反馈给相应部门'],
      next: 'end.feedback'
    }),
    end('end.done', 'paidService.done', '服务完成,业主满意'),
    end('end.feedback', 'paidService.feedback', '意见已反馈相应部门')
  )
}

export const engineeringRepairVisit: Script = {
  id: 'engineering.repair-visit',
  version: 1,
  department: 'engineering',
  title: '上门维修',
  situation: '居民报修家庭维修(灯具、水龙头、墙面、卫生间等)后,工程人员上门时',
  source: src(SEED.familyCare, '小区工程部亲情服务操作规程 三、服务标准 1.居民家庭维修服务'),
  moreSources: [
    src(SEED.familyCare, '小区工程部亲情服务操作规程 三、服务流程'),
    src(SEED.familyCare, '某物业小区工程部亲情服务操作规程 四、服务流程 1. 服务验证'),
    HOME_VISIT
  ],
  roles: ['engineer', 'supervisor'],
  tags: ['维修', '报修', '上门', '2小时', '鞋套', '施工方案', '签字', '满意', '工程'],
  start: 'receive',
  steps: steps(
    {
      id: 'receive',
      title: '接单预约',
      do: ['收到居民的服务需求后,及时登记', '与居民预约具体的服务时间'],
      ask: { key: 'job', label: '维修内容', kind: 'text', required: true },
      next: 'arrive'
    },
    {
      id: 'arrive',
      title: '2小时内到达',
      do: ['在2小时内到达现场', '带好鞋套,先按门铃,到达以后换上鞋套'],
      say: [SAY_AT_DOOR],
      ask: { key: 'arrivedInTime', label: '2小时内到达', kind: 'yesno', required: true },
      source: HOME_VISIT,
      next: 'diagnose'
    },
    {
      id: 'diagnose',
      title: '检测确诊',
      do: ['对维修项进行检测、确诊', '需要施工的,提前告知业主施工方案,经业主确认并签字后开始工作'],
      branches: [
        { label: '业主确认,开始维修', to: 'repair' },
        { label: '当场无法维修', to: 'escalate' }
      ]
    },
    {
      id: 'repair',
      title: '维修',
      do: ['严格遵守安全操作规范', '保持工作场所的整洁和有序'],
      never: NEVER_AT_HOME,
      next: 'check'
    },
    {
      id: 'check',
      title: '询问是否满意',
      say: [SAY_SATISFIED],
      branches: [
        { label: '满意', to: 'record', set: { satisfied: 'yes' } },
        { label: '不满意,再次处理', to: 'repair', set: { satisfied: 'no' } },
        { label: '不满意,当场无法解决', to: 'escalate', set: { satisfied: 'no' } }
      ]
    },
    {
      id: 'record',
      title: '做好记录',
      do: ['维修完成后做好相关记录', '清理现场'],
      next: 'end.done'
    },
    {
      id: 'escalate',
      title: '说明并上报',
      do: ['向业主讲清原因,并表示歉意', '上报并与业主约定下次上门时间'],
      say: [SAY_REPORT_UP],
      next: 'end.pending'
    },
    end('end.done', 'repair.done', '维修完成'),
    end('end.pending', 'repair.pending', '待再次上门')
  )
}

export const engineeringInspection: Script = {
  id: 'engineering.inspection',
  version: 1,
  department: 'engineering',
  title: '公共设施巡查',
  situation: '每天巡查电梯、楼道、走廊、道路、绿化等公共设施时',
  source: src(SEED.familyCare, '小区工程部亲情服务操作规程 三、服务标准 2.公共设施养护服务'),
  moreSources: [src(SEED.familyCare, '小区工程部亲情服务操作规程 三、服务标准 3.电梯维护服务')],
  roles: ['engineer', 'supervisor'],
  tags: ['巡查', '公共设施', '电梯', '楼道', '道路', '维护', '记录', '报告'],
  start: 'round',
  steps: steps(
    {
      id: 'round',
      title: '巡查',
      check: ['电梯', '楼道', '走廊', '道路', '绿化'],
      do: ['清理电梯内外环境,确保电梯车厢干净整洁,设备运转正常'],
      branches: [
        { label: '未发现问题', to: 'end.ok' },
        { label: '发现问题', to: 'found' }
      ]
    },
    {
      id: 'found',
      title: '记录报告',
      do: ['对发现的问题进行及时记录、报告'],
      ask: { key: 'finding', label: '问题(位置、内容)', kind: 'text', required: true },
      branches: [
        { label: '常见问题,已日常维护', to: 'end.fixed' },
        { label: '复杂问题,已协调维修', to: 'end.reported' }
      ]
    },
    end('end.ok', 'inspection.ok', '正常'),
    end('end.fixed', 'inspection.fixed', '已日常维护'),
    end('end.reported', 'inspection.reported', '已报告并协调维修')
  )
}

export const cleaningDaily: Script = {
  id: 'cleaning.daily',
  version: 1,
  department: 'cleaning',
  title: '清洁工作与服务规范',
  situation: '清洁部每天上岗、作业、遇到居民时',
  source: src(SEED.familyCare, '物业小区清洁部亲情服务操作规程'),
  roles: ['cleaner', 'supervisor'],
  tags: ['清洁', '保洁', '例会', '区域', '制服', '安全', '设备', '居民', '投诉'],
  start: 'briefing',
  steps: steps(
    {
      id: 'briefing',
      title: '班前例会',
      do: [
        '每天开始工作前,与主管进行例行会议,明确当天的工作任务和优先级',
        '对自己负责的区域负责,并确保按时完成工作'
      ],
      next: 'dress'
    },
    {
      id: 'dress',
      title: '着装',
      check: ['穿戴整齐、干净的制服', '保持良好的个人形象'],
      next: 'work'
    },
    {
      id: 'work',
      title: '作业',
      do: [
        '按照设备使用说明合理使用清洁设备',
        '使用清洁用品和工具时,要正确操作,避免对自己和他人造成伤害',
        '发现同事遇到困难,应主动给予帮助和鼓励'
      ],
      never: ['吸烟', '大声喧哗'],
      branches: [
        { label: '居民提出问题或投诉', to: 'resident' },
        { label: '本区域工作完成', to: 'equipment' }
      ]
    },
    {
      id: 'resident',
      title: '与居民沟通',
      do: [
        '以亲切友好、礼貌待人',
        '处理居民的问题和投诉时,尽力做到耐心、细致,并及时解决',
        '本人无法解决的,报告主管'
      ],
      say: ['您好!', '很抱歉', SAY_REPORT_UP],
      next: 'equipment'
    },
    end('equipment', 'done', '完成', {
      title: '设备保养',
      do: ['做好定期保养工作,确保设备处于良好状态']
    })
  )
}

export const greeningService: Script = {
  id: 'greening.service',
  version: 1,
  department: 'greening',
  title: '绿化服务',
  situation: '业主咨询或提出绿化服务需求,以及绿化部处理投诉时',
  source: src(SEED.familyCare, '物业小区绿化部亲情服务操作规程'),
  roles: ['cleaner', 'supervisor'],
  tags: ['绿化', '草坪', '植树', '种花', '咨询', '24小时', '服务评价', '投诉'],
  start: 'consult',
  steps: steps(
    {
      id: 'consult',
      title: '受理咨询',
      do: ['在24小时内回复业主的咨询,并根据业主需求提供相应服务建议'],
      ask: { key: 'request', label: '业主需求', kind: 'text', required: true },
      next: 'plan'
    },
    {
      id: 'plan',
      title: '协商计划',
      do: [
        '与业主协商确定服务时间和内容',
        '制定具体的服务计划,并在服务实施前与业主进行沟通和确认',
        '绿化部工作时间为每天早上8点至晚上6点,如有紧急情况,可随时联系绿化部负责人'
      ],
      next: 'work'
    },
    { id: 'work', title: '服务实施', do: ['按照服务计划和业主要求进行服务实施'], next: 'review' },
    {
      id: 'review',
      title: '服务评价',
      do: ['服务实施后与业主进行服务评价,获取业主的反馈意见和建议'],
      say: [SAY_SATISFIED],
      branches: [
        { label: '满意', to: 'end.done', set: { satisfied: 'yes' } },
        { label: '不满意或投诉', to: 'complaint', set: { satisfied: 'no' } }
      ]
    },
    {
      id: 'complaint',
      title: '处理投诉',
      do: ['迅速及时地解决', '向业主表达歉意', '将反馈意见及时整理并提出改进方案'],
      say: ['很抱歉', SAY_THANK_FEEDBACK],
      next: 'end.improve'
    },
    end('end.done', 'done', '服务完成'),
    end('end.improve', 'greening.improve', '已处理并改进')
  )
}

export const generalAppearance: Script = {
  id: 'general.appearance',
  version: 1,
  department: 'general',
  title: '仪容仪表自查',
  situation: '每班上岗前,按所在部门对照自查',
  source: src(SEED.reception, '一、物业管理服务核心规范 (三)人员行为规范 1.仪容仪表'),
  moreSources: [
    src(SEED.frontDesk, '一、仪容仪表规范'),
    src(SEED.deptCourtesy, '安保部礼仪礼貌服务规范 门岗礼仪'),
    src(SEED.deptCourtesy, '客服部礼仪礼貌服务规范 面对面接待礼仪'),
    src(SEED.security, '五、1、要求当值人员仪容整洁,仪表庄重大方'),
    src(SEED.familyCare, '物业小区清洁部亲情服务操作规程 4. 服务态度和行为规范')
  ],
  roles: [...ALL_ROLES],
  tags: ['仪容', '仪表', '着装', '制服', '工装', '工牌', '证件', '站姿', '坐姿', '发型', '化妆', '上岗'],
  start: 'dept',
  steps: steps(
    {
      id: 'dept',
      title: '所在部门',
      do: ['每班上岗前,按所在部门逐项对照自查'],
      branches: [
        { label: '客服、前台', to: 'service', set: { dept: 'service' } },
        { label: '保安', to: 'security', set: { dept: 'security' } },
        { label: '清洁', to: 'cleaning', set: { dept: 'cleaning' } },
        { label: '工程、管家、绿化等其他岗位', to: 'general', set: { dept: 'general' } }
      ]
    },
    {
      id: 'service',
      title: '客服、前台',
      check: [
        '着工装',
        '坐立行走端庄自然,保持良好的精神风貌',
        '语言清晰、礼貌,声音柔和、亲切,面带微笑',
        '站立时,双脚并拢,挺胸收腹,双手自然下垂或交叉于身前',
        '坐姿要端正,身体微微前倾'
      ],
      never: ['浓妆艳抹', '坐在前台化妆或做与工作无关的事情', '工装与个人衣物混搭', '男女头饰'],
      branches: passOrFix()
    },
    {
      id: 'security',
      title: '保安',
      check: [
        '身着整洁、规范的制服,佩戴好工作证件',
        '精神饱满,站姿端正',
        '站立时,双脚分开与肩同宽,双手背后,抬头挺胸,目光平视前方',
        '仪容整洁,仪表庄重大方'
      ],
      branches: passOrFix()
    },
    {
      id: 'cleaning',
      title: '清洁',
      check: ['穿戴整齐、干净的制服', '保持良好的个人形象'],
      never: ['工作过程中吸烟、大声喧哗'],
      branches: passOrFix()
    },
    {
      id: 'general',
      title: '工程、管家、绿化等',
      check: [
        '统一着装,干净整洁,佩戴工牌',
        '男性不留长发、胡须',
        '女性淡妆上岗,发型得体',
        '举止文明,姿态端正'
      ],
      branches: passOrFix()
    },
    {
      id: 'fix',
      title: '整改',
      ask: { key: 'issues', label: '不合格项', kind: 'text', required: true },
      do: ['整改合格后再上岗'],
      next: 'end.fixed'
    },
    end('end.ok', 'appearance.ok', '合格'),
    end('end.fixed', 'appearance.fixed', '已整改')
  )
}

export const generalCourtesyLanguage: Script = {
  id: 'general.courtesy-language',
  version: 1,
  department: 'general',
  title: '亲情服务用语与说话方式',
  situation:
    '与业主、客人对话的各种情形:问候、倾听、让人久等、满足不了要求、敏感问题、有困难或争议、受到表扬',
  source: src(SEED.familyCare, '小区物业部“亲情服务”操作规程 七、对业主、客人亲情服务用语要求'),
  moreSources: [
    src(SEED.familyCare, '小区物业部“亲情服务”操作规程 八、对于业主的困难'),
    src(SEED.reception, '一、物业管理服务核心规范 (三)人员行为规范 2.言行举止'),
    src(SEED.frontDesk, '七、接受投诉规范 5、对客户的表扬要婉言感谢')
  ],
  roles: [...ALL_ROLES],
  tags: [
    '用语',
    '礼貌',
    '称呼',
    '姓氏',
    '倾听',
    '久等',
    '致歉',
    '建议',
    '敏感问题',
    '询问式',
    '请求式',
    '商量式',
    '解释式',
    '表扬'
  ],
  start: 'menu',
  steps: steps(
    {
      id: 'menu',
      title: '情形',
      never: [
        '三人以上对话,不用互相都懂的语言',
        '模仿他人的语言、声调和谈话',
        '聚堆闲聊、大声讲、大声笑、高声喧哗',
        '高声呼喊另一个人',
        '以任何借口顶撞、讽刺、挖苦客人',
        '讲过分的玩笑',
        '讲有损公司形象的语言'
      ],
      branches: [
        { label: '见到业主、客人', to: 'greet' },
        { label: '业主与您谈话', to: 'listen' },
        { label: '谈话时另一位业主有事', to: 'another' },
        { label: '业主的要求一时满足不了', to: 'cannot' },
        { label: '原则性、较敏感的问题', to: 'sensitive' },
        { label: '业主有困难或有争议', to: 'difficulty' },
        { label: '业主表扬', to: 'praise' }
      ]
    },
    {
      id: 'greet',
      title: '问好称呼',
      do: [
        '面带微笑、站立服务,主动问好打招呼,称呼要得当',
        '对于熟悉业主的姓氏要称呼客人姓氏',
        '与客人对话时宜保持1米左右的距离',
        '“请”字当头,“谢”字不离口'
      ],
      say: ['{surname}{honorific}{greeting}'],
      next: 'done'
    },
    {
      id: 'listen',
      title: '用心倾听',
      do: [
        '全神贯注用心倾听,眼睛要望着客人面部',
        '要等客人把话说完,不要打断客人的谈话',
        '停下手中的工作,眼望对方,面带笑容,要有所应'
      ],
      never: ['有任何烦躁的表示'],
      next: 'done'
    },
    {
      id: 'another',
      title: '招呼另一位业主',
      do: ['点头示意打招呼,或请客人稍等', '尽快结束谈话,招呼业主客人'],
      say: ['请稍等', '对不起,让你久等了'],
      never: ['视而不见,无所表示,冷落业主', '一声不响就开始工作'],
      next: 'done'
    },
    {
      id: 'cannot',
      title: '讲清原因,给出建议',
      do: ['主动向客人讲清原因,并向客人表示歉意', '给客人一个解决问题的建议或主动协助联系解决'],
      say: ['很抱歉', '可以,我帮您联系{dept}做。'],
      source: src(SEED.security, '四、日常工作的礼节礼貌操作规程 8'),
      next: 'done'
    },
    {
      id: 'sensitive',
      title: '婉转灵活',
      do: [
        '态度要明确,但说话方式要婉转、灵活,既不违反公司规定,也要维护业主的自尊心',
        '使用询问式、请求式、商量式、解释式的说话方式'
      ],
      say: ['请问……', '请你协助我们', '你看这样好不好', '这种情况,公司的规定是这样的'],
      never: ['使用质问式、怀疑式、命令式的说话方式'],
      next: 'done'
    },
    {
      id: 'difficulty',
      title: '关心理解',
      do: [
        '对于业主的困难,要表示关心、同情和理解,并尽力想办法解决',
        '若遇某问题与顾客有争议,可婉转解释或请上级处理'
      ],
      never: ['与顾客争吵'],
      next: 'done'
    },
    {
      id: 'praise',
      title: '婉言感谢',
      do: ['对客户的表扬要婉言感谢'],
      say: ['谢谢', '不要客气'],
      next: 'done'
    },
    end('done', 'done', '完成')
  )
}

export const generalFamilyCare: Script = {
  id: 'general.family-care',
  version: 1,
  department: 'general',
  title: '亲情关怀与帮扶',
  situation: '节日问候、关怀老弱病残和困难户、物管员一对一帮扶时',
  source: src(SEED.familyCare, '物业公司亲情服务实施方案 四、活动内容'),
  moreSources: [src(SEED.familyCare, '万联恒德物业亲情服务规范 1)2)3)')],
  roles: ['housekeeper', 'service', 'supervisor'],
  tags: [
    '亲情服务',
    '节日',
    '祝福',
    '关怀',
    '慰问',
    '老人',
    '帮扶',
    '血压',
    '健康档案',
    '不抽烟',
    '不吃饭',
    '回赠'
  ],
  start: 'kind',
  steps: steps(
    {
      id: 'kind',
      title: '关怀类型',
      do: ['牢固树立用心、热心、诚心的“三心”理念'],
      branches: [
        { label: '节日问候', to: 'festival' },
        { label: '关怀老弱病残及困难户', to: 'care' },
        { label: '一对一上门帮扶', to: 'help' }
      ]
    },
    {
      id: 'festival',
      title: '节日问候',
      do: [
        '在元旦、春节、“五、一”、“十、一”等重要节日,在园区合适的地方挂出或贴出祝福和祝贺业主节日快乐的标语条幅',
        '在教师节、重阳节、“八、一”建军节给相关的业主送去贺卡、祝贺电话、短信等温馨祝福'
      ],
      next: 'done'
    },
    {
      id: 'care',
      title: '关怀慰问',
      do: [
        '对老弱病残及生活困难户,要经常性致电关怀或慰问',
        '在力所能及的范围内提供无偿的服务与照顾',
        '每季度为小区65周岁以上或特殊群体免费量血压、测血糖不少于一次'
      ],
      say: ['{surname}{honorific},{greeting}!', '{surname}{honorific},需要我帮忙吗?'],
      next: 'done'
    },
    {
      id: 'help',
      title: '上门帮扶',
      do: [
        '每位物管员帮扶2名业主,每月服务次数不少于2次',
        '主动上门,提供力所能及的帮助,比如接电、接水、收拾家、浇花、做饭等',
        '做好帮扶记录,及时建档'
      ],
      never: ['吃业主的饭', '抽业主的烟', '接受业主的任何回赠'],
      ask: { key: 'record', label: '帮扶记录', kind: 'text', required: true },
      next: 'done'
    },
    end('done', 'done', '完成')
  )
}

export const ESTATE_TEAM_SCRIPTS: Script[] = [
  housekeepingLaundry,
  housekeepingHomeVisit,
  housekeepingPaidService,
  engineeringRepairVisit,
  engineeringInspection,
  cleaningDaily,
  greeningService,
  generalAppearance,
  generalCourtesyLanguage,
  generalFamilyCare
]
