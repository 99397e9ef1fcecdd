export default definePageConfig({ navigationBarTitleText: '访客登记' })
