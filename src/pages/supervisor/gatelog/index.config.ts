export default definePageConfig({ navigationBarTitleText: '门岗日志' })
