export default definePageConfig({ navigationBarTitleText: '巡逻' })
