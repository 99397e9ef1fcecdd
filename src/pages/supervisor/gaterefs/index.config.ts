export default definePageConfig({ navigationBarTitleText: '门岗资料' })
