export default definePageConfig({ navigationBarTitleText: '常用礼貌用语' })
