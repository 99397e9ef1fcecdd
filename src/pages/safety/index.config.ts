export default definePageConfig({ navigationBarTitleText: '安全告警' })
