export default definePageConfig({ navigationBarTitleText: '登录岗位通' })
