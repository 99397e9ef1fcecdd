export default definePageConfig({ navigationBarTitleText: '巡更设置' })
