export default definePageConfig({ navigationBarTitleText: '报事与任务' })
