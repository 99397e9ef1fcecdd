export default definePageConfig({ navigationBarTitleText: '巡更情况' })
