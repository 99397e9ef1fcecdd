export default definePageConfig({ navigationBarTitleText: '房间' })
