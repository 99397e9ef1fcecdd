export default definePageConfig({ navigationBarTitleText: '大门岗亭与房间' })
