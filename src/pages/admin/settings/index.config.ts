export default definePageConfig({ navigationBarTitleText: '小区设置' })
