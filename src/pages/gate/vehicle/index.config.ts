export default definePageConfig({ navigationBarTitleText: '车辆进出' })
