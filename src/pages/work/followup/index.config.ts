export default definePageConfig({ navigationBarTitleText: '业主回访' })
