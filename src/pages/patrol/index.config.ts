export default definePageConfig({ navigationBarTitleText: '巡逻', enablePullDownRefresh: true })
