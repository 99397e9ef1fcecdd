export default defineAppConfig({
  pages: ['pages/home/index', 'pages/login/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'pages/gate',
      name: 'gate',
      pages: ['index', 'visitor/index', 'pass/index', 'vehicle/index', 'goods/index']
    },
    { root: 'pages/patrol', name: 'patrol', pages: ['index'] },
    {
      root: 'pages/supervisor',
      name: 'supervisor',
      pages: [
        'index',
        'staff/index',
        'gatelog/index',
        'gaterefs/index',
        'patrol/index',
        'patrolsetup/index',
        'work/index'
      ]
    },
    { root: 'pages/admin', name: 'admin', pages: ['index', 'estate/index', 'settings/index', 'rooms/index'] },
    { root: 'pages/desk', name: 'desk', pages: ['index'] },
    // lone-worker safety alerts: the managers' and guards' list and acknowledgement
    { root: 'pages/safety', name: 'safety', pages: ['index'] },
    { root: 'pages/work', name: 'work', pages: ['report/index', 'tasks/index', 'followup/index'] },
    { root: 'pages/scripts', name: 'scripts', pages: ['index', 'run/index', 'quiz/index', 'phrases/index'] },
    { root: 'pages/handover', name: 'handover', pages: ['index'] },
    { root: 'pages/report', name: 'report', pages: ['index', 'compare/index'] },
    // 考勤: the day's clock-ins, schedules per post, the month's sheet (supervisor, admin)
    { root: 'pages/attendance', name: 'attendance', pages: ['index'] }
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0b3d6e',
    navigationBarTitleText: '岗位通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7'
  },
  tabBar: {
    color: '#5b6472',
    selectedColor: '#0b3d6e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '工作台',
        iconPath: 'assets/home.png',
        selectedIconPath: 'assets/home-on.png'
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/me.png',
        selectedIconPath: 'assets/me-on.png'
      }
    ]
  },
  // Every private location API the code calls must be declared here (and approved for the
  // account), or WeChat fails the call; test/weapp/privacy.test.ts checks src/ against app.json.
  // Precise location only: getFuzzyLocation may not be declared beside it.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '记录巡更打卡和报事的位置，便于主管核对与派单' }
  },
  // Privacy guide consent (required since 2023-10) is checked before personal-data APIs.
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents'
})
