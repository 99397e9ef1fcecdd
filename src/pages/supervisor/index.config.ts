export default definePageConfig({ navigationBarTitleText: '主管' })
