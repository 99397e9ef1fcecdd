/** 保安部 (gate, patrol, emergencies): from 003 (保安部亲情服务操作规程), 000 (安保部礼仪) and 002. */
import type { Script } from '../model'
import { SAY_REPORT_UP, SAY_SHOW_ID, gateAnswers, heldUnless } from './parts'
import { SEED, end, src, steps } from './seeds'

const GUARDS = ['guard', 'patrol', 'supervisor'] as const

// exact lines shared by several steps
const SAY_DEPOSIT_ID = '{honorific},请您留有效证件在这里登记,待您走时,我们退还给您。'
const SAY_GO_TO_CLUBHOUSE = '{honorific},请您到会所,我们会有售楼部人员带您去参观。'
const SAY_HAVE_APPOINTMENT = '{honorific},请问您有没有预约好?'
const SAY_PLEASE_BOOK = '{honorific},请您同他预约,好吗?'
const SAY_STOP_THAT = '{surname}{honorific},请您不要这样做,这样违反公司管理规定。'
const SAY_DO_THIS = '{surname}{honorific},您应该这样做。'
const SAY_CONTACT_DEPT = '可以,我帮您联系{dept}做。'
const NEVER_MOCK = '以任何理由、借口顶撞、讽刺、挖苦客户'

const visitorGate = gateAnswers('cardIssued')
const vehicleGate = gateAnswers('icCardIssued')

export const gateStaff: Script = {
  id: 'gate.staff',
  version: 1,
  department: 'security',
  title: '检查公司职员进出',
  situation: '公司职员经出入口进出园区时',
  source: src(SEED.security, '一、对人员的检查 1、对公司职员的检查'),
  roles: ['guard', 'supervisor'],
  tags: ['门岗', '职员', '员工', '查证', '工作证', '主管', '举手礼', '敬礼'],
  start: 'identify',
  steps: steps(
    {
      id: 'identify',
      title: '辨认来人',
      do: ['公司职员进出时,出入口保安严格查证、凭证进入'],
      branches: [
        { label: '公司主管级以上人员', to: 'salute', set: { rank: 'manager' } },
        { label: '一般职员', to: 'checkCard', set: { rank: 'staff' } }
      ]
    },
    {
      id: 'salute',
      title: '行举手礼',
      do: ['对公司主管级以上人员进出时要行举手礼', '同样凭证进入'],
      say: ['您好!'],
      next: 'checkCard'
    },
    {
      id: 'checkCard',
      title: '查验证件',
      say: [SAY_SHOW_ID],
      check: ['证件是本人的', '证件在有效期内'],
      branches: [
        { label: '证件有效', to: 'end.admitted', set: { cardOk: 'yes', result: 'admitted' } },
        { label: '没有带证件或证件无效', to: 'noCard', set: { cardOk: 'no' } }
      ]
    },
    {
      id: 'noCard',
      title: '未凭证',
      say: ['很抱歉'],
      do: ['凭证进入:没有有效证件不放行', '请其联系所在部门主管到岗核实身份'],
      never: [NEVER_MOCK],
      branches: [
        {
          label: '主管到岗核实身份',
          to: 'end.admitted',
          set: { verifiedBy: 'supervisor', result: 'admitted' }
        },
        {
          label: '无法核实身份',
          to: 'end.refused',
          set: { result: 'refused', reason: '无有效证件且无法核实身份' }
        }
      ]
    },
    end('end.admitted', 'staff.admitted', '已查证放行', { say: ['谢谢'] }),
    end('end.refused', 'staff.refused', '未放行', { do: ['在值班记录上记下情况,报告当班班长'] })
  )
}

export const gateOwner: Script = {
  id: 'gate.owner',
  version: 1,
  department: 'security',
  title: '业主进出问候',
  situation: '业主经出入口进出小区时',
  source: src(SEED.security, '一、对人员的检查 2、对业主进出的检查'),
  moreSources: [src(SEED.deptCourtesy, '安保部礼仪礼貌服务规范 门岗礼仪')],
  roles: [...GUARDS],
  tags: ['门岗', '业主', '问候', '打招呼', '欢迎回家', '大件物品', '帮忙', '举手礼'],
  start: 'greet',
  steps: steps(
    {
      id: 'greet',
      title: '问候业主',
      do: [
        '礼貌地同业主打招呼,必要时行举手礼',
        '对于熟悉的业主,微笑着打招呼,称呼姓氏',
        '站姿端正:双脚分开与肩同宽,双手背后,抬头挺胸,目光平视前方'
      ],
      say: ['{surname}{honorific},您好。', '您好,欢迎回家!', '{surname}{honorific},{greeting}!'],
      branches: [
        { label: '业主正常进出', to: 'end.done' },
        { label: '业主携带大件物品', to: 'carry' },
        { label: '业主需要帮忙', to: 'help' }
      ]
    },
    {
      id: 'carry',
      title: '帮业主搬运',
      do: ['主动上前帮忙搬运', '在搬运过程中,要注意保护好物品,避免损坏'],
      say: ['我来帮您拿一下吧。', '{surname}{honorific},我来帮您拿好吗?'],
      source: src(SEED.deptCourtesy, '安保部礼仪礼貌服务规范 门岗礼仪'),
      next: 'end.done'
    },
    {
      id: 'help',
      title: '帮业主做事',
      do: ['应很乐意上前帮忙,并边做边说'],
      say: ['{surname}{honorific},需要我帮忙吗?', '{surname}{honorific},这样做可以吗?'],
      source: src(SEED.security, '四、日常工作的礼节礼貌操作规程 4、5'),
      next: 'end.done'
    },
    end('end.done', 'done', '已问候')
  )
}

export const gateVisitor: Script = {
  id: 'gate.visitor',
  version: 3,
  department: 'security',
  title: '访客(来访人员)检查',
  situation: '有人来访要进入园区时:问清来意,按五种情形(A 公司业务、B 找业主、C 看楼、D 推销、E 施工)处理',
  source: src(SEED.security, '一、对人员的检查 3、对来访人员的检查'),
  moreSources: [
    src(SEED.deptCourtesy, '安保部礼仪礼貌服务规范 门岗礼仪'),
    src(SEED.familyCare, '某小区物业部亲情服务操作规程 三、服务标准 1. 安全防范(2)管理非业主人员进入小区')
  ],
  roles: [...GUARDS],
  tags: [
    '门岗',
    '访客',
    '来访',
    '登记',
    '预约',
    '押证',
    '证件',
    '来访卡',
    '业主',
    '看楼',
    '售楼部',
    '会所',
    '推销',
    '施工',
    '施工证',
    '临时施工出入证'
  ],
  start: 'greet',
  steps: steps(
    {
      id: 'greet',
      title: '问清来意',
      do: ['上前行举手礼', '微笑询问'],
      say: ['{honorific},请问有什么可以帮到您?', '{honorific},请问您找谁?'],
      branches: [
        { label: 'A 公司正常业务', to: 'a.appointment', set: { case: 'A' } },
        { label: 'B 访客找业主', to: 'b.appointment', set: { case: 'B' } },
        { label: 'C 来看楼', to: 'c.viewing', set: { case: 'C' } },
        { label: 'D 推销、业务等闲杂人员', to: 'd.probe', set: { case: 'D' } },
        { label: 'E 施工人员', to: 'e.kind', set: { case: 'E' } }
      ]
    },
    // A. 公司正常业务
    {
      id: 'a.appointment',
      title: '询问预约',
      say: [SAY_HAVE_APPOINTMENT],
      branches: [
        { label: '已预约好', to: 'a.verify', set: { appointment: 'yes' } },
        { label: '没有预约', to: 'a.noAppointment', set: { appointment: 'no' } }
      ]
    },
    {
      id: 'a.verify',
      title: '电话核实预约',
      do: ['及时打电话咨询被预约人是否属实'],
      branches: [
        { label: '被预约人确认属实', to: 'a.deposit', set: { hostCall: 'agreed' } },
        visitorGate.refuse('被预约人说没有预约,不接见', '预约不属实,被访人不接见', { hostCall: 'refused' }),
        { label: '电话无人接听', to: 'a.noAppointment', set: { hostCall: 'noAnswer' } }
      ]
    },
    {
      id: 'a.noAppointment',
      title: '没有预约',
      say: [SAY_PLEASE_BOOK],
      do: ['或打电话咨询被来访者,是否需要接见来访者'],
      branches: [
        { label: '被来访者同意接见', to: 'a.deposit', set: { hostCall: 'agreed' } },
        visitorGate.refuse('被来访者不接见', '未预约,被访人不接见', { hostCall: 'refused' }),
        visitorGate.refuse('联系不上被来访者', '未预约,联系不上被访人', { hostCall: 'noAnswer' }),
        visitorGate.refuse('来访者先去预约', '未预约')
      ]
    },
    {
      id: 'a.deposit',
      title: '押证发来访卡',
      say: [SAY_DEPOSIT_ID],
      do: ['来访人员押证件后,值班员发来访卡给来访者', '在其离开时,退还其证件,收回来访卡'],
      check: ['有效证件已登记', '来访卡已发出'],
      never: ['检查证件和登记时动作拖拉,让访客长时间等待'],
      branches: [
        visitorGate.admit('已押证件、发来访卡', true),
        visitorGate.refuse('来访者不愿留有效证件', '不愿押有效证件')
      ]
    },
    // B. 访客找业主
    {
      id: 'b.appointment',
      title: '询问是否约好',
      say: ['{honorific},请问您跟他约好没有?', '您好,请问您是来访哪一户的?麻烦您登记一下。'],
      ask: { key: 'room', label: '来访的房号', kind: 'room' },
      branches: [
        { label: '已约好', to: 'b.call', set: { appointment: 'yes' } },
        { label: '没有约好', to: 'b.call', set: { appointment: 'no' } }
      ]
    },
    // 请访客稍等 and the call are one step: the guard says the first line, then dials
    {
      id: 'b.call',
      title: '请访客稍等，打电话给业主',
      do: ['先请访客稍等', '及时打电话给业主,告诉业主,看是不是属业主的客人'],
      say: [
        '不好意思,请您等一下,我们打电话看看业主在不在。',
        '{host},{greeting},我们是正门值班保安,这里有一位{surname}{honorific}有事找您,我们现在让他进去,可以吗?'
      ],
      branches: [
        { label: '业主同意', to: 'b.register', set: { hostCall: 'agreed' } },
        visitorGate.refuse('业主不同意', '业主不同意来访', { hostCall: 'refused' }),
        { label: '业主不在或电话无人接听', to: 'b.noAnswer', set: { hostCall: 'noAnswer' } }
      ]
    },
    {
      id: 'b.noAnswer',
      title: '联系不上业主',
      say: ['{honorific},不好意思,您所要找的人不在'],
      do: ['请来访者与业主联系好后再来,或在门岗外稍候'],
      branches: [
        { label: '稍后联系上业主,业主同意', to: 'b.register', set: { hostCall: 'agreed' } },
        visitorGate.refuse('来访者离开', '联系不上业主')
      ]
    },
    {
      id: 'b.register',
      title: '登记发卡',
      say: [SAY_DEPOSIT_ID],
      do: ['待业主肯定以后,同来访者作好登记', '发来访卡', '指明行走路线'],
      check: ['来访者已登记', '来访卡已发出', '已指明行走路线'],
      branches: [
        visitorGate.admit('已登记、发来访卡', false),
        visitorGate.admit('已押证登记、发来访卡', true)
      ]
    },
    // C. 看楼
    {
      id: 'c.viewing',
      title: '指引看楼客人',
      say: [SAY_GO_TO_CLUBHOUSE],
      do: [
        '指引行走方向(五指并拢,手掌示意)',
        '即时用对讲机知会销售部人员作好接待:“销售部,{gate}有一位看楼客人去会所,请作好接待。”'
      ],
      check: ['已指引去会所的方向', '已用对讲机知会销售部'],
      never: ['为客人指引方向时,用一个手指'],
      branches: [
        {
          label: '已指引并知会销售部',
          to: 'end.redirected',
          set: { idDeposited: 'no', cardIssued: 'no', result: 'redirected' }
        }
      ]
    },
    // D. 推销等闲杂人员
    {
      id: 'd.probe',
      title: '技巧性查询',
      do: ['如遇有推销、业务等闲杂人员进入园区时,应技巧性的查询:找哪一户、哪一位,是否约好'],
      say: ['{honorific},请问您找谁?'],
      branches: [
        { label: '证实是推销人员', to: 'd.decline' },
        { label: '其实是找业主的访客', to: 'b.appointment', set: { case: 'B' } },
        { label: '其实是来公司办业务', to: 'a.appointment', set: { case: 'A' } }
      ]
    },
    {
      id: 'd.decline',
      title: '婉转谢绝',
      do: ['婉转谢绝其入内'],
      say: ['{honorific},不好意思,您所要找的人不在', '{honorific},我们公司暂不需要这样的产品'],
      never: ['在客户面前说:“不”', NEVER_MOCK],
      branches: [visitorGate.refuse('已婉转谢绝', '推销人员')]
    },
    // E. 施工人员
    {
      id: 'e.kind',
      title: '施工人员',
      do: ['问清施工单位、施工的房号和施工期限'],
      branches: [
        { label: '临时施工(三天以内)', to: 'e.temporary', set: { constructionKind: 'temporary' } },
        { label: '长期施工', to: 'e.longTerm', set: { constructionKind: 'longTerm' } }
      ]
    },
    {
      id: 'e.temporary',
      title: '临时施工:押证发证',
      say: [SAY_DEPOSIT_ID],
      do: ['对临时(三天以内)施工人员实行押证', '发放临时施工出入证', '离开时收回临时施工出入证,退还证件'],
      check: ['有效证件已押下', '临时施工出入证已发放'],
      branches: [
        visitorGate.admit('已押证、发临时施工出入证', true),
        visitorGate.refuse('没有有效证件或不愿押证', '临时施工人员未押证')
      ]
    },
    {
      id: 'e.longTerm',
      title: '长期施工:核对施工证',
      say: [SAY_SHOW_ID],
      do: ['对长期施工人员,要核对施工证的日期及是否本人的证件'],
      check: ['施工证在有效日期内', '施工证是本人的证件'],
      branches: [
        {
          label: '施工证有效且是本人',
          to: 'end.admitted',
          set: { permitValid: 'yes', idDeposited: 'no', cardIssued: 'no', result: 'admitted' }
        },
        visitorGate.refuse('施工证过期或不是本人', '施工证过期或不是本人的证件', { permitValid: 'no' })
      ]
    },
    end('end.admitted', 'visitor.admitted', '已登记放行', {
      say: ['感谢您的配合,请您进去吧。'],
      source: src(SEED.deptCourtesy, '安保部礼仪礼貌服务规范 门岗礼仪')
    }),
    end('end.refused', 'visitor.refused', '未放行', {
      say: ['很抱歉', '再见'],
      do: ['礼貌送别,不与来访者争辩'],
      never: [NEVER_MOCK]
    }),
    end('end.redirected', 'visitor.redirected', '已指引到会所', { do: ['目送客人前往会所'] })
  )
}

export const gateVehicle: Script = {
  id: 'gate.vehicle',
  version: 1,
  department: 'security',
  title: '车辆进出检查',
  situation: '车辆进出园区正门时:业主和公司车辆登记放行;外来车辆问清来意,按业务、看楼、送货处理',
  source: src(SEED.security, '二、对车辆的检查'),
  moreSources: [src(SEED.deptCourtesy, '安保部礼仪礼貌服务规范 门岗礼仪')],
  roles: [...GUARDS],
  tags: [
    '门岗',
    '车辆',
    '车',
    '停车',
    '停放卡',
    'IC卡',
    '停车证',
    '外来车辆',
    '送货',
    '看楼',
    '登记本',
    '举手礼'
  ],
  start: 'salute',
  steps: steps(
    {
      id: 'salute',
      title: '行举手礼',
      do: ['所有进出园区正门的车辆都要行举手礼'],
      branches: [
        { label: '公司或业主车辆(有车辆停放卡)', to: 'owner.plate', set: { vehicleCase: 'owner' } },
        { label: '外来车辆', to: 'visitor.stop' }
      ]
    },
    {
      id: 'owner.plate',
      title: '登记车辆号码',
      do: ['公司及业主车辆凭车辆停放卡正常出入园区,不需询问、发卡', '只在车辆出入登记本上作好详细记录'],
      ask: { key: 'plate', label: '车辆号码', kind: 'text', required: true },
      next: 'owner.driver'
    },
    {
      id: 'owner.driver',
      title: '登记驾驶人',
      ask: { key: 'driver', label: '驾驶人', kind: 'text' },
      next: 'owner.passengers'
    },
    {
      id: 'owner.passengers',
      title: '登记随行人',
      ask: { key: 'passengers', label: '随行人', kind: 'text' },
      do: ['出、入时间以本记录完成的时间为准'],
      branches: [
        {
          label: '车辆入园',
          to: 'owner.in',
          set: { direction: 'in', icCardIssued: 'no', result: 'admitted' }
        },
        {
          label: '车辆出园',
          to: 'owner.out',
          set: { direction: 'out', icCardIssued: 'no', result: 'admitted' }
        }
      ]
    },
    end('owner.in', 'vehicle.admitted', '业主车辆已入园', {
      say: ['您好,欢迎回家!'],
      do: ['快速识别并放行']
    }),
    end('owner.out', 'vehicle.admitted', '业主车辆已出园', {
      say: ['您好,祝您一路平安!'],
      do: ['快速识别并放行'],
      source: src(SEED.deptCourtesy, '安保部礼仪礼貌服务规范 门岗礼仪')
    }),
    {
      id: 'visitor.stop',
      title: '示意停车,询问来意',
      do: ['打手势示意其停下', '快速走至驾驶旁,行举手礼', '微笑询问司机'],
      say: ['{honorific},请问有什么事可以帮到您。', '您好,请问您来小区有什么事?'],
      ask: { key: 'plate', label: '车辆号码', kind: 'text' },
      branches: [
        { label: '正常业务', to: 'biz.appointment', set: { vehicleCase: 'business' } },
        { label: '来观看楼房', to: 'viewing.park', set: { vehicleCase: 'viewing' } },
        { label: '帮业主送货', to: 'delivery.register', set: { vehicleCase: 'delivery' } }
      ]
    },
    {
      id: 'biz.appointment',
      title: '询问预约',
      say: [SAY_HAVE_APPOINTMENT],
      do: ['询问是否有预约,打电话核实'],
      branches: [
        { label: '已预约,核实属实', to: 'biz.card', set: { appointment: 'yes' } },
        { label: '没有预约或核实不属实', to: 'biz.noAppointment', set: { appointment: 'no' } }
      ]
    },
    {
      id: 'biz.noAppointment',
      title: '没有预约',
      say: [SAY_PLEASE_BOOK],
      branches: [
        { label: '预约后核实属实', to: 'biz.card', set: { appointment: 'yes' } },
        vehicleGate.refuse('无法预约,车辆不进入', '外来车辆未预约')
      ]
    },
    {
      id: 'biz.card',
      title: '押证发IC卡',
      say: [SAY_DEPOSIT_ID],
      do: [
        '得到证实后,押有效证件',
        '发放车辆出入IC卡(停车证),并进行详细登记',
        '指引车辆停放位置',
        '待车辆离开时,回收车卡,退还有效证件'
      ],
      check: ['有效证件已押下', 'IC卡(停车证)已发放', '已详细登记', '已指引停放位置'],
      branches: [
        vehicleGate.admit('已押证、发IC卡并指引停放', true),
        vehicleGate.refuse('司机不愿押证件', '不愿押有效证件')
      ]
    },
    {
      id: 'viewing.park',
      title: '看楼车辆',
      say: [SAY_GO_TO_CLUBHOUSE],
      do: ['指定其车辆停放在会所正门口按秩序停放', '知会销售部'],
      check: ['车辆已停在会所正门口', '已知会销售部'],
      branches: [
        {
          label: '已指引停放并知会销售部',
          to: 'end.redirected',
          set: { icCardIssued: 'no', result: 'redirected' }
        }
      ]
    },
    {
      id: 'delivery.register',
      title: '帮业主送货的车辆',
      do: [
        '做好登记,发放IC卡',
        '交待行走的路线及IC卡的使用方法和卸货时需注意事项',
        '及时用对讲机知会当班班长或巡查注意跟进',
        '待车辆离开时,回收IC卡,退还有效证件'
      ],
      ask: { key: 'deliverTo', label: '送货到哪一户', kind: 'text', required: true },
      check: [
        '已登记',
        'IC卡已发放',
        '已交待行走路线、IC卡使用方法和卸货注意事项',
        '已用对讲机知会当班班长或巡查'
      ],
      branches: [
        vehicleGate.admit('已登记、发IC卡并交待路线', true),
        vehicleGate.refuse('无法确认是帮业主送货', '无法确认是帮业主送货')
      ]
    },
    end('end.admitted', 'vehicle.admitted', '外来车辆已登记放行', {
      say: ['谢谢您的合作。'],
      do: ['车辆离开时:回收IC卡,退还有效证件,并说“谢谢您的合作。”']
    }),
    end('end.refused', 'vehicle.refused', '车辆未放行', {
      say: ['很抱歉'],
      do: ['指引车辆掉头离开,不与司机争辩']
    }),
    end('end.redirected', 'vehicle.redirected', '已指引到会所停放', { do: ['目送车辆到会所正门口停放'] })
  )
}

export const gateGoods: Script = {
  id: 'gate.goods',
  version: 1,
  department: 'security',
  title: '物品放行检查',
  situation: '有物品要带出园区、货车要出园区时:查验出闸纸的签名、印章、权限,货车开箱检查',
  source: src(SEED.security, '三、对物品的检查'),
  roles: [...GUARDS],
  tags: ['门岗', '物品', '放行', '出闸纸', '放行条', '签名', '印章', '货车', '开箱', '搬家'],
  start: 'kind',
  steps: steps(
    {
      id: 'kind',
      title: '物品外出',
      do: ['所有物品外出都必须持业主或施工单位负责人有效签名的出闸纸,并加盖管理中心印章'],
      branches: [
        { label: '人员携带物品外出', to: 'slip', set: { lorryOpened: 'na' } },
        { label: '货车外出', to: 'lorry' }
      ]
    },
    {
      id: 'lorry',
      title: '货车开箱检查',
      do: ['所有货车外出都要打开车箱后门进行检查', '检查是否有物品带出'],
      branches: [
        {
          label: '已开箱,车箱内没有物品',
          to: 'end.released',
          set: {
            lorryOpened: 'yes',
            slipPresent: 'na',
            signatureOk: 'na',
            stampOk: 'na',
            authorityOk: 'na',
            result: 'released'
          }
        },
        { label: '已开箱,有物品带出', to: 'slip', set: { lorryOpened: 'yes' } },
        {
          label: '司机不肯打开车箱',
          to: 'end.held',
          set: { lorryOpened: 'no', result: 'held', reason: '货车未开箱检查' }
        }
      ]
    },
    {
      id: 'slip',
      title: '查验出闸纸',
      do: ['请对方出示出闸纸'],
      branches: heldUnless('slipPresent', ['有出闸纸', 'signature'], '没有出闸纸', '没有出闸纸')
    },
    {
      id: 'signature',
      title: '核对签名',
      check: ['签名人是业主或施工单位负责人', '签名有效'],
      branches: heldUnless('signatureOk', ['签名有效', 'stamp'], '签名无效', '出闸纸签名无效')
    },
    {
      id: 'stamp',
      title: '核对印章',
      check: ['已加盖管理中心印章'],
      branches: heldUnless(
        'stampOk',
        ['已加盖管理中心印章', 'authority'],
        '没有管理中心印章',
        '出闸纸没有加盖管理中心印章'
      )
    },
    {
      id: 'authority',
      title: '核对物品和权限',
      do: ['对物品的数量、名称、签名的有效性及权限进行检查、核对'],
      ask: { key: 'items', label: '物品名称、数量', kind: 'text', required: true },
      check: ['物品名称与出闸纸相符', '物品数量与出闸纸相符', '签名人有权放行这些物品'],
      branches: heldUnless(
        'authorityOk',
        ['核对无误', 'confirm'],
        '物品不符或超出签名人权限',
        '物品与出闸纸不符或超出签名人权限'
      )
    },
    {
      id: 'confirm',
      title: '签名确认',
      do: ['经证实后签名确认给予放行', '如随身携带的,都要注明物品的名称、数量等'],
      branches: [{ label: '已签名确认', to: 'end.released', set: { result: 'released' } }]
    },
    end('end.released', 'goods.released', '已放行', { say: ['谢谢您的合作。'] }),
    end('end.held', 'goods.held', '暂不放行', {
      say: ['很抱歉'],
      do: ['物品暂不放行,请对方补办有效签名并加盖管理中心印章的出闸纸', '如有争议,报告当班班长'],
      never: [NEVER_MOCK]
    })
  )
}

export const securityDailyCourtesy: Script = {
  id: 'security.daily-courtesy',
  version: 1,
  department: 'security',
  title: '值班日常礼节礼貌十条',
  situation: '值班、执勤时遇到业主或客人的十种常见情形',
  source: src(SEED.security, '四、日常工作的礼节礼貌操作规程'),
  roles: [...GUARDS],
  tags: [
    '礼节',
    '礼貌',
    '值班',
    '敬礼',
    '问好',
    '同行',
    '帮忙',
    '报纸',
    '牛奶',
    '上门',
    '鞋套',
    '电话',
    '违规',
    '劝阻'
  ],
  start: 'menu',
  steps: steps(
    {
      id: 'menu',
      title: '遇到的情形',
      do: ['按遇到的情形选择,照做照说'],
      branches: [
        { label: '1 客人(业主)进入值班范围', to: 'r1' },
        { label: '2 与业主(客人)面对面行进', to: 'r2' },
        { label: '3 与业主(客人)同行', to: 'r3' },
        { label: '4 业主(客人)携带物品', to: 'r4' },
        { label: '5 业主(客人)需要帮忙', to: 'r5' },
        { label: '6 帮业主派送报纸或牛奶', to: 'r6' },
        { label: '7 业主需要上门服务', to: 'r7' },
        { label: '8 无法完成或不是工作范围内的事', to: 'r8' },
        { label: '9 客人打电话到值班岗位', to: 'r9' },
        { label: '10 有人在园区内违规', to: 'r10' }
      ]
    },
    {
      id: 'r1',
      title: '起身敬礼问好',
      do: ['要起身', '行举手礼'],
      say: ['{surname}{honorific},您好!'],
      next: 'done'
    },
    {
      id: 'r2',
      title: '5米敬礼,1米问好',
      do: ['在距离业主(客人)5M时,立正行举手礼', '待客人距离1M左右时问好'],
      say: ['{surname}{honorific},{greeting}!'],
      next: 'done'
    },
    {
      id: 'r3',
      title: '左后位置',
      do: ['一定在业主(或客人)的左后位置'],
      never: ['超越业主(或客人)'],
      next: 'done'
    },
    {
      id: 'r4',
      title: '帮忙拿物品',
      do: ['要急于上前询问'],
      say: ['{surname}{honorific},我来帮您拿好吗?', '{surname}{honorific},需要我帮忙吗?'],
      next: 'done'
    },
    {
      id: 'r5',
      title: '边做边说',
      do: ['应很乐意上前帮忙,并边做边说'],
      say: ['{surname}{honorific},这样做可以吗?'],
      next: 'done'
    },
    {
      id: 'r6',
      title: '派送报纸、牛奶',
      do: ['应先按门铃'],
      say: ['{surname}{honorific},您好,您所订的报纸(或牛奶)来了,我帮您送来了。'],
      next: 'done'
    },
    {
      id: 'r7',
      title: '上门服务',
      do: ['带好鞋套,到达以后换上鞋套', '帮业主做完事以后,询问是否满意'],
      say: ['{surname}{honorific},您好,请问有什么可以帮到您?', '{surname}{honorific},这样做可以吗?您满意吗?'],
      next: 'done'
    },
    {
      id: 'r8',
      title: '先承诺,再联系',
      do: ['应先承诺业主(或客人)'],
      say: [SAY_CONTACT_DEPT, SAY_REPORT_UP],
      next: 'done'
    },
    {
      id: 'r9',
      title: '接听值班电话',
      do: [
        '拿起电话以后问好',
        '记下业主(或客人)的要求',
        '及时知会(或上报)相关人员去完成业主(或客人)所交待的事项'
      ],
      say: ['您好,这里是{estate}{gate}值班室,请问有什么可以帮到您。'],
      ask: { key: 'request', label: '业主(客人)的要求', kind: 'text' },
      next: 'done'
    },
    {
      id: 'r10',
      title: '劝阻违规',
      do: ['应即时上前,立正行举手礼'],
      say: [SAY_STOP_THAT, SAY_DO_THIS],
      never: [NEVER_MOCK],
      next: 'done'
    },
    end('done', 'done', '完成')
  )
}

export const securityConduct: Script = {
  id: 'security.conduct',
  version: 1,
  department: 'security',
  title: '值班人员行为、语气与礼貌服务用语十条',
  situation: '上岗前自查,以及值班时与业主(客人)交谈的要求',
  source: src(SEED.security, '五、当值人员的行为及语气方法'),
  roles: [...GUARDS],
  tags: ['仪容', '微笑', '语气', '敬语', '双手', '礼貌用语', '十条', '用语'],
  start: 'manner',
  steps: steps(
    {
      id: 'manner',
      title: '仪容与精神',
      check: [
        '仪容整洁,仪表庄重大方',
        '微笑是一个值班员应有的表情,树立敬业乐业精神',
        '对业主(或客人)热情,亲切,真诚友好',
        '做到精神振奋,情绪饱满,坚持客户第一,服务至上的原则',
        '注意私人情绪,不要因私影响工作,随时注意自己的言行举止'
      ],
      next: 'talk'
    },
    {
      id: 'talk',
      title: '与业主交谈',
      do: [
        '递交物品给业主(或客人)时应双手奉上',
        '同业主(客人)交谈时,语调自然、清晰、柔和、亲切',
        '讲话要注意艺术,多用敬语'
      ],
      never: [
        '在为业主服务时,流露出厌烦,冷淡愤怒,紧张和恐惧的表情',
        '装腔作势',
        NEVER_MOCK,
        '在客户面前说:“不”'
      ],
      next: 'phrases'
    },
    {
      id: 'phrases',
      title: '礼貌服务用语十条',
      say: [
        '{honorific},请问您找谁?',
        '请您出示证件登记。',
        '谢谢',
        '有什么需要,我能帮您吗?',
        '很抱歉',
        '不要客气',
        '请指教',
        '打扰您了',
        '欢迎您',
        '您好',
        '再见',
        '谢谢您合作。'
      ],
      next: 'done'
    },
    end('done', 'done', '完成')
  )
}

export const securityPatrol: Script = {
  id: 'security.patrol',
  version: 1,
  department: 'security',
  title: '巡逻礼仪与报告',
  situation: '在小区内巡逻时:仪态、遇到业主、发现异常、业主求助、有人违规',
  source: src(SEED.deptCourtesy, '安保部礼仪礼貌服务规范 巡逻礼仪'),
  moreSources: [
    src(SEED.familyCare, '某物业小区保安部亲情服务操作规程 二、服务项目'),
    src(SEED.security, '四、日常工作的礼节礼貌操作规程 8、10')
  ],
  roles: ['patrol', 'guard', 'supervisor'],
  tags: ['巡逻', '巡查', '异常', '损坏', '报修', '上报', '求助', '违规', '劝阻', '安全'],
  start: 'walk',
  steps: steps(
    {
      id: 'walk',
      title: '巡逻仪态',
      do: ['步伐整齐、匀速', '全面保护小区安全,维护小区秩序'],
      never: ['奔跑', '嬉笑打闹'],
      branches: [
        { label: '遇到业主', to: 'meet' },
        { label: '发现异常情况(设施设备损坏、环境卫生问题等)', to: 'abnormal' },
        { label: '业主需要帮助', to: 'help' },
        { label: '有人在园区内违规', to: 'violation' },
        { label: '本轮巡逻无异常', to: 'end.ok' }
      ]
    },
    { id: 'meet', title: '点头问好', do: ['微笑点头示意'], say: ['您好!'], next: 'end.ok' },
    {
      id: 'abnormal',
      title: '记录并报告异常',
      do: ['及时记录并报告给相关部门', '与业主或相关人员进行沟通'],
      ask: { key: 'finding', label: '异常情况(位置、内容)', kind: 'text', required: true },
      say: ['您好,这里的{facility}损坏了,我们已经上报维修了,请您暂时注意安全。'],
      branches: [{ label: '已记录并上报', to: 'end.reported', set: { reported: 'yes' } }]
    },
    {
      id: 'help',
      title: '主动帮助',
      do: ['主动上前询问', '尽力提供帮助'],
      say: ['您好,请问您有什么需要帮忙的吗?'],
      branches: [
        { label: '已帮业主解决', to: 'end.ok' },
        { label: '无法解决', to: 'escalate' }
      ]
    },
    {
      id: 'escalate',
      title: '联系其他部门或上级',
      do: ['及时联系其他部门或上级领导'],
      say: [SAY_CONTACT_DEPT, SAY_REPORT_UP],
      source: src(SEED.security, '四、日常工作的礼节礼貌操作规程 8'),
      branches: [{ label: '已联系其他部门或上级', to: 'end.escalated' }]
    },
    {
      id: 'violation',
      title: '劝阻违规',
      do: ['应即时上前,立正行举手礼'],
      say: [SAY_STOP_THAT, SAY_DO_THIS],
      never: [NEVER_MOCK],
      source: src(SEED.security, '四、日常工作的礼节礼貌操作规程 10'),
      branches: [
        { label: '对方已改正', to: 'end.ok' },
        { label: '对方不听劝阻', to: 'report' }
      ]
    },
    {
      id: 'report',
      title: '上报',
      do: ['记录情况,用对讲机报告当班班长'],
      ask: { key: 'finding', label: '违规情况(位置、内容)', kind: 'text', required: true },
      branches: [{ label: '已记录并上报', to: 'end.reported', set: { reported: 'yes' } }]
    },
    end('end.ok', 'done', '巡逻正常'),
    end('end.reported', 'patrol.reported', '已记录上报'),
    end('end.escalated', 'patrol.escalated', '已转其他部门或上级')
  )
}

export const securityEmergency: Script = {
  id: 'security.emergency',
  // 2: the event told to the owners is picked by one tap (a note may be added), not typed
  version: 2,
  department: 'security',
  title: '突发事件处理',
  situation: '小区内发生突发事件(火情、伤人、电梯困人、自然灾害等)时',
  source: src(SEED.deptCourtesy, '安保部礼仪礼貌服务规范 突发事件处理礼仪'),
  moreSources: [src(SEED.familyCare, '某小区物业部亲情服务操作规程 三、服务标准 1. 安全防范(4)应急预案')],
  roles: [...GUARDS],
  tags: ['突发事件', '应急', '紧急', '火灾', '消防', '警方', '报警', '安抚', '秩序', '通报'],
  start: 'arrive',
  steps: steps(
    { id: 'arrive', title: '迅速到场', do: ['保持冷静', '迅速到达现场'], next: 'calm' },
    {
      id: 'calm',
      title: '安抚现场人员',
      say: ['大家不要慌,请保持冷静,我们会尽快处理。'],
      branches: [
        { label: '需要警方、消防等外部救援', to: 'assist', set: { external: 'yes' } },
        { label: '不需要外部救援', to: 'secure', set: { external: 'no' } }
      ]
    },
    {
      id: 'assist',
      title: '配合外部救援',
      do: ['与警方、消防等外部救援力量配合时,要积极协助', '提供准确的信息和帮助'],
      next: 'secure'
    },
    {
      id: 'secure',
      title: '维护现场秩序',
      do: ['维护好现场秩序,阻止无关人员进入'],
      say: ['请大家不要靠近,这里有危险。'],
      next: 'inform'
    },
    {
      id: 'inform',
      title: '向业主通报',
      do: ['处理完突发事件后,及时向业主通报情况', '对业主的配合表示感谢'],
      ask: {
        key: 'event',
        label: '事件',
        kind: 'choice',
        options: ['火情', '有人受伤', '电梯困人', '打架斗殴', '水浸', '停电', '突发事件'],
        required: true,
        note: '补充说明'
      },
      say: ['各位业主,刚才的{event}已经处理完毕,请大家放心。', '感谢大家的理解'],
      next: 'closed'
    },
    end('closed', 'emergency.closed', '已处理并通报')
  )
}

export const securitySpecialOccasions: Script = {
  id: 'security.special-occasions',
  version: 1,
  department: 'security',
  title: '亲情服务:救护车、婚庆车队与帮扶',
  situation: '业主家有救护车或出殡车辆进出、有婚庆迎亲车队、业主需要帮助或寄存小件时',
  source: src(SEED.familyCare, '万联恒德物业亲情服务规范'),
  moreSources: [src(SEED.familyCare, '物业公司亲情服务实施方案 四、活动内容 7')],
  roles: [...GUARDS],
  tags: [
    '亲情服务',
    '救护车',
    '出殡',
    '婚庆',
    '迎亲',
    '车队',
    '白手套',
    '列队',
    '帮扶',
    '雷锋岗',
    '快递',
    '牛奶'
  ],
  start: 'kind',
  steps: steps(
    {
      id: 'kind',
      title: '情形',
      do: ['要急业主之所急,想业主之所想,视业主如亲人'],
      branches: [
        { label: '救护车或出殡车辆进出', to: 'ambulance' },
        { label: '婚庆迎亲车队', to: 'wedding' },
        { label: '业主需要帮助', to: 'help' },
        { label: '快递、牛奶等小件中转', to: 'relay' }
      ]
    },
    {
      id: 'ambulance',
      title: '救护车、出殡车辆',
      do: ['保安员要关心及时服务到位', '让车辆畅通无阻,给业主以最大便利'],
      next: 'done'
    },
    {
      id: 'wedding',
      title: '婚庆迎亲车队',
      do: [
        '保安部和客服部及时了解婚事男女双方的准确姓名、年龄民族习惯和迎亲车队进入园区的准确时间及业主具体要求',
        '在迎亲车队进出小区大门时,组织保安员着装整洁戴白手套',
        '列队敬礼欢迎欢送'
      ],
      check: ['已了解双方姓名和民族习惯', '已了解车队进入园区的时间', '保安员着装整洁、戴白手套'],
      next: 'done'
    },
    {
      id: 'help',
      title: '主动帮扶',
      do: ['积极主动上前服务:帮助推车、提物、抱小孩、扶老人、开门'],
      say: ['{surname}{honorific},需要我帮忙吗?', '我来帮您拿一下吧。'],
      source: src(SEED.security, '四、日常工作的礼节礼貌操作规程 4'),
      next: 'done'
    },
    {
      id: 'relay',
      title: '雷锋岗小件中转',
      do: [
        '门卫和物业接待处设雷锋岗,为业主提供快递、牛奶、矿泉水等小件中转服务',
        '登记物品和房号,通知业主领取'
      ],
      ask: { key: 'item', label: '物品和房号', kind: 'text' },
      next: 'done'
    },
    end('done', 'done', '完成')
  )
}

export const SECURITY_SCRIPTS: Script[] = [
  gateStaff,
  gateOwner,
  gateVisitor,
  gateVehicle,
  gateGoods,
  securityDailyCourtesy,
  securityConduct,
  securityPatrol,
  securityEmergency,
  securitySpecialOccasions
]
